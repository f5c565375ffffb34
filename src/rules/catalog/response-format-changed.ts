import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-format-changed',
  summary: 'The format of a response value changed or was removed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.format.changed', 'schema.format.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'format changed from {from} to {to}',
});
