import { defineRule } from '../define.js';

export default defineRule({
  id: 'callback-removed',
  summary: 'A callback was removed from an operation.',
  direction: 'webhook',
  area: 'webhook',
  on: ['callback.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'callback {name} {expression} removed',
});
