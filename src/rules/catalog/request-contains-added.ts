import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-contains-added',
  summary: 'A `contains` constraint was added to a request array: some item must now match it.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['contains'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '`contains` constraint added',
});
