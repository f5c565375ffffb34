import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-stability-decreased',
  summary: 'The `x-stability-level` of an operation went down (for instance stable to beta): it may now change without notice.',
  direction: 'any',
  area: 'operation',
  on: ['operation.stability-decreased'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'stability level lowered from {from} to {to}',
});
