/**
 * Whether two schemas can accept a common value, decided conservatively (when unsure: they can)
 * and in time linear in their properties: schemas of disjoint types, or with disjoint const/enum
 * values, do not overlap; two objects do not when a property one of them requires has values the
 * other cannot accept there, or when one requires a property the other forbids through
 * `additionalProperties: false`.
 */
import { stableStringify } from '../util/guards.js';
import type { ViewBuilder } from './schema-view.js';
import { enumerated, type SchemaView } from './view-types.js';

/** The type names a JSON value has (an integral number is both an integer and a number). */
function typesOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return [typeof v];
}

/** The types both accept (undefined = every type). */
function commonTypes(x: Set<string> | undefined, y: Set<string> | undefined): Set<string> | undefined {
  if (!x) return y;
  if (!y) return x;
  const out = new Set<string>();
  for (const t of x) {
    if (y.has(t)) out.add(t);
    else if ((t === 'integer' && y.has('number')) || (t === 'number' && y.has('integer'))) out.add('integer');
  }
  return out;
}

const MAX_DEPTH = 3;

export function overlaps(xv: ViewBuilder, x: SchemaView, yv: ViewBuilder, y: SchemaView, depth = 0): boolean {
  if (x.never || y.never) return false;
  if (x.nullable && y.nullable) return true;
  const types = commonTypes(x.types, y.types);
  if (types && types.size === 0) return false;
  const ex = enumerated(x);
  const ey = enumerated(y);
  if (ex && ey) {
    const keys = new Set(ex.map((v) => stableStringify(v)));
    if (!ey.some((v) => keys.has(stableStringify(v)))) return false;
  }
  const values = ex ?? ey;
  if (values && types && !values.some((v) => typesOf(v).some((t) => types.has(t)))) return false;
  if (depth >= MAX_DEPTH || !types || types.size !== 1 || !types.has('object')) return true;
  // Two objects: a property that one requires and whose values cannot meet separates them.
  for (const [name, p] of x.properties) {
    const q = y.properties.get(name);
    if (!q) continue;
    if (!x.required.has(name) && !y.required.has(name)) continue;
    if (!overlaps(xv, xv.view(p), yv, yv.view(q), depth + 1)) return false;
  }
  for (const name of x.required) if (y.additionalProperties === false && !y.properties.has(name)) return false;
  for (const name of y.required) if (x.additionalProperties === false && !x.properties.has(name)) return false;
  return true;
}
