import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-enum-value-removed',
  summary: 'A value the provider sent is no longer in an enum.',
  direction: 'response',
  area: 'schema',
  on: ['schema.enum.value-removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'enum value {value} removed',
});
