import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-limit-relaxed',
  summary: 'A response limit (length, size, range) became looser.',
  direction: 'response',
  area: 'schema',
  on: ['schema.limit.changed', 'schema.multiple-of.changed'],
  when: (d) => d.args['tightened'] !== true,
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'relaxed-restrictions',
  toleratedBy: 'more-array-items',
  message: '{keyword} relaxed from {from} to {to}',
});
