import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-type-widened',
  summary: 'The type of a request value now accepts more.',
  direction: 'request',
  area: 'schema',
  on: ['schema.type.changed'],
  when: (d) => d.args['widened'] === true,
  priority: 10,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'type widened from {from} to {to}',
});
