import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-removed',
  summary: 'A property was removed from a request schema.',
  direction: 'request',
  area: 'schema',
  on: ['schema.property.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'property {property} removed',
});
