import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-header-added',
  summary: 'A response header was added.',
  direction: 'response',
  area: 'response',
  on: ['response.header.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'additive-response-fields',
  toleratedBy: 'extra-header',
  message: 'response {status} header {header} added',
});
