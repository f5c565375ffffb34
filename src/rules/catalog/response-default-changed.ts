import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-default-changed',
  summary: 'The documented default of a response value changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.default.changed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'default changed from {from} to {to}',
});
