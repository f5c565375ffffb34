import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-extensible-enum-value-removed',
  summary: 'A value of an `x-extensible-enum` was removed from a response schema: the server no longer sends it.',
  direction: 'response',
  area: 'schema',
  on: ['schema.extensible-enum.value-removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'extensible enum value {value} removed',
});
