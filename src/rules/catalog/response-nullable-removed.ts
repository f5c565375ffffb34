import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-nullable-removed',
  summary: 'A response value is no longer null.',
  direction: 'response',
  area: 'schema',
  on: ['schema.nullable.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{subject} is no longer null',
});
