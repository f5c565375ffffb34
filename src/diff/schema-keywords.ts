/**
 * The value keywords of a schema comparison: format, enum and const, patterns, default, bounds,
 * `not`. Each is read from the merged view (so an allOf member's keyword counts like the schema's
 * own) and each change is located where the keyword is declared.
 */
import type { NodeRef } from '../load/spec.js';
import type { Direction } from '../types.js';
import { stableStringify } from '../util/guards.js';
import { fmt, type DiffContext, type PairResult } from './pair.js';
import { LIMIT_KEYWORDS, enumerated, isUpperLimit, type SchemaView } from './view-types.js';

export function compareValueKeywords(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  const at = { base: a.node, rev: b.node };
  if (a.format !== b.format) {
    const kind = !a.format ? 'schema.format.added' : !b.format ? 'schema.format.removed' : 'schema.format.changed';
    ctx.add(pair, dir, kind, { from: a.format ?? 'none', to: b.format ?? 'none' }, { base: a.sources.format ?? a.node, rev: b.sources.format ?? b.node });
  }
  // A const is a one-value enum (3.1 and 3.0 spell the same constraint either way).
  if ((a.const && (b.const || !b.enum)) || (b.const && !a.enum)) {
    if (stableStringify(a.const?.value) !== stableStringify(b.const?.value)) {
      ctx.add(pair, dir, 'schema.const.changed', { from: a.const ? fmt(a.const.value) : 'none', to: b.const ? fmt(b.const.value) : 'none' }, { base: a.sources.const ?? a.node, rev: b.sources.const ?? b.node });
    }
  } else {
    const x = enumerated(a);
    const y = enumerated(b);
    if (x || y) compareEnum(ctx, pair, dir, x, y, { base: (a.const ? a.sources.const : a.sources.enum) ?? a.node, rev: (b.const ? b.sources.const : b.sources.enum) ?? b.node });
  }
  comparePatterns(ctx, pair, dir, a, b);
  if (stableStringify(a.default?.value) !== stableStringify(b.default?.value)) {
    ctx.add(pair, dir, 'schema.default.changed', { from: a.default ? fmt(a.default.value) : 'none', to: b.default ? fmt(b.default.value) : 'none' }, at);
  }
  for (const k of LIMIT_KEYWORDS) {
    const x = a.limits[k];
    const y = b.limits[k];
    if (x === y) continue;
    const upper = isUpperLimit(k);
    const tightened = x === undefined ? true : y === undefined ? false : upper ? y < x : y > x;
    ctx.add(pair, dir, 'schema.limit.changed', { keyword: k, from: x ?? 'none', to: y ?? 'none', tightened }, { base: a.sources.limits[k] ?? a.node, rev: b.sources.limits[k] ?? b.node });
  }
  if (a.exclusiveFlags.max !== b.exclusiveFlags.max) ctx.add(pair, dir, 'schema.limit.changed', { keyword: 'exclusiveMaximum', from: String(a.exclusiveFlags.max), to: String(b.exclusiveFlags.max), tightened: b.exclusiveFlags.max }, at);
  if (a.exclusiveFlags.min !== b.exclusiveFlags.min) ctx.add(pair, dir, 'schema.limit.changed', { keyword: 'exclusiveMinimum', from: String(a.exclusiveFlags.min), to: String(b.exclusiveFlags.min), tightened: b.exclusiveFlags.min }, at);
  if (a.multipleOf !== b.multipleOf) ctx.add(pair, dir, 'schema.multiple-of.changed', { from: a.multipleOf ?? 'none', to: b.multipleOf ?? 'none' }, at);
  if (a.uniqueItems !== b.uniqueItems) ctx.add(pair, dir, 'schema.limit.changed', { keyword: 'uniqueItems', from: String(a.uniqueItems), to: String(b.uniqueItems), tightened: b.uniqueItems }, at);
  if (a.nots.length || b.nots.length) compareNots(ctx, pair, dir, a, b);
}

function compareEnum(ctx: DiffContext, pair: PairResult, dir: Direction, a: unknown[] | undefined, b: unknown[] | undefined, at: { base: NodeRef; rev: NodeRef }): void {
  if (!a && b) {
    ctx.add(pair, dir, 'schema.enum.added', { values: b.map(fmt).join(', ') }, at);
    return;
  }
  if (a && !b) {
    ctx.add(pair, dir, 'schema.enum.removed', { values: a.map(fmt).join(', ') }, at);
    return;
  }
  const av = new Map(a!.map((v) => [stableStringify(v), v]));
  const bv = new Map(b!.map((v) => [stableStringify(v), v]));
  for (const [k, v] of bv) if (!av.has(k)) ctx.add(pair, dir, 'schema.enum.value-added', { value: fmt(v) }, at);
  for (const [k, v] of av) if (!bv.has(k)) ctx.add(pair, dir, 'schema.enum.value-removed', { value: fmt(v) }, at);
}

/**
 * Patterns all hold, so they compare as sets: a pattern only the revision has is added (or, paired
 * with one only the base has, changed), one only the base has is removed.
 */
function comparePatterns(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  if (!a.patterns.length && !b.patterns.length) return;
  const removed = a.patterns.filter((p) => !b.patterns.some((q) => q.value === p.value));
  const added = b.patterns.filter((q) => !a.patterns.some((p) => p.value === q.value));
  const n = Math.max(removed.length, added.length);
  for (let i = 0; i < n; i++) {
    const r = removed[i];
    const d = added[i];
    const kind = !r ? 'schema.pattern.added' : !d ? 'schema.pattern.removed' : 'schema.pattern.changed';
    ctx.add(pair, dir, kind, { from: r?.value ?? 'none', to: d?.value ?? 'none' }, { base: r?.node ?? a.node, rev: d?.node ?? b.node });
  }
}

/** `not`s compare by content, as a set: each one added or removed is a change where it is declared. */
function compareNots(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  const key = (views: DiffContext['baseViews'], n: NodeRef): string => stableStringify(views.resolve(n).node.value);
  const xs = a.nots.map((n) => ({ n, k: key(ctx.baseViews, n) }));
  const ys = b.nots.map((n) => ({ n, k: key(ctx.revViews, n) }));
  const gone = xs.filter((x) => !ys.some((y) => y.k === x.k));
  const come = ys.filter((y) => !xs.some((x) => x.k === y.k));
  const n = Math.max(gone.length, come.length);
  for (let i = 0; i < n; i++) ctx.add(pair, dir, 'schema.not.changed', {}, { base: gone[i]?.n ?? a.node, rev: come[i]?.n ?? b.node });
}
