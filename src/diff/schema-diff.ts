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
import { diffExtraKeywords, hasExtraKeywords } from './keyword-diff.js';
import { componentPath, fieldCorrespondences, type PropertySide } from './property-pairs.js';
import type { Unchanged } from './unchanged.js';
import { LIMIT_KEYWORDS, ViewBuilder, isUpperLimit, typesCovered, type SchemaView } from './schema-view.js';

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
class UnchangedPair implements PairResult {
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

const fmt = (v: unknown): string => (typeof v === 'string' ? (v === '' ? '""' : v) : JSON.stringify(v));

export class SchemaDiffer {
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
    private readonly properties?: Map<string, string>,
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
  private same(a: NodeRef, b: NodeRef): boolean {
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

  private add(pair: PairResult, dir: Direction, kind: string, args: DeltaArgs, at: { base?: NodeRef; rev?: NodeRef }, data?: Delta['data']): void {
    const d: Delta = { kind, direction: dir, args, scope: pair.id };
    const b = place(at.base);
    const r = place(at.rev);
    if (b) d.base = b;
    if (r) d.rev = r;
    if (data) d.data = data;
    pair.own.push(d);
  }

  /**
   * A plain object on one side and the union that replaced it (or the reverse): the union is read
   * as the object its variants describe together, so its fields are compared with the plain
   * object's (`type` -> `integrationType` is a rename, not two removals). Only when every variant
   * is an object (with a discriminator the old object names a value of, the variant it selects);
   * a field offered by several variants counts only when they all declare the same schema, and is
   * required only when every variant requires it.
   */
  private unionShape(views: ViewBuilder, plain: SchemaView, union: SchemaView): SchemaView | undefined {
    if (plain.variants || !union.variants || !plain.types?.has('object') || plain.types.size !== 1) return undefined;
    let list = union.variants.list.map((n) => views.view(n));
    if (!list.every((v) => v.types?.size === 1 && v.types.has('object') && !v.variants)) return undefined;
    const disc = union.discriminator?.propertyName;
    if (disc !== undefined) {
      const own = plain.properties.get(disc);
      const pv = own ? (views === this.revViews ? this.baseViews : this.revViews).view(own) : undefined;
      const value = pv?.const ? pv.const.value : pv?.enum?.length === 1 ? pv.enum[0] : undefined;
      if (value === undefined) return undefined;
      list = list.filter((v) => {
        const p = v.properties.get(disc);
        const x = p ? views.view(p) : undefined;
        return x !== undefined && (x.const ? stableStringify(x.const.value) === stableStringify(value) : !!x.enum?.some((e) => stableStringify(e) === stableStringify(value)));
      });
      if (list.length !== 1) return undefined;
    }
    // Fields the union declares beside its variants belong to every variant.
    const properties = new Map<string, NodeRef>(union.properties);
    const conflicting = new Set<string>();
    for (const v of list) {
      for (const [name, p] of v.properties) {
        const known = properties.get(name);
        if (!known) properties.set(name, p);
        else if (views.identity(views.resolve(known).node) !== views.identity(views.resolve(p).node) && stableStringify(views.resolve(known).node.value) !== stableStringify(views.resolve(p).node.value)) conflicting.add(name);
      }
    }
    for (const name of conflicting) properties.delete(name);
    if (conflicting.size) return undefined;
    const required = new Set([...properties.keys()].filter((name) => union.required.has(name) || list.every((v) => v.required.has(name))));
    return { ...union, types: new Set(['object']), properties, required };
  }

  private fill(pair: PairResult, dir: Direction): void {
    const { base: a0, rev: b0 } = pair;
    // A plain object compared with the union that replaced it (or the reverse): see unionShape.
    const a = this.unionShape(this.baseViews, b0, a0) ?? a0;
    const b = this.unionShape(this.revViews, a0, b0) ?? b0;
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
    // format
    if (a.format !== b.format) {
      const kind = !a.format ? 'schema.format.added' : !b.format ? 'schema.format.removed' : 'schema.format.changed';
      this.add(pair, dir, kind, { from: a.format ?? 'none', to: b.format ?? 'none' }, { base: a.sources.format ?? a.node, rev: b.sources.format ?? b.node });
    }
    // enum
    if (a.enum || b.enum) this.compareEnum(pair, dir, a, b);
    if (stableStringify(a.const?.value) !== stableStringify(b.const?.value)) {
      this.add(pair, dir, 'schema.const.changed', { from: a.const ? fmt(a.const.value) : 'none', to: b.const ? fmt(b.const.value) : 'none' }, at);
    }
    if (a.pattern !== b.pattern) {
      const kind = !a.pattern ? 'schema.pattern.added' : !b.pattern ? 'schema.pattern.removed' : 'schema.pattern.changed';
      this.add(pair, dir, kind, { from: a.pattern ?? 'none', to: b.pattern ?? 'none' }, { base: a.sources.pattern ?? a.node, rev: b.sources.pattern ?? b.node });
    }
    if (stableStringify(a.default?.value) !== stableStringify(b.default?.value)) {
      this.add(pair, dir, 'schema.default.changed', { from: a.default ? fmt(a.default.value) : 'none', to: b.default ? fmt(b.default.value) : 'none' }, at);
    }
    for (const k of LIMIT_KEYWORDS) {
      const x = a.limits[k];
      const y = b.limits[k];
      if (x === y) continue;
      const upper = isUpperLimit(k);
      const tightened = x === undefined ? true : y === undefined ? false : upper ? y < x : y > x;
      this.add(pair, dir, 'schema.limit.changed', { keyword: k, from: x ?? 'none', to: y ?? 'none', tightened }, at);
    }
    if (a.exclusiveFlags.max !== b.exclusiveFlags.max) this.add(pair, dir, 'schema.limit.changed', { keyword: 'exclusiveMaximum', from: String(a.exclusiveFlags.max), to: String(b.exclusiveFlags.max), tightened: b.exclusiveFlags.max }, at);
    if (a.exclusiveFlags.min !== b.exclusiveFlags.min) this.add(pair, dir, 'schema.limit.changed', { keyword: 'exclusiveMinimum', from: String(a.exclusiveFlags.min), to: String(b.exclusiveFlags.min), tightened: b.exclusiveFlags.min }, at);
    if (a.multipleOf !== b.multipleOf) this.add(pair, dir, 'schema.multiple-of.changed', { from: a.multipleOf ?? 'none', to: b.multipleOf ?? 'none' }, at);
    if (a.uniqueItems !== b.uniqueItems) this.add(pair, dir, 'schema.limit.changed', { keyword: 'uniqueItems', from: String(a.uniqueItems), to: String(b.uniqueItems), tightened: b.uniqueItems }, at);
    const named = { property: b.node.pointer.split('/').pop() ?? '' };
    if (a.readOnly !== b.readOnly) this.add(pair, dir, b.readOnly ? 'schema.read-only.added' : 'schema.read-only.removed', named, at);
    if (a.writeOnly !== b.writeOnly) this.add(pair, dir, b.writeOnly ? 'schema.write-only.added' : 'schema.write-only.removed', named, at);
    this.compareObject(pair, dir, a, b);
    if (a.items && b.items) pair.children.push(this.compare(a.items, b.items, dir));
    else if (a.items || b.items) {
      // items schema appeared or disappeared: compare against "anything"
      const anything = { value: {}, doc: (a.items ?? b.items)!.doc, pointer: childPointer((a.items ? b : a).node.pointer, 'items') };
      pair.children.push(this.compare(a.items ?? anything, b.items ?? anything, dir));
    }
    if (a.not || b.not) {
      const x = a.not ? stableStringify(this.baseViews.resolve(a.not).node.value) : '';
      const y = b.not ? stableStringify(this.revViews.resolve(b.not).node.value) : '';
      if (x !== y) this.add(pair, dir, 'schema.not.changed', {}, at);
    }
    this.compareVariants(pair, dir, a, b);
    this.compareDiscriminator(pair, dir, a, b);
    if (hasExtraKeywords(a.node.value) || hasExtraKeywords(b.node.value)) {
      diffExtraKeywords(a, b, (kind, args, where) => this.add(pair, dir, kind, args, where), (x, y) => pair.children.push(this.compare(x, y, dir)));
    }
  }

  private compareEnum(pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
    const at = { base: a.sources.enum ?? a.node, rev: b.sources.enum ?? b.node };
    if (!a.enum && b.enum) {
      this.add(pair, dir, 'schema.enum.added', { values: b.enum.map(fmt).join(', ') }, at);
      return;
    }
    if (a.enum && !b.enum) {
      this.add(pair, dir, 'schema.enum.removed', { values: a.enum.map(fmt).join(', ') }, at);
      return;
    }
    const av = new Map(a.enum!.map((v) => [stableStringify(v), v]));
    const bv = new Map(b.enum!.map((v) => [stableStringify(v), v]));
    for (const [k, v] of bv) if (!av.has(k)) this.add(pair, dir, 'schema.enum.value-added', { value: fmt(v) }, at);
    for (const [k, v] of av) if (!bv.has(k)) this.add(pair, dir, 'schema.enum.value-removed', { value: fmt(v) }, at);
  }

  private compareObject(pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
    const skip = (v: SchemaView | undefined): boolean => !!v && ((dir === 'request' && v.readOnly) || (dir !== 'request' && v.writeOnly));
    const names = new Set([...a.properties.keys(), ...b.properties.keys()]);
    const removed: PropertySide[] = [];
    const added: PropertySide[] = [];
    const displaced = this.displacedNames(a, b);
    for (const name of names) {
      const ap = a.properties.get(name);
      const bp = b.properties.get(name);
      if (ap && bp && displaced.has(name)) {
        // The mapping file gives the name to another old field: the old one of that name is gone.
        if (!skip(this.baseViews.view(ap))) {
          this.add(pair, dir, 'schema.property.removed', { property: name, required: a.required.has(name) }, { base: ap, rev: b.node }, { baseSchema: ap });
          removed.push({ name, node: ap });
        }
        if (!skip(this.revViews.view(bp))) {
          this.add(pair, dir, 'schema.property.added', { property: name, required: b.required.has(name) }, { base: a.node, rev: bp }, { revSchema: bp });
          added.push({ name, node: bp });
        }
      } else if (ap && bp) {
        const ar = a.required.has(name);
        const br = b.required.has(name);
        // A field that cannot differ: nothing to compare inside, so no views to build (it is
        // read-only or write-only on both sides alike).
        if (ar === br && this.same(ap, bp)) continue;
        const av = this.baseViews.view(ap);
        const bv = this.revViews.view(bp);
        if (skip(av) && skip(bv)) continue;
        if (!skip(av) && skip(bv)) {
          this.add(pair, dir, bv.readOnly && dir === 'request' ? 'schema.read-only.added' : 'schema.write-only.added', { property: name }, { base: ap, rev: bp });
          continue;
        }
        if (skip(av) && !skip(bv)) {
          this.add(pair, dir, av.readOnly && dir === 'request' ? 'schema.read-only.removed' : 'schema.write-only.removed', { property: name }, { base: ap, rev: bp });
          continue;
        }
        if (ar !== br) this.add(pair, dir, br ? 'schema.property.became-required' : 'schema.property.became-optional', { property: name }, { base: ap, rev: bp });
        pair.children.push(this.compare(ap, bp, dir));
      } else if (ap) {
        if (skip(this.baseViews.view(ap))) continue;
        this.add(pair, dir, 'schema.property.removed', { property: name, required: a.required.has(name) }, { base: ap, rev: b.node }, { baseSchema: ap });
        removed.push({ name, node: ap });
      } else if (bp) {
        if (skip(this.revViews.view(bp))) continue;
        this.add(pair, dir, 'schema.property.added', { property: name, required: b.required.has(name) }, { base: a.node, rev: bp }, { revSchema: bp });
        added.push({ name, node: bp });
      }
    }
    // A field renamed or moved keeps its identity: its old and new schemas are compared, so what
    // changed inside it is reported (the transition rules make the rename itself one change).
    if (removed.length && added.length) {
      const ctx = { baseViews: this.baseViews, revViews: this.revViews, properties: this.properties };
      for (const c of fieldCorrespondences(removed, added, ctx, dir === 'request')) pair.children.push(this.compare(c.base, c.rev, dir));
    }
    // additionalProperties: undefined/true/schema/false
    const x = a.additionalProperties;
    const y = b.additionalProperties;
    const at = { base: a.node, rev: b.node };
    if (x === false && y !== false) this.add(pair, dir, 'schema.additional-properties.allowed', {}, at);
    else if (x !== false && y === false && (a.types?.has('object') || b.types?.has('object'))) this.add(pair, dir, 'schema.additional-properties.restricted', {}, at);
    else if (typeof x === 'object' && typeof y === 'object') pair.children.push(this.compare(x, y, dir));
    else if (typeof x === 'object' && y === undefined) this.add(pair, dir, 'schema.additional-properties.allowed', {}, at);
    else if (x === undefined && typeof y === 'object') this.add(pair, dir, 'schema.additional-properties.restricted', {}, at);
  }

  /**
   * Names present on both sides that the mapping file gives to another old field of the object
   * (`Client._id: id` where the old Client also had an `id`): the old field of that name is not
   * the new one.
   */
  private displacedNames(a: SchemaView, b: SchemaView): Set<string> {
    const out = new Set<string>();
    if (!this.properties?.size) return out;
    for (const [name, node] of a.properties) {
      if (b.properties.has(name)) continue;
      const key = componentPath(node.pointer);
      const to = key !== undefined ? this.properties.get(key) : undefined;
      if (to !== undefined && to !== name && a.properties.has(to) && b.properties.has(to)) out.add(to);
    }
    return out;
  }

  private variantKey(views: ViewBuilder, n: NodeRef, discriminator?: string): string {
    const v = views.view(n);
    if (v.refName) return `ref:${v.refName}`;
    if (discriminator) {
      const p = v.properties.get(discriminator);
      if (p) {
        const pv = views.view(p);
        const single = pv.const ? pv.const.value : pv.enum?.length === 1 ? pv.enum[0] : undefined;
        if (single !== undefined) return `disc:${fmt(single)}`;
      }
    }
    if (v.title) return `title:${v.title}`;
    return `hash:${stableStringify(views.resolve(n).node.value).slice(0, 2000)}`;
  }

  private compareVariants(pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
    if (!a.variants && !b.variants) return;
    const at = { base: a.node, rev: b.node };
    if (a.variants && b.variants && a.variants.kind !== b.variants.kind) {
      pair.compositionChanged = true;
      this.add(pair, dir, 'schema.composition.changed', { from: a.variants.kind, to: b.variants.kind }, at);
    }
    const al = a.variants?.list ?? [];
    const bl = b.variants?.list ?? [];
    const discA = a.discriminator?.propertyName;
    const discB = b.discriminator?.propertyName;
    const aKeys = al.map((n) => this.variantKey(this.baseViews, n, discA));
    const bKeys = bl.map((n) => this.variantKey(this.revViews, n, discB));
    const usedB = new Set<number>();
    const unmatchedA: number[] = [];
    aKeys.forEach((k, i) => {
      const j = bKeys.findIndex((kb, jj) => kb === k && !usedB.has(jj));
      if (j === -1) unmatchedA.push(i);
      else {
        usedB.add(j);
        pair.children.push(this.compare(al[i]!, bl[j]!, dir));
      }
    });
    const unmatchedB = bl.map((_, j) => j).filter((j) => !usedB.has(j));
    // Inline variants that were edited: pair the leftovers by position when counts agree.
    if (unmatchedA.length && unmatchedA.length === unmatchedB.length && unmatchedA.every((i) => !aKeys[i]!.startsWith('ref:'))) {
      unmatchedA.forEach((i, n) => pair.children.push(this.compare(al[i]!, bl[unmatchedB[n]!]!, dir)));
      return;
    }
    if (!a.variants || !b.variants) {
      // A plain schema became a union (or the reverse): the plain one stands as a single variant.
      if (!a.variants && bl.length) {
        pair.compositionChanged = true;
        const k = this.variantKey(this.baseViews, a.node, discB);
        const j = bKeys.indexOf(k);
        bl.forEach((n, jj) => {
          if (jj !== j) this.add(pair, dir, 'schema.variant.added', { variant: bKeys[jj]!.replace(/^\w+:/, '').slice(0, 80), composition: b.variants!.kind }, { base: a.node, rev: n });
        });
      } else if (!b.variants && al.length) {
        pair.compositionChanged = true;
        const k = this.variantKey(this.revViews, b.node, discA);
        const i0 = aKeys.indexOf(k);
        al.forEach((n, ii) => {
          if (ii !== i0) this.add(pair, dir, 'schema.variant.removed', { variant: aKeys[ii]!.replace(/^\w+:/, '').slice(0, 80), composition: a.variants!.kind }, { base: n, rev: b.node });
        });
      }
      return;
    }
    for (const i of unmatchedA) this.add(pair, dir, 'schema.variant.removed', { variant: aKeys[i]!.replace(/^\w+:/, '').slice(0, 80), composition: a.variants.kind }, { base: al[i]!, rev: b.node });
    for (const j of unmatchedB) this.add(pair, dir, 'schema.variant.added', { variant: bKeys[j]!.replace(/^\w+:/, '').slice(0, 80), composition: b.variants.kind }, { base: a.node, rev: bl[j]! });
  }

  private compareDiscriminator(pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
    const x = a.discriminator;
    const y = b.discriminator;
    if (!x && !y) return;
    const at = { base: x?.node ?? a.node, rev: y?.node ?? b.node };
    if (!x || !y || x.propertyName !== y.propertyName) {
      this.add(pair, dir, 'schema.discriminator.property-changed', { from: x?.propertyName ?? '', to: y?.propertyName ?? '' }, at);
      return;
    }
    for (const [k, target] of y.mapping) {
      if (!x.mapping.has(k)) this.add(pair, dir, 'schema.discriminator.mapping-added', { value: k, target }, at);
      else if (x.mapping.get(k) !== target) this.add(pair, dir, 'schema.discriminator.mapping-changed', { value: k, from: x.mapping.get(k)!, to: target }, at);
    }
    for (const k of x.mapping.keys()) if (!y.mapping.has(k)) this.add(pair, dir, 'schema.discriminator.mapping-removed', { value: k }, at);
    // The schemas a discriminator stands for are compared like any other, whether the mapping
    // names them or they only extend this schema through allOf.
    const ta = this.baseViews.mappingTargets(x.node);
    const tb = this.revViews.mappingTargets(y.node);
    for (const [k, n] of ta) {
      const m = tb.get(k);
      if (m) pair.children.push(this.compare(n, m, dir));
    }
    const sa = this.baseViews.subschemas(a.node);
    const sb = this.revViews.subschemas(b.node);
    for (const [name, n] of sa) {
      const m = sb.get(name);
      if (m) pair.children.push(this.compare(n, m, dir));
    }
  }
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
