import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-limit-tightened',
  summary: 'A request limit (min/max, length, items, uniqueness) became stricter.',
  direction: 'request',
  area: 'schema',
  on: ['schema.limit.changed', 'schema.multiple-of.changed'],
  when: (d) => d.args['tightened'] !== false,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} tightened from {from} to {to}',
});
