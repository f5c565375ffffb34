import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-requirement-removed',
  summary: 'An operation no longer requires authentication.',
  direction: 'request',
  area: 'security',
  on: ['security.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'security requirement {schemes} removed',
});
