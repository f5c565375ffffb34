/** What every webhook signer shares: the signer contract and header helpers. */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** One delivery attempt of a webhook event. */
export interface WebhookDelivery {
  /** The exact request body bytes (UTF-8 JSON). */
  body: string;
  /** Id of the event (the first one, for batches); unchanged across redeliveries. */
  eventId?: string;
  /** 0 for the first attempt, 1 for the first redelivery, and so on. */
  attempt: number;
  /** When the attempt is sent. */
  sentAt: Date;
}

/** How a provider signs (or otherwise authenticates) its webhook deliveries. */
export interface WebhookSigner {
  /** Shown in reports, e.g. `sunshine-conversations-v2`. */
  readonly name: string;
  /**
   * Request headers for a delivery: the credential or signature, plus the provider's delivery
   * headers (event id, retry count, transmission time) when it sends any.
   */
  sign(delivery: WebhookDelivery): Promise<Record<string, string>>;
  /** Names of the headers that carry the credential or signature; an unsigned delivery lacks them. */
  readonly authHeaders: readonly string[];
  /** Whether the credential covers the body bytes, so that a changed body must be rejected. */
  readonly coversBody: boolean;
  /** A signer of the same kind with a key the receiver does not trust. */
  impostor(): Promise<WebhookSigner>;
  /** Whether a received delivery verifies with this signer's (trusted) key. */
  verify(headers: HeaderSource, rawBody: string | Uint8Array): Promise<VerifyResult>;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Request headers as node (`req.headers`), fetch (`Headers`) or a plain record give them. */
export type HeaderSource = IncomingHttpHeaders | Headers | Record<string, string | string[] | undefined>;

/** The value of a header, looked up without regard to case; the first one when repeated. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== lower) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Compares two secrets in time that does not depend on where they differ. */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}
