import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scheme-scope-removed',
  summary: 'A scope was removed from an OAuth flow.',
  direction: 'request',
  area: 'security',
  on: ['security.scheme.scope-removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'scope {scope} removed from {scheme} {flow}',
});
