import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-enum-value-added',
  summary: 'A value the provider may send was added to an enum.',
  direction: 'response',
  area: 'schema',
  on: ['schema.enum.value-added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'new-typed-values',
  toleratedBy: 'unknown-enum-value',
  message: 'enum value {value} added',
});
