import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-limit-relaxed',
  summary: 'A request limit became looser.',
  direction: 'request',
  area: 'schema',
  on: ['schema.limit.changed'],
  when: (d) => d.args['tightened'] === false,
  priority: 10,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'relaxed-restrictions',
  message: '{keyword} relaxed from {from} to {to}',
});
