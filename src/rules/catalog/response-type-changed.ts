import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-type-changed',
  summary: 'The type of a response value changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.type.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'type changed from {from} to {to}',
});
