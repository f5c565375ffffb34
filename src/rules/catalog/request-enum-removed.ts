import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-enum-removed',
  summary: 'A request value is no longer restricted to an enum.',
  direction: 'request',
  area: 'schema',
  on: ['schema.enum.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'enum restriction removed',
});
