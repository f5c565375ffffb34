import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-discriminator-changed',
  summary: 'The discriminator property of a request union changed.',
  direction: 'request',
  area: 'schema',
  on: ['schema.discriminator.property-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'discriminator changed from {from} to {to}',
});
