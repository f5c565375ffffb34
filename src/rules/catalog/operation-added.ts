import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-added',
  summary: 'An operation was added.',
  direction: 'any',
  area: 'operation',
  on: ['operation.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'new-endpoints',
  message: 'operation {name} added',
});
