import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-undeprecated',
  summary: 'An operation is no longer deprecated.',
  direction: 'any',
  area: 'operation',
  on: ['operation.undeprecated'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'operation is no longer deprecated',
});
