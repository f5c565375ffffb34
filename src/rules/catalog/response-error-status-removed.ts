import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-error-status-removed',
  summary: 'An error status code was removed from an operation.',
  direction: 'response',
  area: 'response',
  on: ['response.status.removed'],
  when: (d) => d.args['success'] !== true,
  verdict: { strict: 'review', 'tolerant-reader': 'compatible' },
  policyClause: 'error-handling',
  toleratedBy: 'changed-error-status',
  message: 'error status {status} removed',
});
