import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-pattern-added',
  summary: 'A response value gained a pattern (narrower).',
  direction: 'response',
  area: 'schema',
  on: ['schema.pattern.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'pattern {to} added',
});
