import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-content-schema-removed',
  summary: 'A `contentSchema` was removed from a response string: its decoded content is no longer described.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['contentSchema'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: '`contentSchema` removed',
});
