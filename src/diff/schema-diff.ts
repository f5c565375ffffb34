/**
 * Compares two schemas in one direction and records neutral deltas.
 * Each (base node, revision node, direction) pair is compared once: results are memoised and a
 * pair being compared higher up the stack is simply linked, so shared and recursive schemas cost
 * linear time and never recurse forever. A pair holds its own deltas and links to its child
 * pairs; `collect` gathers what is reachable from a root pair.
 */
import type { NodeRef } from '../load/spec.js';
import type { Direction } from '../types.js';
import { stableStringify } from '../util/guards.js';
import { childPointer, unescapeToken } from '../util/json-pointer.js';
import { place, type Delta, type DeltaArgs } from './delta.js';
import { diffExtraKeywords } from './keyword-diff.js';
import { compareValueKeywords } from './schema-keywords.js';
import { fmt, UnchangedPair, type DiffContext, type PairResult } from './pair.js';
import { compareDiscriminator } from './schema-discriminator.js';
import { compareObject } from './schema-object.js';
import { unionShape } from './schema-union-shape.js';
import { compareVariants } from './schema-unions.js';
import type { Unchanged } from './unchanged.js';
import { ViewBuilder, typesCovered, type SchemaView } from './schema-view.js';

export { DeltaCollector, type PairResult } from './pair.js';

/** How a message names the schema at `pointer`: `property x`, `items of x`, or `the value`. */
function subjectOf(pointer: string): string {
  const parts = pointer.split('/');
  const last = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2];
  const name = unescapeToken(last);
  if (parent === 'properties') return `property ${name}`;
  if (last === 'items' && parts[parts.length - 3] === 'properties') return `items of ${parts[parts.length - 2]}`;
  return 'the value';
}


export class SchemaDiffer implements DiffContext {
  private readonly memo: Record<Direction, WeakMap<object, WeakMap<object, PairResult>>> = {
    request: new WeakMap(),
    response: new WeakMap(),
    webhook: new WeakMap(),
  };
  private nextId = 1;
  readonly pairs: PairResult[] = [];

  constructor(
    readonly baseViews: ViewBuilder,
    readonly revViews: ViewBuilder,
    /** Named schemas known to be unchanged: their pairs are not compared at all. */
    private readonly unchanged?: Unchanged,
    /** `properties:` of the mapping file: renames and moves the names alone do not show. */
    readonly properties?: Map<string, string>,
  ) {}

  /** A pair with nothing to report; its views are built only if someone asks for them. */
  private unchangedPair(a: NodeRef, b: NodeRef): PairResult {
    return new UnchangedPair(this.baseViews, this.revViews, a, b);
  }

  /**
   * Compares the schema of a parameter, body or header. An inline schema at the same place in
   * both versions, equal and referring only to unchanged named schemas, is skipped whole.
   */
  compareRoot(a: NodeRef, b: NodeRef, dir: Direction): PairResult {
    if (this.unchanged?.inline(a, b)) return this.unchangedPair(a, b);
    return this.compare(a, b, dir);
  }

  /** The two schemas cannot differ in anything: the same inline schema, or one unchanged named schema. */
  same(a: NodeRef, b: NodeRef): boolean {
    if (!this.unchanged) return false;
    if (this.unchanged.inline(a, b)) return true;
    return this.unchanged.schema(this.baseViews.resolve(a).node, this.revViews.resolve(b).node);
  }

  compare(a: NodeRef, b: NodeRef, dir: Direction): PairResult {
    if (this.same(a, b)) return this.unchangedPair(a, b);
    const av = this.baseViews.view(a);
    const bv = this.revViews.view(b);
    const ka = this.baseViews.identity(av.node);
    const kb = this.revViews.identity(bv.node);
    let inner = this.memo[dir].get(ka);
    if (!inner) this.memo[dir].set(ka, (inner = new WeakMap()));
    const hit = inner.get(kb);
    if (hit) return hit;
    const pair: PairResult = { id: this.nextId++, own: [], children: [], base: av, rev: bv };
    inner.set(kb, pair);
    this.pairs.push(pair);
    this.fill(pair, dir);
    return pair;
  }

  add(pair: PairResult, dir: Direction, kind: string, args: DeltaArgs, at: { base?: NodeRef; rev?: NodeRef }, data?: Delta['data']): void {
    const d: Delta = { kind, direction: dir, args, scope: pair.id };
    const b = place(at.base);
    const r = place(at.rev);
    if (b) d.base = b;
    if (r) d.rev = r;
    if (data) d.data = data;
    pair.own.push(d);
  }


