import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-write-only-changed',
  summary: 'The writeOnly flag of a request property changed.',
  direction: 'request',
  area: 'schema',
  on: ['schema.write-only.added', 'schema.write-only.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'writeOnly changed on {property}',
});
