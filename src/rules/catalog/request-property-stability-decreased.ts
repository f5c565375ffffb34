import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-stability-decreased',
  summary: 'The `x-stability-level` of a request schema or property went down.',
  direction: 'request',
  area: 'schema',
  on: ['schema.stability.decreased'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'stability level of {property} lowered from {from} to {to}',
});
