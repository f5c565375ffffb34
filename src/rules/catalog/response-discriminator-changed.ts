import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-discriminator-changed',
  summary: 'The discriminator property of a response union changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.discriminator.property-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'discriminator changed from {from} to {to}',
});
