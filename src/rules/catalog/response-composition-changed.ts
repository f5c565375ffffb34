import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-composition-changed',
  summary: 'A response union changed between oneOf and anyOf.',
  direction: 'response',
  area: 'schema',
  on: ['schema.composition.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'composition changed from {from} to {to}',
});
