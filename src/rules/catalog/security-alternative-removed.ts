import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-alternative-removed',
  summary: 'A way to authenticate was removed from an operation.',
  direction: 'request',
  area: 'security',
  on: ['security.alternative-removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'security alternative {schemes} removed',
});
