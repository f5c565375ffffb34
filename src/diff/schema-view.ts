/**
 * A flattened view of one schema: `$ref`s followed, `allOf` members merged, the nullable forms of
 * every dialect (2.0 `x-nullable`, 3.0 `nullable`, 3.1 `type: [.., 'null']` or a `{type: 'null'}`
 * variant) reduced to one flag, single-variant `oneOf`/`anyOf` unwrapped, and explicit defaults
 * (`required: []`, `additionalProperties: true`, `minLength: 0`...) dropped. Two schemas that
 * differ only in those ways produce equal views, so refactors of that kind are no change at all.
 */
import type { NodeRef, Spec } from '../load/spec.js';
import { isObject, own, type JsonObject } from '../util/guards.js';
import { childPointer } from '../util/json-pointer.js';
import { child, finishMerge, mergeKeywords, refName, type MergeState } from './view-merge.js';
import type { SchemaView } from './view-types.js';

export { LIMIT_KEYWORDS, enumerated, isUpperLimit, typesCovered, type LimitKeyword, type SchemaView } from './view-types.js';

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
      patterns: [],
      readOnly: false,
      writeOnly: false,
      limits: {},
      exclusiveFlags: { max: false, min: false },
      uniqueItems: false,
      properties: new Map(),
      required: new Set(),
      nots: [],
      never: node.value === false,
      sources: { limits: {} },
    };
  }

  private build(node: NodeRef, seen: Set<object>): SchemaView {
    const view = this.empty(node);
    const s = node.value;
    if (!isObject(s)) return view;
    seen.add(s);
    const st: MergeState = { seen };
    mergeKeywords(this, view, node, s, st, true);
    finishMerge(view, st);
    return view;
  }
}
