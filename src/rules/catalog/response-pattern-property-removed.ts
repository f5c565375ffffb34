import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-pattern-property-removed',
  summary: 'A `patternProperties` entry was removed from a response schema: matching fields are no longer described.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['patternProperties'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'pattern property {key} removed',
});
