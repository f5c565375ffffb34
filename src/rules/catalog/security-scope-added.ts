import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scope-added',
  summary: 'An operation requires an additional OAuth scope.',
  direction: 'request',
  area: 'security',
  on: ['security.scope-added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'scope {scope} of {scheme} now required',
});
