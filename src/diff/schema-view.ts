/**
 * A flattened view of one schema: `$ref`s followed, `allOf` members merged, the nullable forms of
 * every dialect (2.0 `x-nullable`, 3.0 `nullable`, 3.1 `type: [.., 'null']` or a `{type: 'null'}`
 * variant) reduced to one flag, single-variant `oneOf`/`anyOf` unwrapped, and explicit defaults
 * (`required: []`, `additionalProperties: true`, `minLength: 0`...) dropped. Two schemas that
 * differ only in those ways produce equal views, so refactors of that kind are no change at all.
 */
import type { NodeRef, Spec } from '../load/spec.js';
import { arr, isObject, own, type JsonObject } from '../util/guards.js';
import { childPointer } from '../util/json-pointer.js';

export const LIMIT_KEYWORDS = [
  'maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties',
  'minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties',
] as const;
export type LimitKeyword = (typeof LIMIT_KEYWORDS)[number];

export function isUpperLimit(k: LimitKeyword): boolean {
  return k.startsWith('max') || k === 'exclusiveMaximum';
}

export interface SchemaView {
  node: NodeRef;
  /** Declared types without 'null'; undefined = any type. */
  types?: Set<string>;
  nullable: boolean;
  format?: string;
  enum?: unknown[];
  const?: { value: unknown };
  pattern?: string;
  default?: { value: unknown };
  readOnly: boolean;
  writeOnly: boolean;
  limits: Partial<Record<LimitKeyword, number>>;
  /** 3.0 boolean exclusive bounds, kept apart from the numeric 3.1 forms. */
  exclusiveFlags: { max: boolean; min: boolean };
  multipleOf?: number;
  uniqueItems: boolean;
  properties: Map<string, NodeRef>;
  required: Set<string>;
  /** undefined = not stated (allowed); true/false; or a schema. */
  additionalProperties?: boolean | NodeRef;
  items?: NodeRef;
  variants?: { kind: 'oneOf' | 'anyOf'; list: NodeRef[] };
  discriminator?: { propertyName: string; mapping: Map<string, string>; node: NodeRef };
  not?: NodeRef;
  /** The schema is `false` (accepts nothing). */
  never: boolean;
  /** Where keywords merged in from allOf members were declared (locations of their changes). */
  sources: { enum?: NodeRef; format?: NodeRef; pattern?: NodeRef };
  /** Names of `$ref` targets seen on the way (for matching variants). */
  refName?: string;
  title?: string;
}

const child = (n: NodeRef, key: string | number): NodeRef => ({
  value: isObject(n.value) ? own(n.value, String(key)) : Array.isArray(n.value) ? n.value[key as number] : undefined,
  doc: n.doc,
  pointer: childPointer(n.pointer, key),
});

/** What comes after the last `/` (all of it when there is none). */
const lastSegment = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

function refName(ref: string): string {
  const hash = ref.indexOf('#');
  const frag = hash === -1 ? '' : ref.slice(hash + 1);
  if (frag && frag !== '/') return lastSegment(frag);
  return lastSegment(hash === -1 ? ref : ref.slice(0, hash)).replace(/\.(ya?ml|json)$/i, '');
}

const isNullSchema = (v: unknown): boolean =>
  isObject(v) && (own(v, 'type') === 'null' || (Array.isArray(own(v, 'enum')) && (own(v, 'enum') as unknown[]).length === 1 && (own(v, 'enum') as unknown[])[0] === null));

/** Properties declared by more than one allOf member, per view being built. */
const REDECLARED = new WeakMap<SchemaView, Map<string, NodeRef[]>>();

export class ViewBuilder {
  private readonly cache = new WeakMap<object, SchemaView>();
  private readonly trueSchema = {};
  private readonly falseSchema = {};

  constructor(readonly spec: Spec) {}

  /** Follows `$ref`s, remembering the last reference name. */
  resolve(n: NodeRef): { node: NodeRef; refName?: string } {
    let name: string | undefined;
    let cur = n;
    for (let i = 0; i < 64; i++) {
      const v = cur.value;
      if (!isObject(v)) break;
      const ref = own(v, '$ref');
      if (typeof ref !== 'string') break;
      name = refName(ref);
      cur = this.spec.resolveRef(cur.doc, ref, childPointer(cur.pointer, '$ref'));
    }
    return name !== undefined ? { node: cur, refName: name } : { node: cur };
  }

