/**
 * The client tolerance suite as vitest tests: one `describe` per suite, a baseline test per
 * operation and one test per (operation, evolution). Cases that cannot run are listed as
 * skipped tests whose names say why.
 */
import nock from 'nock';
import { afterEach, describe, it } from 'vitest';
import { planClientTolerance, type ClientToleranceOptions, type ToleranceFailure } from './client.js';

export interface DescribeClientToleranceOptions extends ClientToleranceOptions {
  /** Name of the `describe` block; default `client tolerance: <spec> (<policy>)`. */
  name?: string;
  /** Timeout of each test in ms (default 60 000). */
  testTimeout?: number;
}

/** A failed case, with the failure as data for reporters. */
export class ClientToleranceError extends Error {
  constructor(readonly failure: ToleranceFailure) {
    super(failure.message);
    this.name = 'ClientToleranceError';
  }
}

export function describeClientTolerance(options: DescribeClientToleranceOptions): void {
  const policyName = typeof options.policy === 'string' ? options.policy : (options.policy?.name ?? 'tolerant-reader');
  const name = options.name ?? `client tolerance: ${options.spec} (${policyName})`;
  describe(name, async () => {
    afterEach(() => {
      nock.cleanAll();
      nock.enableNetConnect();
    });
    const plan = await planClientTolerance(options);
    for (const planned of plan.cases) {
      if (planned.skip) {
        const label = planned.skip.status === 'not-applicable' ? 'not applicable' : 'skipped';
        const why = `${planned.title} (${label}: ${planned.skip.reason})`;
        // Printed as well: a skipped test's name alone is not shown by every reporter.
        console.info(`skipped: ${why}`);
        it.skip(why, () => {});
        continue;
      }
      it(
        planned.title,
        async () => {
          const result = await planned.run();
          if (result.failure) throw new ClientToleranceError(result.failure);
        },
        options.testTimeout ?? 60_000,
      );
    }
  });
}
