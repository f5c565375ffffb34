/**
 * The keywords of one schema and of its allOf members merged into one view. Every member
 * constrains the value, so their constraints combine: enums intersect, patterns and `not`s
 * accumulate, the tightest bound wins, item schemas and properties declared by several members
 * read as an allOf of references to each declaration (whatever is found inside keeps its real
 * location), and each keyword remembers where it is declared.
 */
import type { NodeRef } from '../load/spec.js';
import { arr, isObject, own, stableStringify, type JsonObject } from '../util/guards.js';
import { childPointer } from '../util/json-pointer.js';
import { hasExtraKeywords } from './keyword-diff.js';
import { LIMIT_KEYWORDS, isUpperLimit, type SchemaView } from './view-types.js';

export const child = (n: NodeRef, key: string | number): NodeRef => ({
  value: isObject(n.value) ? own(n.value, String(key)) : Array.isArray(n.value) ? n.value[key as number] : undefined,
  doc: n.doc,
  pointer: childPointer(n.pointer, key),
});

/** What comes after the last `/` (all of it when there is none). */
const lastSegment = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

export function refName(ref: string): string {
  const hash = ref.indexOf('#');
  const frag = hash === -1 ? '' : ref.slice(hash + 1);
  if (frag && frag !== '/') return lastSegment(frag);
  return lastSegment(hash === -1 ? ref : ref.slice(0, hash)).replace(/\.(ya?ml|json)$/i, '');
}

const isNullSchema = (v: unknown): boolean =>
  isObject(v) && (own(v, 'type') === 'null' || (Array.isArray(own(v, 'enum')) && (own(v, 'enum') as unknown[]).length === 1 && (own(v, 'enum') as unknown[])[0] === null));

export interface Resolver {
  resolve(n: NodeRef): { node: NodeRef; refName?: string };
}

/** What one view's build collects beside the view itself. */
export interface MergeState {
  seen: Set<object>;
  /** Properties declared by more than one member, with every declaration. */
  redeclared?: Map<string, NodeRef[]>;
  /** Item schemas of every member that declares one. */
  items?: NodeRef[];
}

/** Adds the keywords of `s` (and of its allOf members) into `view`. */
export function mergeKeywords(r: Resolver, view: SchemaView, node: NodeRef, s: JsonObject, st: MergeState, top: boolean): void {
  // types
  const t = own(s, 'type');
  if (t !== undefined) {
    const list = (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
    if (list.includes('null')) view.nullable = true;
    const types = new Set(list.filter((x) => x !== 'null'));
    if (types.size || !list.includes('null')) view.types = view.types ? intersectTypes(view.types, types) : types;
  }
  if (own(s, 'nullable') === true || own(s, 'x-nullable') === true) view.nullable = true;
  if (typeof own(s, 'format') === 'string' && view.format === undefined) {
    view.format = own(s, 'format') as string;
    view.sources.format = node;
  }
  if (Array.isArray(own(s, 'enum'))) {
    const values = own(s, 'enum') as unknown[];
    if (values.includes(null)) view.nullable = true;
    const nonNull = values.filter((x) => x !== null);
    if (nonNull.length || !values.includes(null)) {
      if (view.enum === undefined) {
        view.enum = nonNull;
        view.sources.enum = node;
      } else {
        // Both enums hold: the values both allow. The narrowest declaration locates changes.
        const keys = new Set(nonNull.map((x) => stableStringify(x)));
        const before = view.enum.length;
        view.enum = view.enum.filter((x) => keys.has(stableStringify(x)));
        if (nonNull.length < before) view.sources.enum = node;
      }
    }
  }
  if (own(s, 'const') !== undefined && !view.const) {
    view.const = { value: own(s, 'const') };
    view.sources.const = node;
  }
  if (typeof own(s, 'pattern') === 'string') {
    const p = own(s, 'pattern') as string;
    if (!view.patterns.some((x) => x.value === p)) view.patterns.push({ value: p, node });
  }
  if (own(s, 'default') !== undefined && top) view.default = { value: own(s, 'default') };
  if (own(s, 'readOnly') === true) view.readOnly = true;
  if (own(s, 'writeOnly') === true) view.writeOnly = true;
  if (own(s, 'uniqueItems') === true) view.uniqueItems = true;
  if (typeof own(s, 'multipleOf') === 'number') view.multipleOf ??= own(s, 'multipleOf') as number;
  if (typeof own(s, 'title') === 'string' && top) view.title = own(s, 'title') as string;
  mergeLimits(view, node, s);
  // objects
  const props = own(s, 'properties');
  if (isObject(props)) {
    const pn = child(node, 'properties');
    for (const name of Object.keys(props)) {
      const first = view.properties.get(name);
      if (!first) view.properties.set(name, child(pn, name));
      else {
        // Declared again by another allOf member: both declarations apply.
        const list = (st.redeclared ??= new Map());
        const all = list.get(name) ?? [first];
        all.push(child(pn, name));
        list.set(name, all);
      }
    }
  }
  for (const req of arr(own(s, 'required'))) if (typeof req === 'string') view.required.add(req);
  const ap = own(s, 'additionalProperties');
  if (ap === false) view.additionalProperties = false;
  else if (isObject(ap) && Object.keys(ap).length > 0 && view.additionalProperties !== false) view.additionalProperties = child(node, 'additionalProperties');
  if (own(s, 'items') !== undefined && !Array.isArray(own(s, 'items'))) {
    const it = child(node, 'items');
    if (!view.items) view.items = it;
    else (st.items ??= [view.items]).push(it);
  }
  if (own(s, 'not') !== undefined) view.nots.push(child(node, 'not'));
  if (hasExtraKeywords(s)) {
    const extras = (view.extras ??= new Map());
    for (const k of Object.keys(s)) if (!extras.has(k)) extras.set(k, node);
  }
  const disc = own(s, 'discriminator');
  if (isObject(disc) && typeof own(disc, 'propertyName') === 'string' && !view.discriminator) {
    const mapping = new Map<string, string>();
    const m = own(disc, 'mapping');
    if (isObject(m)) for (const k of Object.keys(m)) mapping.set(k, refName(String(own(m, k))));
    view.discriminator = { propertyName: own(disc, 'propertyName') as string, mapping, node: child(node, 'discriminator') };
  } else if (typeof disc === 'string' && !view.discriminator) {
    view.discriminator = { propertyName: disc, mapping: new Map(), node: child(node, 'discriminator') };
  }
  // composition
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const list = own(s, kind);
    if (!Array.isArray(list) || view.variants) continue;
    const ln = child(node, kind);
    const variants: NodeRef[] = [];
    list.forEach((_, i) => {
      const vn = child(ln, i);
      const resolved = r.resolve(vn).node;
      if (isNullSchema(resolved.value)) view.nullable = true;
      else variants.push(vn);
    });
    if (variants.length === 1) {
      // A single remaining variant is the schema itself (e.g. `anyOf: [$ref, {type: 'null'}]`).
      const only = r.resolve(variants[0]!);
      if (isObject(only.node.value) && !st.seen.has(only.node.value)) {
        st.seen.add(only.node.value);
        if (only.refName && view.refName === undefined) view.refName = only.refName;
        mergeKeywords(r, view, only.node, only.node.value, st, false);
      }
    } else if (variants.length > 1) view.variants = { kind, list: variants };
  }
  const all = own(s, 'allOf');
  if (Array.isArray(all)) {
    const an = child(node, 'allOf');
    all.forEach((_, i) => {
      const member = r.resolve(child(an, i)).node;
      if (!isObject(member.value) || st.seen.has(member.value)) return;
      st.seen.add(member.value);
      mergeKeywords(r, view, member, member.value, st, false);
    });
  }
  if (!view.types) {
    if (view.properties.size || view.additionalProperties !== undefined) view.types = new Set(['object']);
    else if (view.items) view.types = new Set(['array']);
  }
}

