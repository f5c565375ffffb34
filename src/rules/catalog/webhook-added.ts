import { defineRule } from '../define.js';

export default defineRule({
  id: 'webhook-added',
  summary: 'A webhook (event type) was added.',
  direction: 'webhook',
  area: 'webhook',
  on: ['webhook.added'],
  verdict: { strict: 'review', 'tolerant-reader': 'compatible' },
  policyClause: 'new-webhook-triggers',
  toleratedBy: 'unknown-webhook-trigger',
  message: 'webhook {name} added',
});
