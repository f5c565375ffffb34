/**
 * json-schema-diff as a semantic oracle for composition changes. When a pair's oneOf/anyOf
 * structure changed, both sides are inlined into plain JSON Schema (OpenAPI keywords translated)
 * and compared as sets of accepted values; identical sets mean the change was a refactor.
 * json-schema-diff ignores enum, const, format and pattern and cannot take cycles, so the oracle
 * answers only when both sides use the same such values and no cycle is reached.
 */
import jsonSchemaDiff from 'json-schema-diff';
import type { NodeRef } from '../load/spec.js';
import { isObject, own, stableStringify, type JsonObject } from '../util/guards.js';
import type { ViewBuilder } from './schema-view.js';

const DROP = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'description', 'title', 'default', 'nullable', 'x-nullable']);

class Cycle extends Error {}

function inline(views: ViewBuilder, n: NodeRef, stack: Set<object>, signature: string[], depth: number): unknown {
  const { node } = views.resolve(n);
  const v = node.value;
  if (typeof v === 'boolean') return v;
  if (!isObject(v)) return true;
  if (stack.has(v) || depth > 12) throw new Cycle();
  stack.add(v);
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    const val = own(v, k);
    if (k === 'enum' || k === 'const' || k === 'format' || k === 'pattern') signature.push(`${k}:${stableStringify(val)}`);
    if (k === 'properties' && isObject(val)) {
      const props: JsonObject = {};
      for (const p of Object.keys(val)) props[p] = inline(views, { value: own(val, p), doc: node.doc, pointer: `${node.pointer}/properties/${p}` }, stack, signature, depth + 1);
      out[k] = props;
    } else if ((k === 'allOf' || k === 'oneOf' || k === 'anyOf') && Array.isArray(val)) {
      out[k] = val.map((x, i) => inline(views, { value: x, doc: node.doc, pointer: `${node.pointer}/${k}/${i}` }, stack, signature, depth + 1));
    } else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && (isObject(val) || typeof val === 'boolean')) {
      out[k] = inline(views, { value: val, doc: node.doc, pointer: `${node.pointer}/${k}` }, stack, signature, depth + 1);
    } else if (k === 'type' && Array.isArray(val)) out[k] = val;
    else out[k] = val;
  }
  if (own(v, 'nullable') === true || own(v, 'x-nullable') === true) {
    const t = out['type'];
    if (typeof t === 'string') out['type'] = [t, 'null'];
    else if (!t) return { anyOf: [out, { type: 'null' }] };
  }
  stack.delete(v);
  return out;
}

/** True when both schemas provably accept exactly the same values; false when unknown or different. */
export async function equivalent(baseViews: ViewBuilder, a: NodeRef, revViews: ViewBuilder, b: NodeRef): Promise<boolean> {
  const sigA: string[] = [];
  const sigB: string[] = [];
  let x: unknown;
  let y: unknown;
  try {
    x = inline(baseViews, a, new Set(), sigA, 0);
    y = inline(revViews, b, new Set(), sigB, 0);
  } catch (e) {
    if (e instanceof Cycle) return false;
    throw e;
  }
  if (sigA.sort().join('\n') !== sigB.sort().join('\n')) return false;
  try {
    const r = await jsonSchemaDiff.diffSchemas({ sourceSchema: x as never, destinationSchema: y as never });
    return !r.additionsFound && !r.removalsFound;
  } catch {
    return false;
  }
}
