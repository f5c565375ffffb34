import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-additional-properties-allowed',
  summary: 'A response object may now carry undeclared properties.',
  direction: 'response',
  area: 'schema',
  on: ['schema.additional-properties.allowed'],
  verdict: { strict: 'review', 'tolerant-reader': 'compatible' },
  policyClause: 'additive-response-fields',
  toleratedBy: 'unknown-property',
  message: 'undeclared properties may now appear',
});