  /** Identity of a schema node for memoisation: its object, or a shared object for true/false/absent. */
  identity(n: NodeRef): object {
    const v = n.value;
    if (isObject(v) || Array.isArray(v)) return v;
    return v === false ? this.falseSchema : this.trueSchema;
  }

  view(input: NodeRef): SchemaView {
    const { node, refName: rn } = this.resolve(input);
    const key = this.identity(node);
    const hit = this.cache.get(key);
    if (hit) return rn !== undefined && hit.refName === undefined ? { ...hit, refName: rn } : hit;
    const v = this.build(node, new Set());
    if (rn !== undefined) v.refName = rn;
    this.cache.set(key, v);
    return v;
  }

  private subIndex?: WeakMap<object, Array<{ name: string; node: NodeRef }>>;

  /**
   * Named schemas that extend the schema at `node` through `allOf` (the schemas a discriminator
   * may stand for even without a mapping), by name.
   */
  subschemas(node: NodeRef): Map<string, NodeRef> {
    if (!this.subIndex) {
      this.subIndex = new WeakMap();
      const root = this.spec.value;
      const holderPointer = this.spec.version === '2.0' ? '/definitions' : '/components/schemas';
      const holder = this.spec.version === '2.0' ? own(root, 'definitions') : isObject(own(root, 'components')) ? own(own(root, 'components') as JsonObject, 'schemas') : undefined;
      if (isObject(holder)) {
        const hn: NodeRef = { value: holder, doc: this.spec.root, pointer: holderPointer };
        for (const name of Object.keys(holder)) {
          const sn = child(hn, name);
          const all = isObject(sn.value) ? own(sn.value, 'allOf') : undefined;
          if (!Array.isArray(all)) continue;
          all.forEach((_, i) => {
            try {
              const target = this.resolve(child(child(sn, 'allOf'), i)).node.value;
              if (!isObject(target) || target === sn.value) return;
              let list = this.subIndex!.get(target);
              if (!list) this.subIndex!.set(target, (list = []));
              list.push({ name, node: sn });
            } catch {
              // an unresolvable member is reported where the model meets it
            }
          });
        }
      }
    }
    const out = new Map<string, NodeRef>();
    if (isObject(node.value)) for (const e of this.subIndex.get(node.value) ?? []) out.set(e.name, e.node);
    return out;
  }

