import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-alternative-added',
  summary: 'A new way to authenticate was added to an operation.',
  direction: 'request',
  area: 'security',
  on: ['security.alternative-added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'security alternative {schemes} added',
});
