import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-flow-url-changed',
  summary: 'An OAuth URL (authorization, token or refresh) changed.',
  direction: 'request',
  area: 'security',
  on: ['security.flow.url-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} of {scheme} {flow} changed from {from} to {to}',
});
