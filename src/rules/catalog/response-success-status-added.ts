import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-success-status-added',
  summary: 'A success status code was added to an operation.',
  direction: 'response',
  area: 'response',
  on: ['response.status.added'],
  when: (d) => d.args['success'] === true,
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'success status {status} added',
});
