import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-conditional-removed',
  summary: 'An `if`, `then` or `else` subschema was removed from a response schema: what the condition guaranteed no longer holds.',
  direction: 'response',
  area: 'schema',
  on: ['schema.keyword.removed'],
  when: (d) => ['if', 'then', 'else'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: '`{keyword}` subschema removed',
});
