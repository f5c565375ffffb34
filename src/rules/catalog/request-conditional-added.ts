import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-conditional-added',
  summary: 'An `if`, `then` or `else` subschema was added to a request schema: values may now have to meet a condition.',
  direction: 'request',
  area: 'schema',
  on: ['schema.keyword.added'],
  when: (d) => ['if', 'then', 'else'].includes(String(d.args['keyword'])),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '`{keyword}` subschema added',
});
