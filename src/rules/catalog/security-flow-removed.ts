import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-flow-removed',
  summary: 'An OAuth flow was removed from a security scheme.',
  direction: 'request',
  area: 'security',
  on: ['security.flow.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'OAuth flow {flow} of {scheme} removed',
});
