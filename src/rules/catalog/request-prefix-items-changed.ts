import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-prefix-items-changed',
  summary: 'A `prefixItems` entry was added to or removed from a request array: positions now mean something else.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added', 'schema.keyword.removed'],
  when: (d) => ['prefixItems'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'prefixItems entry {key} added or removed',
});
