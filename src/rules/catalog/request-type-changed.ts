import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-type-changed',
  summary: 'The type of a request value changed to one that rejects what was accepted.',
  direction: 'request',
  area: 'schema',
  on: ['schema.type.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'type changed from {from} to {to}',
});
