import { defineRule } from '../define.js';

/** Headers of a webhook or callback request are written by the provider: a new one is read like a new response header. */
export default defineRule({
  id: 'webhook-header-added',
  summary: 'A header was added to the requests the provider sends to a webhook or callback.',
  description:
    'The parameters of a webhook (or callback) operation describe the request the provider sends, so a new header, even a required one, is something the receiver may read, not something it must send.',
  direction: 'webhook',
  area: 'webhook',
  on: ['webhook.header.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'additive-response-fields',
  toleratedBy: 'extra-header',
  message: 'header {name} added to the webhook request',
});
