/** Machine output; its shape is published as schemas/check-result.schema.json. */
import type { CheckResult } from '../check.js';

export const CHECK_RESULT_SCHEMA_ID = 'https://apicompat.dev/schemas/check-result.schema.json';

export function toJson(r: CheckResult): object {
  return {
    $schema: CHECK_RESULT_SCHEMA_ID,
    base: r.base,
    revision: r.revision,
    policy: r.policy,
    summary: r.summary,
    changes: r.changes.map((c) => ({
      rule: c.rule,
      verdict: c.verdict,
      direction: c.direction,
      operation: c.operation ?? null,
      operations: c.operations ?? (c.operation !== undefined ? [c.operation] : []),
      pointer: c.pointer,
      ...(c.fingerprint ? { fingerprint: c.fingerprint } : {}),
      location: { file: c.location.file, line: c.location.line ?? null, column: c.location.column ?? null },
      ...(c.baseLocation ? { baseLocation: { file: c.baseLocation.file, pointer: c.baseLocation.pointer ?? null, line: c.baseLocation.line ?? null, column: c.baseLocation.column ?? null } } : {}),
      message: c.message,
      args: c.args,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.ignored ? { ignored: c.ignored } : {}),
    })),
    warnings: r.warnings.map((w) => ({ version: w.version, code: w.code, message: w.message, location: w.location ?? null })),
    expiredIgnores: r.expiredIgnores,
    exitCode: r.exitCode,
  };
}

export function renderJson(r: CheckResult): string {
  return `${JSON.stringify(toJson(r), null, 2)}\n`;
}
