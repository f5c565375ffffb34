import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-enum-value-removed',
  summary: 'A value was removed from a request enum.',
  direction: 'request',
  area: 'schema',
  on: ['schema.enum.value-removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'enum value {value} removed',
});
