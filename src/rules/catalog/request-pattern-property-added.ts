import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-pattern-property-added',
  summary: 'A `patternProperties` entry was added to a request schema: matching fields are now constrained.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['patternProperties'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'pattern property {key} added',
});
