import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-nullable-added',
  summary: 'A request value may now be null.',
  direction: 'request',
  area: 'schema',
  on: ['schema.nullable.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{subject} may now be null',
});
