import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-optional-property-removed',
  summary: 'An optional property was removed from a response or webhook payload.',
  direction: 'response',
  area: 'schema',
  on: ['schema.property.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'optional property {property} removed',
});
