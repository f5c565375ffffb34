import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-const-changed',
  summary: 'The constant value of a request field changed.',
  direction: 'request',
  area: 'schema',
  on: ['schema.const.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'constant changed from {from} to {to}',
});
