import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-format-added',
  summary: 'A response value gained a format (narrower).',
  direction: 'response',
  area: 'schema',
  on: ['schema.format.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'format {to} added',
});
