import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-stability-decreased',
  summary: 'The `x-stability-level` of a response schema or property went down.',
  direction: 'response',
  area: 'schema',
  on: ['schema.stability.decreased'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'stability level of {property} lowered from {from} to {to}',
});
