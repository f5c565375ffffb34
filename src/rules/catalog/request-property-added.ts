import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-added',
  summary: 'An optional property was added to a request schema.',
  direction: 'request',
  area: 'schema',
  on: ['schema.property.added'],
  when: (d) => d.args['required'] !== true,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'optional-request-input',
  message: 'optional property {property} added',
});
