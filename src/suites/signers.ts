/**
 * Webhook signers: how a provider authenticates the events it posts, so the webhook suite can
 * deliver events the integrator's handler accepts, and forgeries it must reject. Each signer
 * comes with a verify helper an integrator's handler can use on real deliveries.
 */
export {
  headerValue,
  secretsEqual,
  type HeaderSource,
  type VerifyResult,
  type WebhookDelivery,
  type WebhookSigner,
} from './signers-common.js';
export { sunshineWebhookSigner, verifySunshineWebhook, SUNSHINE_SECRET_HEADER, type SunshineSignerOptions } from './signers-sunshine.js';
export {
  eightByEightWebhookSigner,
  verifyEightByEightWebhook,
  generateWebhookSigningKeys,
  EIGHT_BY_EIGHT_HEADERS,
  type EightByEightSignerOptions,
  type EightByEightVerifyOptions,
  type WebhookSigningKeys,
} from './signers-8x8.js';
