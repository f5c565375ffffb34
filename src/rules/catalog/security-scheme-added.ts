import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scheme-added',
  summary: 'A security scheme was added.',
  direction: 'request',
  area: 'security',
  on: ['security.scheme.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'security scheme {scheme} added',
});
