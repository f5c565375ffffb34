import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-unevaluated-removed',
  summary: 'An `unevaluatedProperties` or `unevaluatedItems` constraint was removed from a response schema: extra fields or items may appear.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['unevaluatedProperties', 'unevaluatedItems'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: '`{keyword}` constraint removed',
});
