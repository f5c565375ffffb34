import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-composition-changed',
  summary: 'A request union changed between oneOf and anyOf.',
  direction: 'request',
  area: 'schema',
  on: ['schema.composition.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'composition changed from {from} to {to}',
});
