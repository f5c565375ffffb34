import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-content-encoding-changed',
  summary: 'The `contentMediaType` or `contentEncoding` of a response string changed: clients must decode it differently.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.changed'],
  when: (d) => ['contentMediaType', 'contentEncoding'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} changed from {from} to {to}',
});
