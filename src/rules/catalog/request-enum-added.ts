import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-enum-added',
  summary: 'A request value is now restricted to an enum.',
  direction: 'request',
  area: 'schema',
  on: ['schema.enum.added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'value restricted to {values}',
});
