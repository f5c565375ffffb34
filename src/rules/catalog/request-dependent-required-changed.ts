import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-dependent-required-changed',
  summary: 'A `dependentRequired` entry of a request schema was added or changed: a field may now demand others.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added', 'schema.keyword.changed'],
  when: (d) => ['dependentRequired'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'fields required alongside {key} changed from {from} to {to}',
});
