import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-added',
  summary: 'A property was added to a response or webhook payload.',
  direction: 'response',
  area: 'schema',
  on: ['schema.property.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'additive-response-fields',
  toleratedBy: 'unknown-property',
  message: 'property {property} added',
});
