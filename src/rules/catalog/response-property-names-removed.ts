import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-names-removed',
  summary: 'A `propertyNames` constraint was removed from a response schema: field names are no longer restricted.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['propertyNames'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  message: '`propertyNames` constraint removed',
});
