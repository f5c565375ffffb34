import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-read-write-changed',
  summary: 'The readOnly flag of a response property changed, or writeOnly was removed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.read-only.added', 'schema.read-only.removed', 'schema.write-only.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'read/write flags changed on {property}',
});
