import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scheme-parameter-changed',
  summary: 'The header, query or cookie that carries an API key changed.',
  direction: 'request',
  area: 'security',
  on: ['security.scheme.parameter-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'security scheme {scheme} moved from {from} to {to}',
});
