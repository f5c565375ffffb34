import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-became-writable',
  summary: 'A read-only property may now be sent in requests.',
  direction: 'request',
  area: 'schema',
  on: ['schema.read-only.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'property {property} is no longer read-only',
});
