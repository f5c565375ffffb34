/**
 * Named schemas that did not change: a schema of the root document whose value is the same in
 * both versions and whose every reference (`$ref`, discriminator mapping) leads only to schemas
 * that did not change either. Comparing such a pair can find nothing, so the schema differ skips
 * it. Between two releases of a large spec most named schemas are unchanged, and this is what
 * keeps a diff close to the cost of parsing.
 *
 * One walk per schema decides both questions: the values are compared and the references of an
 * equal schema collected in the same pass. References to other files, to places that are not a
 * named schema, and `$dynamicRef` make a schema count as changed (the safe answer).
 */
import type { Spec } from '../load/spec.js';
import { isObject } from '../util/guards.js';
import { unescapeToken } from '../util/json-pointer.js';

const UNKNOWN = '\u0000';
/** Marks a schema that holds a discriminator (it depends on the schemas extending it). */
const DISCRIMINATOR = '\u0000discriminator';

/** The pointer prefix of named schemas in a spec of this version. */
function schemasPrefix(spec: Spec): string {
  return spec.version === '2.0' ? '/definitions/' : '/components/schemas/';
}

function schemasOf(spec: Spec): Record<string, unknown> | undefined {
  const root = spec.value;
  const holder = spec.version === '2.0' ? root['definitions'] : isObject(root['components']) ? root['components']['schemas'] : undefined;
  return isObject(holder) ? holder : undefined;
}

/** Name of the named schema a local reference points into, or UNKNOWN. */
function refTarget(ref: string, prefix: string): string {
  if (!ref.startsWith(`#${prefix}`)) return UNKNOWN;
  const rest = ref.slice(prefix.length + 1);
  const end = rest.indexOf('/');
  const name = end === -1 ? rest : rest.slice(0, end);
  return unescapeToken(name);
}

/**
 * Compares `a` and `b` deeply and, while they are equal, adds the names their references point to.
 * Returns false at the first difference.
 */
function sameCollecting(a: unknown, b: unknown, prefix: string, refs: Set<string>, key: string): boolean {
  if (a === b && (a === null || typeof a !== 'object')) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameCollecting(a[i], b[i], prefix, refs, '')) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(bo, k)) return false;
    const x = ao[k];
    if (!sameCollecting(x, bo[k], prefix, refs, k)) return false;
    if (k === '$ref' && typeof x === 'string') refs.add(refTarget(x, prefix));
    else if (k === '$dynamicRef') refs.add(UNKNOWN);
    else if (k === 'discriminator') refs.add(DISCRIMINATOR);
    else if (k === 'mapping' && key === 'discriminator' && isObject(x)) {
      for (const v of Object.values(x)) if (typeof v === 'string') refs.add(v.includes('#') ? refTarget(v.slice(v.indexOf('#')), prefix) : v.includes('/') ? UNKNOWN : v);
    }
  }
  return true;
}

/** The names the `$ref`s in `v` point to. */
function refsIn(v: unknown, prefix: string): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (isObject(x)) for (const [k, y] of Object.entries(x)) (k === '$ref' && typeof y === 'string' ? out.add(refTarget(y, prefix)) : walk(y));
  };
  walk(v);
  return out;
}

/** Names of the root document's named schemas that are unchanged between the two specs. */
export function unchangedSchemas(base: Spec, rev: Spec): Set<string> {
  const out = new Set<string>();
  if (base.version !== rev.version) return out;
  const a = schemasOf(base);
  const b = schemasOf(rev);
  if (!a || !b) return out;
  const prefix = schemasPrefix(rev);
  const refsOf = new Map<string, Set<string>>();
  const changed: string[] = [];
  const discriminated: string[] = [];
  for (const name of Object.keys(b)) {
    const refs = new Set<string>();
    if (Object.prototype.hasOwnProperty.call(a, name) && sameCollecting(a[name], b[name], prefix, refs, '')) {
      refsOf.set(name, refs);
      if (refs.has(DISCRIMINATOR)) discriminated.push(name);
    } else changed.push(name);
  }
  // A schema with a discriminator stands for the schemas that extend it: it depends on every
  // schema that refers to it.
  if (discriminated.length) {
    const all = new Map(refsOf);
    for (const name of changed) if (Object.prototype.hasOwnProperty.call(b, name)) all.set(name, refsIn(b[name], prefix));
    for (const name of discriminated) {
      for (const [other, refs] of all) if (other !== name && refs.has(name)) refsOf.get(name)!.add(other);
    }
  }
  for (const refs of refsOf.values()) refs.delete(DISCRIMINATOR);
  for (const name of Object.keys(a)) if (!Object.prototype.hasOwnProperty.call(b, name)) changed.push(name);
  // A schema referring to a changed (or unknown) one has changed too: spread along reverse edges.
  const referrers = new Map<string, string[]>();
  const dirty = new Set(changed);
  for (const [name, refs] of refsOf) {
    for (const r of refs) {
      if (r === UNKNOWN || !Object.prototype.hasOwnProperty.call(b, r)) dirty.add(name);
      let list = referrers.get(r);
      if (!list) referrers.set(r, (list = []));
      list.push(name);
    }
  }
  const stack = [...dirty];
  while (stack.length) {
    for (const parent of referrers.get(stack.pop()!) ?? []) {
      if (!dirty.has(parent)) {
        dirty.add(parent);
        stack.push(parent);
      }
    }
  }
  for (const name of refsOf.keys()) if (!dirty.has(name)) out.add(name);
  return out;
}

