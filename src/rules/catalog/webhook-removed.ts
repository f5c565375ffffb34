import { defineRule } from '../define.js';

export default defineRule({
  id: 'webhook-removed',
  summary: 'A webhook (event type) was removed.',
  direction: 'webhook',
  area: 'webhook',
  on: ['webhook.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'webhook {name} removed',
});
