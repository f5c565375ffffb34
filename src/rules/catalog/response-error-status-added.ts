import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-error-status-added',
  summary: 'An error status code was added to an operation.',
  direction: 'response',
  area: 'response',
  on: ['response.status.added'],
  when: (d) => d.args['success'] !== true,
  verdict: { strict: 'review', 'tolerant-reader': 'compatible' },
  policyClause: 'error-handling',
  toleratedBy: 'changed-error-status',
  message: 'error status {status} added',
});
