import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-stability-level-invalid',
  summary: 'The `x-stability-level` of an operation is not one of draft, alpha, beta or stable.',
  direction: 'any',
  area: 'operation',
  on: ['operation.stability-invalid'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'unknown stability level {level}',
});
