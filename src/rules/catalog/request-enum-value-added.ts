import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-enum-value-added',
  summary: 'A value was added to a request enum.',
  direction: 'request',
  area: 'schema',
  on: ['schema.enum.value-added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'enum value {value} added',
});
