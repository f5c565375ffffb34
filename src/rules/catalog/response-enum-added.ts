import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-enum-added',
  summary: 'A response value is now restricted to an enum.',
  direction: 'response',
  area: 'schema',
  on: ['schema.enum.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'value restricted to {values}',
});
