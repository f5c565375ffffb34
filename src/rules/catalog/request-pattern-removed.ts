import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-pattern-removed',
  summary: 'A request pattern was removed.',
  direction: 'request',
  area: 'schema',
  on: ['schema.pattern.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'relaxed-restrictions',
  message: 'pattern {from} removed',
});