/**
 * Bounds: the tightest of each kind. A 3.0 `exclusiveMinimum: true` beside `minimum` in the same
 * schema is the 3.1 numeric `exclusiveMinimum` (likewise for the maximum).
 */
function mergeLimits(view: SchemaView, node: NodeRef, s: JsonObject): void {
  for (const k of LIMIT_KEYWORDS) {
    const raw = own(s, k);
    if (typeof raw === 'boolean') {
      const bound = own(s, k === 'exclusiveMaximum' ? 'maximum' : 'minimum');
      if (raw && typeof bound === 'number') setLimit(view, k, bound, node);
      else if (raw && k === 'exclusiveMaximum') view.exclusiveFlags.max = true;
      else if (raw && k === 'exclusiveMinimum') view.exclusiveFlags.min = true;
      continue;
    }
    if (typeof raw !== 'number') continue;
    if ((k === 'minLength' || k === 'minItems' || k === 'minProperties') && raw === 0) continue;
    if ((k === 'minimum' && own(s, 'exclusiveMinimum') === true) || (k === 'maximum' && own(s, 'exclusiveMaximum') === true)) continue;
    setLimit(view, k, raw, node);
  }
}

function setLimit(view: SchemaView, k: (typeof LIMIT_KEYWORDS)[number], value: number, node: NodeRef): void {
  const prev = view.limits[k];
  const tighter = prev === undefined || (isUpperLimit(k) ? value < prev : value > prev);
  if (!tighter) return;
  view.limits[k] = value;
  view.sources.limits[k] = node;
}

/** What only the whole merge can tell: several declarations of one thing, and bounds that shadow others. */
export function finishMerge(view: SchemaView, st: MergeState): void {
  if (st.redeclared) {
    for (const [name, all] of st.redeclared) {
      const p = allOfReferences(all);
      if (p) view.properties.set(name, p);
    }
  }
  if (st.items) view.items = allOfReferences(st.items) ?? view.items;
  // An inclusive and an exclusive bound of the same side: only the tighter one constrains.
  for (const [inc, exc, upper] of [['minimum', 'exclusiveMinimum', false], ['maximum', 'exclusiveMaximum', true]] as const) {
    const i = view.limits[inc];
    const e = view.limits[exc];
    if (i === undefined || e === undefined) continue;
    const drop = (upper ? e <= i : e >= i) ? inc : exc;
    delete view.limits[drop];
    delete view.sources.limits[drop];
  }
  if (view.patterns.length > 1) view.patterns.sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  if (view.const && view.enum) {
    const k = stableStringify(view.const.value);
    view.enum = view.enum.filter((x) => stableStringify(x) === k);
  }
}

/**
 * One node standing for several declarations: an allOf of references to each, so whatever is
 * found inside keeps its real location. Declarations in other files keep the first.
 */
function allOfReferences(all: NodeRef[]): NodeRef | undefined {
  const first = all[0]!;
  if (all.some((n) => n.doc !== first.doc)) return undefined;
  return { value: { allOf: all.map((n) => ({ $ref: `#${n.pointer}` })) }, doc: first.doc, pointer: first.pointer };
}

function intersectTypes(a: Set<string>, b: Set<string>): Set<string> {
  if (!b.size) return a;
  const out = new Set<string>();
  for (const x of a) {
    if (b.has(x)) out.add(x);
    else if (x === 'integer' && b.has('number')) out.add('integer');
    else if (x === 'number' && b.has('integer')) out.add('integer');
  }
  return out.size ? out : b;
}
