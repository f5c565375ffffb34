import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-pattern-relaxed',
  summary: 'A response pattern was removed or changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.pattern.removed', 'schema.pattern.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'relaxed-restrictions',
  message: 'pattern changed from {from} to {to}',
});
