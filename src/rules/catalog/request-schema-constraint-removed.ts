import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-schema-constraint-removed',
  summary: 'A JSON Schema constraint (`if`/`then`/`else`, `contains`, `dependentSchemas`, `dependentRequired`, `patternProperties`, `propertyNames`, `unevaluated*`, `contentSchema`) was removed from a request schema: more values are accepted.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => !['prefixItems'].includes(String(d.args['keyword'])),
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{keyword} constraint removed',
});
