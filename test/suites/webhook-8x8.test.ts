/**
 * The webhook suite with the 8x8 Chat v2 signer: a receiver that only looks at the signature
 * header (present, known kid) without verifying it is caught by the wrongly signed and the
 * tampered deliveries; one that verifies the JWS over the raw body passes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { eightByEightWebhookSigner, generateWebhookSigningKeys, verifyEightByEightWebhook, type WebhookSigningKeys } from '../../src/suites/signers.js';
import { runWebhookTolerance } from '../../src/suites/webhook.js';

const SPEC = 'specs/8x8-chat/v2.yaml';
const POLICY = 'specs/8x8-chat/policy.yaml';

function receiver(keys: WebhookSigningKeys, check: 'verify' | 'presence') {
  const seen = new Map<string, number>();
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const signature = String(req.headers['x-8x8-signature'] ?? '');
    let ok: boolean;
    if (check === 'verify') ok = (await verifyEightByEightWebhook(req.headers, raw, { keys: keys.jwks })).ok;
    else {
      try {
        ok = decodeProtectedHeader(signature).kid === keys.kid;
      } catch {
        ok = false;
      }
    }
    if (!ok) return void res.writeHead(401).end();
    const id = String(req.headers['x-8x8-event-id']);
    if (!seen.has(id)) seen.set(id, 1);
    res.writeHead(200).end();
  };
  return { listener, processed: (id: string) => seen.get(id) ?? 0 };
}

describe('webhook suite with the 8x8 signer', () => {
  it('passes a receiver that verifies the signature, running the tampered-body check', async () => {
    const keys = await generateWebhookSigningKeys({ kid: 'k1' });
    const r = receiver(keys, 'verify');
    const report = await runWebhookTolerance({ spec: SPEC, policy: POLICY, handler: r.listener, sign: eightByEightWebhookSigner(keys), processed: r.processed, numRuns: 4, seed: 11, webhooks: ['message.received', 'participant.joined'] });
    expect(report.failures).toEqual([]);
    expect(report.checks.map((c) => c.check)).toEqual(['baseline', 'unknown-property', 'reordered-keys', 'extra-header', 'unsigned', 'bad-signature', 'tampered-body', 'redelivery']);
  });

  it('catches a receiver that checks only that a signature with a known kid is present', async () => {
    const keys = await generateWebhookSigningKeys({ kid: 'k1' });
    const r = receiver(keys, 'presence');
    const report = await runWebhookTolerance({
      spec: SPEC,
      policy: POLICY,
      handler: r.listener,
      sign: eightByEightWebhookSigner(keys),
      processed: r.processed,
      numRuns: 4,
      seed: 12,
      webhooks: ['message.received'],
      checks: ['baseline', 'unsigned', 'bad-signature', 'tampered-body'],
    });
    expect(report.failures.map((f) => [f.check, f.kind]).sort()).toEqual([
      ['bad-signature', 'forgery-accepted'],
      ['tampered-body', 'forgery-accepted'],
    ]);
    const tampered = report.failures.find((f) => f.check === 'tampered-body')!;
    expect(tampered.delivery!.headers['X-8x8-Signature']).toBeDefined();
    expect((await verifyEightByEightWebhook(tampered.delivery!.headers, tampered.delivery!.raw, { keys: keys.jwks })).ok).toBe(false);
    expect(tampered.message).toContain('tampered-body on webhook message.received');
  });
});
