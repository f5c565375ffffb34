/**
 * The webhook signers produce what the providers document, checked independently of our own
 * verify helpers (node:crypto over the RFC 7797 signing input, and jose), and the verify helpers
 * accept exactly the genuine deliveries.
 */
import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, flattenedVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  eightByEightWebhookSigner,
  generateWebhookSigningKeys,
  headerValue,
  sunshineWebhookSigner,
  verifyEightByEightWebhook,
  verifySunshineWebhook,
} from '../../src/suites/signers.js';

const body = '{"eventId":"7d3f2c1a-9b8e-4f6d-a5c4-3b2a1f0e9d8c","eventType":"conversation.created","data":{"text":"héllo"}}';
const delivery = { body, eventId: '7d3f2c1a-9b8e-4f6d-a5c4-3b2a1f0e9d8c', attempt: 0, sentAt: new Date('2026-03-01T12:00:00Z') };

function splitDetached(value: string): [string, string] {
  const m = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/.exec(value);
  if (!m) throw new Error(`not a detached JWS: ${value}`);
  return [m[1]!, m[2]!];
}

describe('8x8 Chat v2 signer', () => {
  for (const alg of ['ES256', 'RS256'] as const) {
    it(`${alg}: signs ASCII(protected) + "." + the raw body bytes, unencoded (RFC 7797)`, async () => {
      const keys = await generateWebhookSigningKeys({ kid: `k-${alg}`, alg });
      const headers = await eightByEightWebhookSigner(keys).sign(delivery);
      const [protectedPart, signature] = splitDetached(headers['X-8x8-Signature']!);
      expect(decodeProtectedHeader(`${protectedPart}..${signature}`)).toEqual({ alg, kid: `k-${alg}`, b64: false, crit: ['b64'] });
      const input = Buffer.concat([Buffer.from(`${protectedPart}.`, 'ascii'), Buffer.from(body, 'utf8')]);
      const publicKey = createPublicKey({ key: keys.jwks.keys[0]! as never, format: 'jwk' }) as KeyObject;
      const options = alg === 'ES256' ? { key: publicKey, dsaEncoding: 'ieee-p1363' as const } : publicKey;
      expect(cryptoVerify('sha256', input, options, Buffer.from(signature, 'base64url'))).toBe(true);
      const tampered = Buffer.concat([Buffer.from(`${protectedPart}.`, 'ascii'), Buffer.from(body.replace('created', 'ended'), 'utf8')]);
      expect(cryptoVerify('sha256', tampered, options, Buffer.from(signature, 'base64url'))).toBe(false);
      // jose reads the same token as a flattened JWS with a detached payload.
      const result = await flattenedVerify({ protected: protectedPart, signature, payload: new TextEncoder().encode(body) }, keys.publicKey);
      expect(new TextDecoder().decode(result.payload)).toBe(body);
    });
  }

  it('sends the delivery headers the spec declares', async () => {
    const headers = await eightByEightWebhookSigner(await generateWebhookSigningKeys()).sign({ ...delivery, attempt: 3 });
    expect(headers['X-8x8-Event-Id']).toBe(delivery.eventId);
    expect(headers['X-8x8-Retry-Count']).toBe('3');
    expect(headers['X-8x8-Transmission-Time']).toBe('2026-03-01T12:00:00.000Z');
  });

  it('verifies with a key set, choosing the key by kid', async () => {
    const a = await generateWebhookSigningKeys({ kid: 'a' });
    const b = await generateWebhookSigningKeys({ kid: 'b' });
    const jwks = { keys: [...a.jwks.keys, ...b.jwks.keys] };
    const signedByB = await eightByEightWebhookSigner(b).sign(delivery);
    expect(await verifyEightByEightWebhook(signedByB, body, { keys: jwks })).toEqual({ ok: true });
    expect((await verifyEightByEightWebhook(signedByB, body, { keys: a.jwks })).ok).toBe(false);
    expect(await verifyEightByEightWebhook(signedByB, Buffer.from(body), { keys: b.publicKey })).toEqual({ ok: true });
  });

  it('rejects a changed body, another key under the same kid, a missing or malformed header, and an encoded payload', async () => {
    const keys = await generateWebhookSigningKeys({ kid: 'k' });
    const signer = eightByEightWebhookSigner(keys);
    const headers = await signer.sign(delivery);
    expect(await signer.verify(headers, body)).toEqual({ ok: true });
    expect((await signer.verify(headers, `${body} `)).ok).toBe(false);
    const impostor = await signer.impostor();
    expect((await signer.verify(await impostor.sign(delivery), body)).ok).toBe(false);
    expect(await verifyEightByEightWebhook({}, body, { keys: keys.jwks })).toEqual({ ok: false, reason: 'no X-8x8-Signature header' });
    expect((await verifyEightByEightWebhook({ 'x-8x8-signature': 'abc.def.ghi' }, body, { keys: keys.jwks })).ok).toBe(false);
    const encodedHeader = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'k' })).toString('base64url');
    const [, signature] = splitDetached(headers['X-8x8-Signature']!);
    const result = await verifyEightByEightWebhook({ 'X-8x8-Signature': `${encodedHeader}..${signature}` }, body, { keys: keys.jwks });
    expect(result).toEqual({ ok: false, reason: 'the protected header must hold b64: false and crit: ["b64"]' });
  });

  it('rejects stale deliveries when asked to', async () => {
    const keys = await generateWebhookSigningKeys();
    const headers = await eightByEightWebhookSigner(keys).sign(delivery);
    const options = { keys: keys.jwks, maxAgeSeconds: 300 };
    expect(await verifyEightByEightWebhook(headers, body, { ...options, now: new Date('2026-03-01T12:04:00Z') })).toEqual({ ok: true });
    expect((await verifyEightByEightWebhook(headers, body, { ...options, now: new Date('2026-03-01T12:06:00Z') })).ok).toBe(false);
  });
});

describe('Sunshine Conversations v2 signer', () => {
  it('sends the webhook secret in X-API-Key, whatever the body', async () => {
    const signer = sunshineWebhookSigner('s3cret');
    expect(await signer.sign(delivery)).toEqual({ 'X-API-Key': 's3cret' });
    expect(signer.coversBody).toBe(false);
    expect(signer.authHeaders).toEqual(['X-API-Key']);
  });

  it('verifies node, fetch and plain headers, without regard to case', async () => {
    expect(verifySunshineWebhook({ 'x-api-key': 's3cret' }, 's3cret')).toEqual({ ok: true });
    expect(verifySunshineWebhook(new Headers({ 'X-Api-Key': 's3cret' }), 's3cret')).toEqual({ ok: true });
    expect(verifySunshineWebhook({ 'x-api-key': ['s3cret', 'other'] }, 's3cret')).toEqual({ ok: true });
    expect(verifySunshineWebhook({ 'x-api-key': 's3cret2' }, 's3cret').ok).toBe(false);
    expect(verifySunshineWebhook({ 'x-api-key': '' }, 's3cret').ok).toBe(false);
    expect(verifySunshineWebhook({}, 's3cret')).toEqual({ ok: false, reason: 'no X-API-Key header' });
  });

  it('has an impostor with another secret', async () => {
    const signer = sunshineWebhookSigner('s3cret');
    const impostor = await signer.impostor();
    const forged = await impostor.sign(delivery);
    expect(headerValue(forged, 'x-api-key')).not.toBe('s3cret');
    expect((await signer.verify(forged, body)).ok).toBe(false);
    expect(() => sunshineWebhookSigner('')).toThrow(/secret/);
  });
});
