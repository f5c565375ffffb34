/**
 * Sunshine Conversations v2 webhooks: every delivery carries the webhook's shared secret in the
 * `X-API-Key` header. The secret does not depend on the body, so a receiver can only check that
 * the header holds the secret (a changed body cannot be told apart; use HTTPS).
 */
import { randomBytes } from 'node:crypto';
import { headerValue, secretsEqual, type HeaderSource, type VerifyResult, type WebhookSigner } from './signers-common.js';

export const SUNSHINE_SECRET_HEADER = 'X-API-Key';

export interface SunshineSignerOptions {
  /** Header that carries the secret. Default `X-API-Key`. */
  header?: string;
}

/** Checks that a delivery carries the webhook's secret. */
export function verifySunshineWebhook(headers: HeaderSource, secret: string, options: SunshineSignerOptions = {}): VerifyResult {
  const header = options.header ?? SUNSHINE_SECRET_HEADER;
  const value = headerValue(headers, header);
  if (value === undefined) return { ok: false, reason: `no ${header} header` };
  if (!secretsEqual(value, secret)) return { ok: false, reason: `${header} does not hold the webhook secret` };
  return { ok: true };
}

/** Signs deliveries the way Sunshine Conversations v2 does: the webhook secret in `X-API-Key`. */
export function sunshineWebhookSigner(secret: string, options: SunshineSignerOptions = {}): WebhookSigner {
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('sunshineWebhookSigner needs the webhook secret (a non-empty string)');
  const header = options.header ?? SUNSHINE_SECRET_HEADER;
  return {
    name: 'sunshine-conversations-v2',
    authHeaders: [header],
    coversBody: false,
    async sign() {
      return { [header]: secret };
    },
    async impostor() {
      let other = randomBytes(18).toString('base64url');
      while (other === secret) other = randomBytes(18).toString('base64url');
      return sunshineWebhookSigner(other, options);
    },
    async verify(headers) {
      return verifySunshineWebhook(headers, secret, options);
    },
  };
}