  private fill(pair: PairResult, dir: Direction): void {
    const { base: a0, rev: b0 } = pair;
    // A plain object compared with the union that replaced it (or the reverse): see unionShape.
    const a = unionShape(this, this.baseViews, b0, a0) ?? a0;
    const b = unionShape(this, this.revViews, a0, b0) ?? b0;
    const at = { base: a.node, rev: b.node };
    if (a.never !== b.never) {
      this.add(pair, dir, b.never ? 'schema.type.changed' : 'schema.type.changed', { from: a.never ? 'nothing' : 'any', to: b.never ? 'nothing' : 'any', widened: !b.never, narrowed: b.never }, at);
      return;
    }
    // type
    let disjoint = false;
    if (a.types || b.types) {
      const at0 = a.types ?? new Set<string>();
      const bt0 = b.types ?? new Set<string>();
      const same = at0.size === bt0.size && [...at0].every((t) => bt0.has(t));
      if (!same) {
        const widened = !b.types || (!!a.types && typesCovered(at0, bt0));
        const narrowed = !a.types || (!!b.types && typesCovered(bt0, at0));
        disjoint = !!a.types && !!b.types && ![...at0].some((t) => bt0.has(t) || (t === 'integer' && bt0.has('number')) || (t === 'number' && bt0.has('integer')));
        this.add(pair, dir, 'schema.type.changed', {
          from: a.types ? [...at0].join('|') : 'any',
          to: b.types ? [...bt0].join('|') : 'any',
          widened: widened && !narrowed,
          narrowed: narrowed && !widened,
          fromFormat: a.format ?? '',
          toFormat: b.format ?? '',
        }, at);
      }
    }
    if (a.nullable !== b.nullable) this.add(pair, dir, b.nullable ? 'schema.nullable.added' : 'schema.nullable.removed', { subject: subjectOf(b.node.pointer) }, at);
    if (disjoint) {
      // An array of objects become one object (or the reverse) still holds the same kind of
      // thing: the item schema is compared with the object, so what changed inside shows.
      const objectOf = (v: SchemaView): boolean => !!v.types && v.types.size === 1 && v.types.has('object');
      let inner: PairResult | undefined;
      if (a.items && objectOf(b) && a.types?.size === 1 && objectOf(this.baseViews.view(a.items))) inner = this.compare(a.items, b.node, dir);
      else if (b.items && objectOf(a) && b.types?.size === 1 && objectOf(this.revViews.view(b.items))) inner = this.compare(a.node, b.items, dir);
      if (inner) {
        pair.children.push(inner);
        // The fields gone from the items (or from the object) are one change with the reshaping.
        for (const d of inner.own) if (d.kind === 'schema.property.removed') d.data = { ...d.data, reshaped: a.items ? 'array-to-object' : 'object-to-array' };
      }
      return; // keywords of unrelated types are not comparable
    }
    compareValueKeywords(this, pair, dir, a, b);
    const named = { property: b.node.pointer.split('/').pop() ?? '' };
    if (a.readOnly !== b.readOnly) this.add(pair, dir, b.readOnly ? 'schema.read-only.added' : 'schema.read-only.removed', named, at);
    if (a.writeOnly !== b.writeOnly) this.add(pair, dir, b.writeOnly ? 'schema.write-only.added' : 'schema.write-only.removed', named, at);
    compareObject(this, pair, dir, a, b);
    if (a.items && b.items) pair.children.push(this.compare(a.items, b.items, dir));
    else if (a.items || b.items) {
      // items schema appeared or disappeared: compare against "anything"
      const anything = { value: {}, doc: (a.items ?? b.items)!.doc, pointer: childPointer((a.items ? b : a).node.pointer, 'items') };
      pair.children.push(this.compare(a.items ?? anything, b.items ?? anything, dir));
    }
    compareVariants(this, pair, dir, a, b);
    compareDiscriminator(this, pair, dir, a, b);
    if (a.extras || b.extras) {
      diffExtraKeywords(a, b, (kind, args, where) => this.add(pair, dir, kind, args, where), (x, y) => pair.children.push(this.compare(x, y, dir)));
    }
  }
}
