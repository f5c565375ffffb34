import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-dependent-schema-removed',
  summary: 'A `dependentSchemas` entry was removed from a response schema: what it guaranteed no longer holds.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['dependentSchemas'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'dependent schema for {key} removed',
});
