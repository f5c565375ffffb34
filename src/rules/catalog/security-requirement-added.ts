import { defineRule } from '../define.js';

export default defineRule({
  id: 'security-requirement-added',
  summary: 'Authentication became mandatory for an operation that allowed anonymous calls.',
  direction: 'request',
  area: 'security',
  on: ['security.required'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'security now required: {schemes}',
});
