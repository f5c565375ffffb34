import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scheme-type-changed',
  summary: 'The type of a security scheme changed.',
  direction: 'request',
  area: 'security',
  on: ['security.scheme.type-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'security scheme {scheme} changed from {from} to {to}',
});
