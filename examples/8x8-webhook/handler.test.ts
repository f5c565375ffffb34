/**
 * The webhook tolerance suite for the example 8x8 Chat v2 receiver: events are signed with a
 * test key pair exactly as 8x8 signs them (detached, unencoded JWS); the receiver verifies with
 * the matching key set. Unsigned, wrongly signed and tampered events must be rejected.
 */
import { describe, expect, it } from 'vitest';
import { describeWebhookTolerance, eightByEightWebhookSigner, generateWebhookSigningKeys, verifyEightByEightWebhook } from 'apicompat/vitest';
import { createChatWebhookHandler } from './handler.js';

const keys = await generateWebhookSigningKeys({ kid: 'chat-webhooks-1' });
const app = createChatWebhookHandler({ jwks: keys.jwks });
const signer = eightByEightWebhookSigner(keys);

describeWebhookTolerance({
  spec: 'specs/8x8-chat/v2.yaml',
  policy: 'specs/8x8-chat/policy.yaml',
  handler: app.listener,
  sign: signer,
  processed: (eventId) => app.processed(eventId),
});

describe('8x8 signature round trip', () => {
  const body = JSON.stringify({ eventId: '0b7e8f3c-3f0e-4d5e-9a47-2a0f1b2c3d4e', eventType: 'conversation.ended', createdAt: '2026-01-05T10:00:00Z', version: 'v2', data: {} });

  it('signs the raw body so that the verify helper accepts it and rejects any change', async () => {
    const headers = await signer.sign({ body, eventId: '0b7e8f3c-3f0e-4d5e-9a47-2a0f1b2c3d4e', attempt: 2, sentAt: new Date('2026-01-05T10:00:03Z') });
    expect(headers['X-8x8-Signature']).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
    expect(headers['X-8x8-Retry-Count']).toBe('2');
    expect(headers['X-8x8-Event-Id']).toBe('0b7e8f3c-3f0e-4d5e-9a47-2a0f1b2c3d4e');
    expect(await verifyEightByEightWebhook(headers, body, { keys: keys.jwks })).toEqual({ ok: true });
    expect((await verifyEightByEightWebhook(headers, body.replace('ended', 'created'), { keys: keys.jwks })).ok).toBe(false);
    // A receiver that parses and re-serialises the body before verifying breaks on any other spacing.
    const spaced = JSON.stringify(JSON.parse(body), null, 1);
    expect((await verifyEightByEightWebhook(await signer.sign({ body: spaced, attempt: 0, sentAt: new Date() }), spaced, { keys: keys.jwks })).ok).toBe(true);
    expect((await verifyEightByEightWebhook(headers, spaced, { keys: keys.jwks })).ok).toBe(false);
  });

  it('the example receiver accepts a signed event once, and rejects it unsigned', async () => {
    const { WebhookTarget } = await import('apicompat/vitest');
    const target = await WebhookTarget.start(app.listener);
    try {
      const eventId = 'f3a1c2d4-0000-4000-8000-000000000001';
      const event = JSON.stringify({ eventId, eventType: 'message.received', createdAt: '2026-01-05T10:00:00Z', version: 'v2', data: { message: { id: 'm1', conversationId: 'conv-9', participantId: 'p1', participantType: 'customer', text: 'hi', createdAt: '2026-01-05T10:00:00Z' } } });
      const signed = await signer.sign({ body: event, eventId, attempt: 0, sentAt: new Date() });
      expect((await target.deliver({ method: 'POST', headers: { 'content-type': 'application/json' }, body: event })).status).toBe(401);
      expect((await target.deliver({ method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body: event })).status).toBe(200);
      expect((await target.deliver({ method: 'POST', headers: { 'content-type': 'application/json', ...signed, 'X-8x8-Retry-Count': '1' }, body: event })).status).toBe(200);
      expect(app.processed(eventId)).toBe(1);
      expect(app.conversationsWithMessages).toContain('conv-9');
    } finally {
      await target.close();
    }
  });
});
