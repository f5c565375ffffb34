import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-limit-tightened',
  summary: 'A response limit became stricter.',
  direction: 'response',
  area: 'schema',
  on: ['schema.limit.changed'],
  when: (d) => d.args['tightened'] === true,
  priority: 10,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{keyword} tightened from {from} to {to}',
});
