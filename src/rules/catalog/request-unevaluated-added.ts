import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-unevaluated-added',
  summary: 'An `unevaluatedProperties` or `unevaluatedItems` constraint was added to a request schema: extra fields or items may now be refused.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['unevaluatedProperties', 'unevaluatedItems'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '`{keyword}` constraint added',
});
