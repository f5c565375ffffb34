import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-discriminator-mapping-added',
  summary: 'A discriminator value (a new type) was added to a response union.',
  direction: 'response',
  area: 'schema',
  on: ['schema.discriminator.mapping-added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'new-typed-values',
  toleratedBy: 'unknown-discriminator-value',
  message: 'discriminator value {value} added',
});
