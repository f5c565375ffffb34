import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-additional-properties-allowed',
  summary: 'A request object now accepts undeclared properties.',
  direction: 'request',
  area: 'schema',
  on: ['schema.additional-properties.allowed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'undeclared properties now accepted',
});
