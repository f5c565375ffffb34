import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-type-narrowed',
  summary: 'The type of a response value narrowed (e.g. number to integer).',
  direction: 'response',
  area: 'schema',
  on: ['schema.type.changed'],
  when: (d) => d.args['narrowed'] === true,
  priority: 10,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'type narrowed from {from} to {to}',
});
