import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-additional-properties-restricted',
  summary: 'A response object no longer carries undeclared properties.',
  direction: 'response',
  area: 'schema',
  on: ['schema.additional-properties.restricted'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'undeclared properties no longer sent',
});
