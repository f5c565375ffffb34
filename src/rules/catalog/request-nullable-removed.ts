import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-nullable-removed',
  summary: 'A request value may no longer be null.',
  direction: 'request',
  area: 'schema',
  on: ['schema.nullable.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{subject} may no longer be null',
});
