/** Machine output of a series: versions oldest first (the order of the walk), changes as in `check --format json`. */
import type { SeriesResult } from '../changelog/series.js';
import type { Change } from '../types.js';

function change(c: Change): object {
  return {
    rule: c.rule,
    verdict: c.verdict,
    direction: c.direction,
    operation: c.operation ?? null,
    operations: c.operations ?? (c.operation !== undefined ? [c.operation] : []),
    pointer: c.pointer,
    location: { file: c.location.file, line: c.location.line ?? null, column: c.location.column ?? null },
    message: c.message,
    args: c.args,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.ignored ? { ignored: c.ignored } : {}),
  };
}

export function seriesToJson(r: SeriesResult): object {
  return {
    source: r.source,
    kind: r.kind,
    order: r.order,
    ...(r.major !== undefined ? { major: r.major } : {}),
    policy: r.policy,
    summary: r.summary,
    versions: r.versions.map((v) => ({
      file: v.file,
      date: v.date ?? null,
      infoVersion: v.infoVersion ?? null,
      ...(v.api !== undefined ? { api: v.api } : {}),
      status: v.status,
      previous: v.previous ?? null,
      bump: v.bump ?? null,
      ...(v.skipped ? { skipped: v.skipped } : {}),
      flags: v.flags,
      summary: v.summary,
      changes: v.changes.map(change),
      warnings: v.warnings.map((w) => ({ code: w.code, message: w.message, location: w.location ?? null })),
      ...(v.error ? { error: { code: v.error.code, message: v.error.message, location: v.error.location ?? null } } : {}),
    })),
    exitCode: r.exitCode,
  };
}

export function renderSeriesJson(r: SeriesResult): string {
  return `${JSON.stringify(seriesToJson(r), null, 2)}\n`;
}
