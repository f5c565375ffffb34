import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-default-changed',
  summary: 'The default value of a request field changed: omitting it now means something else.',
  direction: 'request',
  area: 'schema',
  on: ['schema.default.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'default changed from {from} to {to}',
});
