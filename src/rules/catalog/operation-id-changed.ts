import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-id-changed',
  summary: 'The operationId of an operation changed.',
  direction: 'any',
  area: 'operation',
  on: ['operation.id-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  message: 'operationId changed from {from} to {to}',
});
