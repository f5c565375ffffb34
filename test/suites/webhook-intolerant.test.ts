/**
 * The webhook suite catches receivers that are not tolerant readers, each failure of the kind
 * the fault calls for, and passes the same receiver without the fault.
 */
import { describe, expect, it } from 'vitest';
import { getAt, parsePath } from '../../src/fuzz/index.js';
import { sunshineWebhookSigner } from '../../src/suites/signers.js';
import { runWebhookTolerance, type WebhookReport, type WebhookToleranceOptions } from '../../src/suites/webhook.js';
import { SECRET, SUNSHINE_POLICY, SUNSHINE_SPEC, sunshineReceiver, type Faults } from './webhook-handlers.js';

function run(faults: Faults, extra: Partial<WebhookToleranceOptions> = {}): Promise<WebhookReport> {
  const receiver = sunshineReceiver(faults);
  return runWebhookTolerance({
    spec: SUNSHINE_SPEC,
    policy: SUNSHINE_POLICY,
    handler: receiver.listener,
    sign: sunshineWebhookSigner(SECRET),
    processed: receiver.processed,
    webhooks: ['conversation:message', 'conversation:create'],
    numRuns: 6,
    seed: 4242,
    ...extra,
  });
}

const failedChecks = (report: WebhookReport) => [...new Set(report.failures.map((f) => f.check))].sort();

