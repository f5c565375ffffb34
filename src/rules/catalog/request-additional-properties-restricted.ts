import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-additional-properties-restricted',
  summary: 'A request object no longer accepts undeclared properties.',
  direction: 'request',
  area: 'schema',
  on: ['schema.additional-properties.restricted'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'undeclared properties no longer accepted',
});