  /** The schemas a discriminator's mapping names, by discriminator value (unresolvable ones left out). */
  mappingTargets(discriminator: NodeRef): Map<string, NodeRef> {
    const out = new Map<string, NodeRef>();
    const m = isObject(discriminator.value) ? own(discriminator.value, 'mapping') : undefined;
    if (!isObject(m)) return out;
    const prefix = this.spec.version === '2.0' ? '#/definitions/' : '#/components/schemas/';
    for (const k of Object.keys(m)) {
      const v = own(m, k);
      if (typeof v !== 'string') continue;
      const ref = /[#/]|\.(ya?ml|json)$/i.test(v) ? v : `${prefix}${v}`;
      try {
        out.set(k, this.spec.resolveRef(discriminator.doc, ref, childPointer(childPointer(discriminator.pointer, 'mapping'), k)));
      } catch {
        // reported where the model meets it; a mapping that leads nowhere is compared by name only
      }
    }
    return out;
  }

  private empty(node: NodeRef): SchemaView {
    return {
      node,
      nullable: false,
      readOnly: false,
      writeOnly: false,
      limits: {},
      exclusiveFlags: { max: false, min: false },
      uniqueItems: false,
      properties: new Map(),
      required: new Set(),
      never: node.value === false,
      sources: {},
    };
  }

  private build(node: NodeRef, seen: Set<object>): SchemaView {
    const view = this.empty(node);
    const s = node.value;
    if (!isObject(s)) return view;
    seen.add(s);
    this.merge(view, node, s, seen, true);
    const redeclared = REDECLARED.get(view);
    if (redeclared) {
      REDECLARED.delete(view);
      for (const [name, all] of redeclared) {
        // One property node standing for every declaration: an allOf of references to each, so
        // whatever is found inside keeps its real location. Declarations in other files keep the first.
        const first = all[0]!;
        if (all.some((n) => n.doc !== first.doc)) continue;
        view.properties.set(name, { value: { allOf: all.map((n) => ({ $ref: `#${n.pointer}` })) }, doc: first.doc, pointer: first.pointer });
      }
    }
    return view;
  }

  /** Adds the keywords of `s` (and of its allOf members) into `view`. */
  private merge(view: SchemaView, node: NodeRef, s: JsonObject, seen: Set<object>, top: boolean): void {
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
      if ((nonNull.length || !values.includes(null)) && view.enum === undefined) {
        view.enum = nonNull;
        view.sources.enum = node;
      }
    }
    if (own(s, 'const') !== undefined) view.const ??= { value: own(s, 'const') };
    if (typeof own(s, 'pattern') === 'string' && view.pattern === undefined) {
      view.pattern = own(s, 'pattern') as string;
      view.sources.pattern = node;
    }
    if (own(s, 'default') !== undefined && top) view.default = { value: own(s, 'default') };
    if (own(s, 'readOnly') === true) view.readOnly = true;
    if (own(s, 'writeOnly') === true) view.writeOnly = true;
    if (own(s, 'uniqueItems') === true) view.uniqueItems = true;
    if (typeof own(s, 'multipleOf') === 'number') view.multipleOf ??= own(s, 'multipleOf') as number;
    if (typeof own(s, 'title') === 'string' && top) view.title = own(s, 'title') as string;
    for (const k of LIMIT_KEYWORDS) {
      const raw = own(s, k);
      if (typeof raw === 'boolean') {
        if (raw && k === 'exclusiveMaximum') view.exclusiveFlags.max = true;
        if (raw && k === 'exclusiveMinimum') view.exclusiveFlags.min = true;
        continue;
      }
      if (typeof raw !== 'number') continue;
      if ((k === 'minLength' || k === 'minItems' || k === 'minProperties') && raw === 0) continue;
      const prev = view.limits[k];
      view.limits[k] = prev === undefined ? raw : isUpperLimit(k) ? Math.min(prev, raw) : Math.max(prev, raw);
    }
    // objects
    const props = own(s, 'properties');
    if (isObject(props)) {
      const pn = child(node, 'properties');
      for (const name of Object.keys(props)) {
        const first = view.properties.get(name);
        if (!first) view.properties.set(name, child(pn, name));
        else {
          // Declared again by another allOf member: both declarations apply.
          let list = REDECLARED.get(view);
          if (!list) REDECLARED.set(view, (list = new Map()));
          const all = list.get(name) ?? [first];
          all.push(child(pn, name));
          list.set(name, all);
        }
      }
    }
    for (const r of arr(own(s, 'required'))) if (typeof r === 'string') view.required.add(r);
    const ap = own(s, 'additionalProperties');
    if (ap === false) view.additionalProperties = false;
    else if (isObject(ap) && Object.keys(ap).length > 0 && view.additionalProperties !== false) view.additionalProperties = child(node, 'additionalProperties');
    if (own(s, 'items') !== undefined && !Array.isArray(own(s, 'items'))) view.items ??= child(node, 'items');
    if (own(s, 'not') !== undefined) view.not ??= child(node, 'not');
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
        const resolved = this.resolve(vn).node;
        if (isNullSchema(resolved.value)) view.nullable = true;
        else variants.push(vn);
      });
      if (variants.length === 1) {
        // A single remaining variant is the schema itself (e.g. `anyOf: [$ref, {type: 'null'}]`).
        const only = this.resolve(variants[0]!);
        if (isObject(only.node.value) && !seen.has(only.node.value)) {
          seen.add(only.node.value);
          if (only.refName && view.refName === undefined) view.refName = only.refName;
          this.merge(view, only.node, only.node.value, seen, false);
        }
      } else if (variants.length > 1) view.variants = { kind, list: variants };
    }
    const all = own(s, 'allOf');
    if (Array.isArray(all)) {
      const an = child(node, 'allOf');
      all.forEach((_, i) => {
        const member = this.resolve(child(an, i)).node;
        if (!isObject(member.value) || seen.has(member.value)) return;
        seen.add(member.value);
        this.merge(view, member, member.value, seen, false);
      });
    }
    if (!view.types) {
      if (view.properties.size || view.additionalProperties !== undefined) view.types = new Set(['object']);
      else if (view.items) view.types = new Set(['array']);
    }
  }
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

/** True when every type of `inner` is accepted by `outer` (integer counts as a number). */
export function typesCovered(inner: Set<string>, outer: Set<string>): boolean {
  for (const t of inner) if (!outer.has(t) && !(t === 'integer' && outer.has('number'))) return false;
  return true;
}
