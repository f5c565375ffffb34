import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-deprecated',
  summary: 'An operation was marked deprecated.',
  direction: 'any',
  area: 'operation',
  on: ['operation.deprecated'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'operation deprecated',
});
