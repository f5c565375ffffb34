import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-contains-removed',
  summary: 'A `contains` constraint was removed from a response array: no item is promised to match it any more.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['contains'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: '`contains` constraint removed',
});