/** Top-level keys whose content only matters through the paths and schemas that use them. */
const NOT_CONTEXT = new Set(['paths', 'components', 'definitions', 'info', 'tags', 'externalDocs', 'webhooks', 'x-webhooks']);

/**
 * What did not change between two versions: named schemas (see above) and whole path items
 * (or webhook items) whose value is the same, whose references lead only to unchanged named
 * schemas, and whose inherited context (servers, base path, media types, security) is the same.
 */
export class Unchanged {
  private readonly names: Set<string>;
  private readonly prefix: string;
  private readonly items = new Map<string, boolean>();
  private readonly marks = new WeakMap<object, { base: unknown; same: boolean }>();
  private context?: boolean;

  constructor(
    private readonly base: Spec,
    private readonly rev: Spec,
  ) {
    this.names = unchangedSchemas(base, rev);
    this.prefix = schemasPrefix(rev);
  }

  /** A pair of resolved schema nodes that is one unchanged named schema compared with itself. */
  schema(a: { doc: object; pointer: string }, b: { doc: object; pointer: string }): boolean {
    if (this.names.size === 0 || a.pointer !== b.pointer || a.doc !== this.base.root || b.doc !== this.rev.root) return false;
    if (!a.pointer.startsWith(this.prefix)) return false;
    const name = a.pointer.slice(this.prefix.length);
    return !name.includes('/') && this.names.has(unescapeToken(name));
  }

  /** Two operation nodes (`/paths/<path>/<method>` or a webhook's) that cannot differ in anything. */
  operation(a: { doc: object; pointer: string }, b: { doc: object; pointer: string }): boolean {
    if (a.pointer !== b.pointer || a.doc !== this.base.root || b.doc !== this.rev.root) return false;
    const cut = a.pointer.lastIndexOf('/');
    const item = a.pointer.slice(0, cut);
    if (item.split('/').length !== 3) return false;
    let same = this.items.get(item);
    if (same === undefined) {
      same = this.contextSame() && this.itemSame(item);
      this.items.set(item, same);
    }
    return same;
  }

  /**
   * An inline schema at the same place in both root documents that cannot differ in anything.
   * The first question about a subtree walks all of it and remembers the answer for every object
   * in it, so the comparison of its children asks again for free.
   */
  inline(a: { doc: object; pointer: string; value: unknown }, b: { doc: object; pointer: string; value: unknown }): boolean {
    if (a.doc !== this.base.root || b.doc !== this.rev.root || this.names.size === 0 || !isObject(b.value)) return false;
    const hit = this.marks.get(b.value);
    if (hit) return hit.base === a.value && hit.same;
    if (a.pointer !== b.pointer) return false;
    return this.mark(a.value, b.value, '');
  }

  /** Marks every object of `b` with whether it equals its counterpart in `a` and refers only to unchanged schemas. */
  private mark(a: unknown, b: unknown, key: string): boolean {
    if (a === b && (a === null || typeof a !== 'object')) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    const hit = this.marks.get(b);
    if (hit) return hit.base === a && hit.same;
    let same = true;
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b)) same = false;
      else {
        if (a.length !== b.length) same = false;
        const n = Math.min(a.length, b.length);
        for (let i = 0; i < n; i++) if (!this.mark(a[i], b[i], '')) same = false;
      }
    } else {
      const ao = a as Record<string, unknown>;
      const bo = b as Record<string, unknown>;
      for (const k of Object.keys(bo)) {
        const y = bo[k];
        if (!Object.prototype.hasOwnProperty.call(ao, k)) {
          same = false;
          continue;
        }
        if (!this.mark(ao[k], y, k)) same = false;
        else if (k === '$ref' && typeof y === 'string') {
          if (!this.names.has(refTarget(y, this.prefix))) same = false;
        } else if (k === '$dynamicRef') same = false;
        else if (k === 'mapping' && key === 'discriminator') same = false;
      }
      if (same && Object.keys(ao).length !== Object.keys(bo).length) same = false;
    }
    this.marks.set(b, { base: a, same });
    return same;
  }

  private itemSame(pointer: string): boolean {
    const [, section, key] = pointer.split('/') as [string, string, string];
    const name = unescapeToken(key);
    const a = this.base.value[section];
    const b = this.rev.value[section];
    if (!isObject(a) || !isObject(b) || !Object.prototype.hasOwnProperty.call(a, name) || !Object.prototype.hasOwnProperty.call(b, name)) return false;
    const refs = new Set<string>();
    if (!sameCollecting(a[name], b[name], this.prefix, refs, '')) return false;
    for (const r of refs) if (!this.names.has(r)) return false;
    return true;
  }

  private contextSame(): boolean {
    if (this.context !== undefined) return this.context;
    const a = this.base.value;
    const b = this.rev.value;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !NOT_CONTEXT.has(k)));
    const ignore = new Set<string>();
    let same = this.base.version === this.rev.version;
    for (const k of keys) if (same && !sameCollecting(a[k], b[k], this.prefix, ignore, k)) same = false;
    if (same && this.rev.version !== '2.0') {
      const ca = a['components'];
      const cb = b['components'];
      same = sameCollecting(isObject(ca) ? ca['securitySchemes'] : undefined, isObject(cb) ? cb['securitySchemes'] : undefined, this.prefix, ignore, 'securitySchemes');
    }
    return (this.context = same);
  }
}
