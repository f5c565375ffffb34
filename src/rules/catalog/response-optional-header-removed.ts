import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-optional-header-removed',
  summary: 'An optional response header was removed.',
  direction: 'response',
  area: 'response',
  on: ['response.header.removed'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'optional response {status} header {header} removed',
});
