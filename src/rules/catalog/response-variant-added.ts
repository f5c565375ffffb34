import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-variant-added',
  summary: 'A oneOf/anyOf variant (a new type) was added to a response or webhook payload.',
  direction: 'response',
  area: 'schema',
  on: ['schema.variant.added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'new-typed-values',
  toleratedBy: 'unknown-discriminator-value',
  message: '{composition} variant {variant} added',
});
