/**
 * Which operations a check reports on: `--match-path` keeps operations whose path matches one of
 * the patterns, `--exclude-path` and `--exclude-tag` leave some out, and `--exclude-internal` leaves
 * out operations (or whole path items) marked `x-internal: true`. A pattern is a glob (`/v2/**`,
 * `/pets/*`), or a regular expression when written between slashes (`/^\/v2\//`). Path patterns
 * apply to the path as the spec writes it and to the full path with the server prefix; webhooks
 * have no path, so only the tag and internal filters apply to them. A change is kept when one of
 * the operations it affects is kept; document-level changes are always kept.
 */
import picomatch from 'picomatch';
import type { DiffResult } from '../diff/engine.js';
import { ApicompatError } from '../errors.js';
import type { OperationModel } from '../model/types.js';
import type { Change } from '../types.js';
import { getAtPointer } from '../util/json-pointer.js';

export interface OperationFilters {
  matchPath?: string[];
  excludePath?: string[];
  excludeTag?: string[];
  excludeInternal?: boolean;
}

export function hasFilters(f: OperationFilters | undefined): f is OperationFilters {
  return !!f && (!!f.matchPath?.length || !!f.excludePath?.length || !!f.excludeTag?.length || !!f.excludeInternal);
}

type Matcher = (path: string) => boolean;

function matcher(pattern: string, option: string): Matcher {
  const re = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (re && /[\^$\\()|+?[\]{}]/.test(re[1]!)) {
    try {
      const rx = new RegExp(re[1]!, re[2]);
      return (p) => rx.test(p);
    } catch (e) {
      throw new ApicompatError('usage', `${option}: '${pattern}' is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  return picomatch(pattern, { dot: true });
}

function isInternal(op: OperationModel): boolean {
  if ((op.node.value as Record<string, unknown> | null)?.['x-internal'] === true) return true;
  const parent = op.node.pointer.slice(0, op.node.pointer.lastIndexOf('/'));
  const item = getAtPointer(op.node.doc.value, parent) as Record<string, unknown> | undefined;
  return item !== null && typeof item === 'object' && item['x-internal'] === true;
}

/** The display names of every operation the filters leave out, on either side. */
export function excludedOperations(diff: DiffResult, f: OperationFilters): Set<string> {
  const match = (f.matchPath ?? []).map((p) => matcher(p, '--match-path'));
  const exclude = (f.excludePath ?? []).map((p) => matcher(p, '--exclude-path'));
  const tags = new Set(f.excludeTag ?? []);
  const out = new Set<string>();
  for (const model of [diff.base.model, diff.rev.model]) {
    for (const op of [...model.operations.values(), ...model.webhooks.values()]) {
      const paths = op.kind === 'webhook' ? [] : [op.rawPath, op.path];
      const excluded =
        (match.length > 0 && paths.length > 0 && !paths.some((p) => match.some((m) => m(p)))) ||
        paths.some((p) => exclude.some((m) => m(p))) ||
        op.tags.some((t) => tags.has(t)) ||
        (!!f.excludeInternal && isInternal(op));
      if (excluded) out.add(op.display);
    }
  }
  return out;
}

/** Drops the changes that affect only left-out operations; trims the operation lists of the others. */
export function filterChanges(changes: Change[], excluded: Set<string>): Change[] {
  if (!excluded.size) return changes;
  const out: Change[] = [];
  for (const c of changes) {
    const ops = c.operations ?? (c.operation !== undefined ? [c.operation] : []);
    if (!ops.length) {
      out.push(c);
      continue;
    }
    const kept = ops.filter((o) => !excluded.has(o));
    if (!kept.length) continue;
    if (kept.length !== ops.length) {
      c.operation = kept[0]!;
      if (c.operations) c.operations = kept;
    }
    out.push(c);
  }
  return out;
}
