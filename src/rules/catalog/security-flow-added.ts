import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-flow-added',
  summary: 'An OAuth flow was added to a security scheme.',
  direction: 'request',
  area: 'security',
  on: ['security.flow.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'OAuth flow {flow} of {scheme} added',
});
