import { defineRule } from '../define.js';

export default defineRule({
  id: 'callback-added',
  summary: 'A callback was added to an operation.',
  direction: 'webhook',
  area: 'webhook',
  on: ['callback.added'],
  verdict: { strict: 'review', 'tolerant-reader': 'compatible' },
  message: 'callback {name} {expression} added',
});