describe('webhook suite against intolerant receivers', () => {
  it('passes the tolerant receiver, running every check the policy and signer call for', async () => {
    const report = await run({});
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    const checks = report.checks.map((c) => c.check);
    expect(checks).toEqual(expect.arrayContaining(['baseline', 'unknown-webhook-trigger', 'unknown-property', 'unsigned', 'bad-signature', 'redelivery']));
    expect(checks).not.toContain('tampered-body');
    expect(report.notes.join('\n')).toMatch(/tampered-body: not checked, the sunshine-conversations-v2 credential does not cover the body/);
    for (const c of report.checks) {
      expect(c.webhooks.length, c.check).toBeGreaterThan(0);
      expect(c.deliveries, c.check).toBeGreaterThan(0);
    }
  });

  it('catches an exhaustive switch over triggers (500 on a new trigger), with a replayable failure', async () => {
    const report = await run({ exhaustiveTriggers: true });
    // A trigger field with an enum also takes unknown values through unknown-enum-value.
    expect(failedChecks(report)).toContain('unknown-webhook-trigger');
    for (const f of report.failures) expect(f.path).toMatch(/^\$\.events\[\d+\]\.type$/);
    const failure = report.failures.find((f) => f.check === 'unknown-webhook-trigger')!;
    expect(failure.kind).toBe('valid-delivery-rejected');
    expect(failure.evolution).toBe('unknown-webhook-trigger');
    expect(failure.status).toBe(500);
    expect(failure.handlerError).toMatch(/unhandled trigger/);
    expect(failure.path).toMatch(/^\$\.events\[\d+\]\.type$/);
    expect(failure.seed).toBe(4242);
    expect(failure.replayPath).toMatch(/^\d+(:\d+)*$/);
    const trigger = getAt(failure.delivery!.body, parsePath(failure.path!));
    expect(typeof trigger).toBe('string');
    expect(failure.delivery!.raw).toContain(JSON.stringify(trigger));
    expect(failure.delivery!.headers['X-API-Key']).toBe(SECRET);
    expect(failure.message).toContain(`replay: { check: 'unknown-webhook-trigger', webhook: '${failure.webhook}', path: '${failure.replayPath}' }`);

    // The seed and path replay the same shrunk case, and only it.
    const replayed = await run({ exhaustiveTriggers: true }, { replay: { check: 'unknown-webhook-trigger', webhook: failure.webhook, path: failure.replayPath! } });
    expect(replayed.checks.map((c) => c.check)).toEqual(['unknown-webhook-trigger']);
    expect(replayed.failures).toHaveLength(1);
    expect(replayed.failures[0]!.path).toBe(failure.path);
    expect(getAt(replayed.failures[0]!.delivery!.body, parsePath(failure.path!))).toBe(trigger);
  });

  it('catches an exhaustive switch over message types (500 on a new type)', async () => {
    const report = await run({ exhaustiveMessageTypes: true }, { webhooks: ['conversation:message'] });
    expect(failedChecks(report)).toEqual(['unknown-discriminator-value']);
    expect(report.failures[0]!.status).toBe(500);
    expect(report.failures[0]!.path).toMatch(/\.message\.content$/);
    expect(report.failures[0]!.handlerError).toMatch(/unhandled message type/);
  });

  it('catches a receiver that never checks the secret', async () => {
    const report = await run({ noSignatureCheck: true }, { checks: ['baseline', 'unsigned', 'bad-signature', 'redelivery'] });
    expect(failedChecks(report)).toEqual(['bad-signature', 'unsigned']);
    for (const f of report.failures) {
      expect(f.kind).toBe('forgery-accepted');
      expect(f.status).toBe(200);
    }
    const unsigned = report.failures.find((f) => f.check === 'unsigned')!;
    expect(Object.keys(unsigned.delivery!.headers).map((h) => h.toLowerCase())).not.toContain('x-api-key');
  });

  it('catches a receiver that processes an event before rejecting its signature', async () => {
    const report = await run({ checksSignatureLate: true }, { checks: ['unsigned', 'bad-signature'] });
    expect(failedChecks(report)).toEqual(['bad-signature', 'unsigned']);
    for (const f of report.failures) {
      expect(f.kind).toBe('forgery-processed');
      expect(f.status).toBe(401);
    }
  });

  it('catches double processing of a redelivered event', async () => {
    const report = await run({ noDedupe: true }, { checks: ['baseline', 'unknown-property', 'unsigned', 'redelivery'] });
    expect(failedChecks(report)).toEqual(['redelivery']);
    expect(report.failures[0]!.kind).toBe('redelivery-processed-again');
  });

  it('catches a receiver that answers a redelivery with an error (the provider would retry forever)', async () => {
    const report = await run({ conflictOnRedelivery: true }, { checks: ['redelivery'] });
    expect(report.failures.map((f) => [f.check, f.kind, f.status])).toContainEqual(['redelivery', 'redelivery-rejected', 409]);
  });

  it('catches strict parsing that rejects unknown keys, and nothing else', async () => {
    const report = await run({ strictKeys: true });
    expect(failedChecks(report)).toContain('unknown-property');
    expect(failedChecks(report)).not.toContain('baseline');
    const failure = report.failures.find((f) => f.check === 'unknown-property')!;
    expect(failure.status).toBe(400);
    expect(failure.responseBody).toMatch(/^unknown key /);
    expect(failure.change).toBeTruthy();
  });

  it('says so when the processed probe never moves', async () => {
    const report = await run({}, { checks: ['redelivery'], processed: () => 0 });
    expect(report.failures.map((f) => f.kind)).toEqual(['probe-never-moved']);
  });

  it('without a probe, still checks that redeliveries are acknowledged and says processing is not observed', async () => {
    const receiver = sunshineReceiver({ noDedupe: true });
    const report = await runWebhookTolerance({
      spec: SUNSHINE_SPEC,
      handler: receiver.listener,
      sign: sunshineWebhookSigner(SECRET),
      webhooks: ['conversation:message'],
      checks: ['redelivery'],
      numRuns: 3,
      seed: 7,
    });
    expect(report.ok).toBe(true);
    expect(report.checks[0]!.title).toMatch(/processing not observed/);
    expect(report.notes.join('\n')).toMatch(/pass `processed`/);
    expect(receiver.total()).toBeGreaterThan(0);
  });

  it('reports a handler that never answers', async () => {
    const report = await run({ hangs: true }, { checks: ['baseline'], webhooks: ['conversation:read'], numRuns: 1, timeoutMs: 100 });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.error).toMatch(/no response within 100 ms/);
    expect(report.failures[0]!.status).toBeUndefined();
  });

});
