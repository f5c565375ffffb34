import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-content-schema-added',
  summary: 'A `contentSchema` was added to a request string: its decoded content is now constrained.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['contentSchema'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '`contentSchema` added',
});
