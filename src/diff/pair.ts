/**
 * The pair graph the schema differ builds: one result per (base schema, revision schema,
 * direction), holding its own deltas and links to child pairs, and the context the parts of the
 * differ (objects, unions, discriminators) share.
 */
import type { NodeRef } from '../load/spec.js';
import type { Direction } from '../types.js';
import type { Delta, DeltaArgs } from './delta.js';
import type { SchemaView, ViewBuilder } from './schema-view.js';

export interface PairResult {
  id: number;
  own: Delta[];
  children: PairResult[];
  base: SchemaView;
  rev: SchemaView;
  /** The pair changed how its variants are composed; the oracle may prove it equivalent. */
  compositionChanged?: boolean;
}

const NO_DELTAS = Object.freeze([]) as unknown as Delta[];
const NO_PAIRS = Object.freeze([]) as unknown as PairResult[];

/** The result for a pair known to be unchanged: nothing inside, views on demand. */
export class UnchangedPair implements PairResult {
  readonly id = 0;
  readonly own = NO_DELTAS;
  readonly children = NO_PAIRS;
  private av?: SchemaView;
  private bv?: SchemaView;

  constructor(
    private readonly baseViews: ViewBuilder,
    private readonly revViews: ViewBuilder,
    private readonly a: NodeRef,
    private readonly b: NodeRef,
  ) {}

  get base(): SchemaView {
    return (this.av ??= this.baseViews.view(this.a));
  }

  get rev(): SchemaView {
    return (this.bv ??= this.revViews.view(this.b));
  }
}

/** Formats a schema value for a message. */
export const fmt = (v: unknown): string => (typeof v === 'string' ? (v === '' ? '""' : v) : JSON.stringify(v));

/** What the parts of the schema differ need from it. */
export interface DiffContext {
  readonly baseViews: ViewBuilder;
  readonly revViews: ViewBuilder;
  /** `properties:` of the mapping file: renames and moves the names alone do not show. */
  readonly properties?: Map<string, string> | undefined;
  /** Compares two schemas (memoised) and returns their pair. */
  compare(a: NodeRef, b: NodeRef, dir: Direction): PairResult;
  /** The two schemas cannot differ in anything. */
  same(a: NodeRef, b: NodeRef): boolean;
  /** Records a delta of `pair`. */
  add(pair: PairResult, dir: Direction, kind: string, args: DeltaArgs, at: { base?: NodeRef; rev?: NodeRef }, data?: Delta['data']): void;
}

/**
 * Gathers the deltas reachable from root pairs. Pairs that have no delta anywhere below them are
 * found once (reverse reachability from pairs with own deltas) and never walked again.
 */
export class DeltaCollector {
  private readonly dirty = new Set<PairResult>();
  private readonly cache = new Map<PairResult, Delta[]>();

  constructor(pairs: PairResult[]) {
    const parents = new Map<PairResult, PairResult[]>();
    for (const p of pairs) for (const c of p.children) {
      let list = parents.get(c);
      if (!list) parents.set(c, (list = []));
      list.push(p);
    }
    const stack = pairs.filter((p) => p.own.length > 0);
    for (const p of stack) this.dirty.add(p);
    while (stack.length) {
      const p = stack.pop()!;
      for (const parent of parents.get(p) ?? []) {
        if (!this.dirty.has(parent)) {
          this.dirty.add(parent);
          stack.push(parent);
        }
      }
    }
  }

  collect(root: PairResult): Delta[] {
    if (!this.dirty.has(root)) return [];
    const hit = this.cache.get(root);
    if (hit) return hit;
    const out: Delta[] = [];
    const seen = new Set<PairResult>([root]);
    const stack = [root];
    while (stack.length) {
      const p = stack.pop()!;
      out.push(...p.own);
      for (const c of p.children) {
        if (this.dirty.has(c) && !seen.has(c)) {
          seen.add(c);
          stack.push(c);
        }
      }
    }
    this.cache.set(root, out);
    return out;
  }
}
