import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-content-encoding-changed',
  summary: 'The `contentMediaType` or `contentEncoding` of a request string changed: clients must encode it differently.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.changed'],
  when: (d) => ['contentMediaType', 'contentEncoding'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} changed from {from} to {to}',
});
