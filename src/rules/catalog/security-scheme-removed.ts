import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scheme-removed',
  summary: 'A security scheme was removed.',
  direction: 'request',
  area: 'security',
  on: ['security.scheme.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'security scheme {scheme} removed',
});
