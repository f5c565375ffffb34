import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-scope-removed',
  summary: 'An operation requires one OAuth scope less.',
  direction: 'request',
  area: 'security',
  on: ['security.scope-removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'scope {scope} of {scheme} no longer required',
});
