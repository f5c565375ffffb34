/**
 * The webhook tolerance suite for the example receiver, as an integrator writes it: every
 * webhook of the Sunshine Conversations v2 spec, and every change its versioning policy
 * allows, is posted with the webhook secret; unsigned and wrongly signed deliveries must be
 * rejected, and a redelivered event must be processed once.
 */
import { describeWebhookTolerance, sunshineWebhookSigner } from 'apicompat/vitest';
import { createSunshineWebhookHandler } from './handler.js';

const secret = 'whsec_example_only';
const app = createSunshineWebhookHandler({ secret });

describeWebhookTolerance({
  spec: 'specs/sunshine-conversations/v2.yaml',
  policy: 'specs/sunshine-conversations/policy.yaml',
  handler: app.listener,
  sign: sunshineWebhookSigner(secret),
  processed: (eventId) => app.processed(eventId),
});
