import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-dependent-required-changed',
  summary: 'A `dependentRequired` entry of a response schema was removed or changed: fields that came together may come alone.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed', 'schema.keyword.changed'],
  when: (d) => ['dependentRequired'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'fields required alongside {key} changed from {from} to {to}',
});
