import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-schema-constraint-added',
  summary: 'A JSON Schema constraint (`if`/`then`/`else`, `contains`, `dependentSchemas`, `dependentRequired`, `patternProperties`, `propertyNames`, `unevaluated*`, `contentSchema`) was added to a response schema: responses promise more.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => !['prefixItems'].includes(String(d.args['keyword'])),
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{keyword} constraint added',
});
