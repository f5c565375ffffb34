import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-const-changed',
  summary: 'The constant value of a response field changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.const.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'constant changed from {from} to {to}',
});
