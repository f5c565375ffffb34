import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-format-changed',
  summary: 'The format of a response value changed (a removed format is response-format-removed).',
  direction: 'response',
  area: 'schema',
  on: ['schema.format.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'format changed from {from} to {to}',
});
