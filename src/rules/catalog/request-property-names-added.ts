import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-names-added',
  summary: 'A `propertyNames` constraint was added to a request schema: some field names are now refused.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['propertyNames'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '`propertyNames` constraint added',
});
