import { defineRule } from '../define.js';

/** A header the provider sent with a webhook or callback request is no longer sent. */
export default defineRule({
  id: 'webhook-header-removed',
  summary: 'A header is no longer sent with the requests the provider makes to a webhook or callback.',
  description: 'Receivers may read the header (a signature, an event id used to drop duplicates), so its removal needs review at least.',
  direction: 'webhook',
  area: 'webhook',
  on: ['webhook.header.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'header {name} no longer sent with the webhook request',
});
