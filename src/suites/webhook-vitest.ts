/**
 * The webhook tolerance suite as vitest tests: one `describe` per suite and one test per check
 * (baseline, each evolution the policy allows, each forgery, redelivery). The handler is served
 * on 127.0.0.1 for the duration of the `describe`. Checks that do not apply are listed as skipped
 * tests whose names say why.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { planWebhookTolerance, type WebhookFailure, type WebhookToleranceOptions } from './webhook.js';
import { WebhookTarget } from './webhook-target.js';

export interface DescribeWebhookToleranceOptions extends WebhookToleranceOptions {
  /** Name of the `describe` block; default `webhook tolerance: <spec> (<signer>)`. */
  name?: string;
  /** Timeout of each test in ms (default 60 000). */
  testTimeout?: number;
}

/** A failed check, with its failures as data for reporters. */
export class WebhookToleranceError extends Error {
  constructor(readonly failures: WebhookFailure[]) {
    super(`${failures.length} failure(s)\n\n${failures.map((f) => f.message).join('\n\n')}`);
    this.name = 'WebhookToleranceError';
  }
}

export function describeWebhookTolerance(options: DescribeWebhookToleranceOptions): void {
  const specName = typeof options.spec === 'string' ? options.spec : 'spec';
  const name = options.name ?? `webhook tolerance: ${specName} (${options.sign?.name ?? 'unsigned'})`;
  const timeout = options.testTimeout ?? 60_000;
  describe(name, async () => {
    const plan = await planWebhookTolerance(options);
    let target: WebhookTarget | undefined;
    beforeAll(async () => {
      target = await WebhookTarget.start(options.handler, { ...(options.path ? { path: options.path } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    });
    afterAll(async () => {
      await target?.close();
    });
    for (const check of plan.checks) {
      it(`${check.id}: ${check.title}`, async () => {
        const result = await plan.run(check.id, target!);
        if (result.failures.length > 0) throw new WebhookToleranceError(result.failures);
      }, timeout);
    }
    for (const check of plan.skipped) {
      const why = `${check.id}: ${check.title} (not checked: ${check.reason})`;
      // Printed as well: a skipped test's name alone is not shown by every reporter.
      console.info(`skipped: ${why}`);
      it.skip(why, () => {});
    }
  });
}
