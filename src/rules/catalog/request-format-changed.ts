import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-format-changed',
  summary: 'The format of a request value changed or was added.',
  direction: 'request',
  area: 'schema',
  on: ['schema.format.changed', 'schema.format.added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'format changed from {from} to {to}',
});
