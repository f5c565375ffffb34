import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-dependent-schema-added',
  summary: 'A `dependentSchemas` entry was added to a request schema: a field now brings extra constraints.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['dependentSchemas'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'dependent schema for {key} added',
});
