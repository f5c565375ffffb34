/**
 * 8x8 Contact Center Chat v2 webhooks: each delivery carries a JWS over the raw body in
 * `X-8x8-Signature`, in compact serialisation with a detached, unencoded payload (RFC 7797:
 * protected header `{alg, kid, b64: false, crit: ["b64"]}`, value `<protected>..<signature>`),
 * plus `X-8x8-Event-Id`, `X-8x8-Retry-Count` and `X-8x8-Transmission-Time`.
 */
import { randomUUID } from 'node:crypto';
import {
  FlattenedSign,
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  flattenedVerify,
  generateKeyPair,
  type CryptoKey,
  type FlattenedVerifyGetKey,
  type JSONWebKeySet,
  type JWK,
  type KeyObject,
} from 'jose';
import { headerValue, type HeaderSource, type VerifyResult, type WebhookSigner } from './signers-common.js';

export const EIGHT_BY_EIGHT_HEADERS = {
  signature: 'X-8x8-Signature',
  eventId: 'X-8x8-Event-Id',
  retryCount: 'X-8x8-Retry-Count',
  transmissionTime: 'X-8x8-Transmission-Time',
} as const;

export type SigningAlgorithm = 'ES256' | 'RS256';
const ALGORITHMS: SigningAlgorithm[] = ['RS256', 'ES256'];

/** A signing key pair and the key set a receiver verifies with (what `GET .../webhook-keys` serves). */
export interface WebhookSigningKeys {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: CryptoKey | KeyObject;
  publicKey: CryptoKey | KeyObject;
  jwks: JSONWebKeySet;
}

/** A fresh key pair for signing test deliveries (ES256 unless told otherwise). */
export async function generateWebhookSigningKeys(options: { kid?: string; alg?: SigningAlgorithm } = {}): Promise<WebhookSigningKeys> {
  const alg = options.alg ?? 'ES256';
  const kid = options.kid ?? `key-${randomUUID()}`;
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: false, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, jwks: { keys: [jwk] } };
}

export interface EightByEightVerifyOptions {
  /** The provider's key set (from `GET /{region}/chat/v2/webhook-keys`), one public key, or a key lookup. */
  keys: JSONWebKeySet | CryptoKey | KeyObject | Uint8Array | FlattenedVerifyGetKey;
  /** Accepted algorithms. Default RS256 and ES256. */
  algorithms?: SigningAlgorithm[];
  /** Reject deliveries whose `X-8x8-Transmission-Time` is older than this (or in the future by more). */
  maxAgeSeconds?: number;
  /** The current time, for the age check. */
  now?: Date;
}

const DETACHED = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/;

function isKeySet(keys: EightByEightVerifyOptions['keys']): keys is JSONWebKeySet {
  return typeof keys === 'object' && keys !== null && Array.isArray((keys as JSONWebKeySet).keys);
}

/**
 * Verifies an 8x8 v2 delivery: the JWS in `X-8x8-Signature` against the raw body bytes exactly
 * as received (never a re-serialised JSON), with an unencoded payload and a key chosen by `kid`.
 */
export async function verifyEightByEightWebhook(headers: HeaderSource, rawBody: string | Uint8Array, options: EightByEightVerifyOptions): Promise<VerifyResult> {
  const value = headerValue(headers, EIGHT_BY_EIGHT_HEADERS.signature);
  if (value === undefined) return { ok: false, reason: `no ${EIGHT_BY_EIGHT_HEADERS.signature} header` };
  const match = DETACHED.exec(value.trim());
  if (!match) return { ok: false, reason: `${EIGHT_BY_EIGHT_HEADERS.signature} is not a detached compact JWS (<protected>..<signature>)` };
  const [, protectedHeader, signature] = match as unknown as [string, string, string];
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(`${protectedHeader}..${signature}`) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'the protected header is not valid base64url JSON' };
  }
  if (header.b64 !== false || !Array.isArray(header.crit) || !header.crit.includes('b64')) {
    return { ok: false, reason: 'the protected header must hold b64: false and crit: ["b64"]' };
  }
  const payload = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody;
  const key = isKeySet(options.keys) ? createLocalJWKSet(options.keys) : options.keys;
  try {
    // jose's overloads split key objects and key lookups; both are accepted at run time.
    await flattenedVerify({ protected: protectedHeader, signature, payload }, key as FlattenedVerifyGetKey, { algorithms: options.algorithms ?? ALGORITHMS });
  } catch (error) {
    return { ok: false, reason: `signature does not verify (${(error as Error).message})` };
  }
  if (options.maxAgeSeconds !== undefined) {
    const sent = headerValue(headers, EIGHT_BY_EIGHT_HEADERS.transmissionTime);
    const at = sent === undefined ? NaN : Date.parse(sent);
    if (Number.isNaN(at)) return { ok: false, reason: `no valid ${EIGHT_BY_EIGHT_HEADERS.transmissionTime} header` };
    const age = ((options.now ?? new Date()).getTime() - at) / 1000;
    if (Math.abs(age) > options.maxAgeSeconds) return { ok: false, reason: `delivery sent ${Math.round(age)} s ago (limit ${options.maxAgeSeconds} s)` };
  }
  return { ok: true };
}

export interface EightByEightSignerOptions {
  /** Signing key; with `publicKey` or `jwks` the signer can also verify. */
  privateKey: CryptoKey | KeyObject | Uint8Array;
  kid: string;
  alg?: SigningAlgorithm;
  publicKey?: CryptoKey | KeyObject;
  jwks?: JSONWebKeySet;
}

/** Signs deliveries the way 8x8 Chat v2 does (see the file comment). Takes the result of `generateWebhookSigningKeys` as is. */
export function eightByEightWebhookSigner(options: EightByEightSignerOptions): WebhookSigner {
  const alg = options.alg ?? 'ES256';
  const { privateKey, kid } = options;
  const verifyKeys = options.jwks ?? options.publicKey;
  return {
    name: '8x8-chat-v2',
    authHeaders: [EIGHT_BY_EIGHT_HEADERS.signature],
    coversBody: true,
    async sign({ body, eventId, attempt, sentAt }) {
      const jws = await new FlattenedSign(new TextEncoder().encode(body)).setProtectedHeader({ alg, kid, b64: false, crit: ['b64'] }).sign(privateKey);
      const headers: Record<string, string> = {
        [EIGHT_BY_EIGHT_HEADERS.signature]: `${jws.protected}..${jws.signature}`,
        [EIGHT_BY_EIGHT_HEADERS.retryCount]: String(attempt),
        [EIGHT_BY_EIGHT_HEADERS.transmissionTime]: sentAt.toISOString(),
      };
      if (eventId !== undefined) headers[EIGHT_BY_EIGHT_HEADERS.eventId] = eventId;
      return headers;
    },
    async impostor() {
      // Another key under the same kid: what an attacker who read the key id could send.
      const other = await generateWebhookSigningKeys({ kid, alg });
      return eightByEightWebhookSigner(other);
    },
    async verify(headers, rawBody) {
      if (verifyKeys === undefined) return { ok: false, reason: 'this signer has no public key to verify with (pass publicKey or jwks)' };
      return verifyEightByEightWebhook(headers, rawBody, { keys: verifyKeys, algorithms: [alg] });
    },
  };
}
