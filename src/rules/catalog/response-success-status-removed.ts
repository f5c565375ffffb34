import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-success-status-removed',
  summary: 'A success status code was removed from an operation.',
  direction: 'response',
  area: 'response',
  on: ['response.status.removed'],
  when: (d) => d.args['success'] === true,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'success status {status} removed',
});
