import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-nullable-added',
  summary: 'A response value may now be null.',
  direction: 'response',
  area: 'schema',
  on: ['schema.nullable.added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{subject} may now be null',
});
