/**
 * Keywords the flattened schema view does not carry: the 2020-12 applicators (`if`/`then`/`else`,
 * `contains`, `prefixItems`, `dependentSchemas`, `dependentRequired`, `patternProperties`,
 * `propertyNames`, `unevaluated*`), the content keywords, and the `x-extensible-enum`,
 * `x-stability-level` and `x-sunset` extensions. They are read from each schema's own node (not
 * from `allOf` members), and only when one side has any of them, so ordinary schemas pay one
 * walk over their own few keys.
 */
import type { NodeRef } from '../load/spec.js';
import { isObject, own, stableStringify, type JsonObject } from '../util/guards.js';
import { childPointer } from '../util/json-pointer.js';
import type { DeltaArgs } from './delta.js';
import type { SchemaView } from './schema-view.js';

/** Keywords whose value is one subschema: compared as child pairs when both sides have them. */
const SUBSCHEMA = ['if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'] as const;
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAPS = ['dependentSchemas', 'patternProperties'] as const;
const CONTENT = ['contentMediaType', 'contentEncoding'] as const;
const COUNTS = ['minContains', 'maxContains'] as const;
const ALL: ReadonlySet<string> = new Set([
  ...SUBSCHEMA, ...SCHEMA_MAPS, ...CONTENT, ...COUNTS,
  'prefixItems', 'dependentRequired', 'x-extensible-enum', 'x-stability-level', 'x-sunset',
]);

/** Stability levels from least to most stable. */
export const STABILITY_LEVELS = ['draft', 'alpha', 'beta', 'stable'] as const;

/** A sunset date oasdiff-style specs write: an RFC 3339 date or date-time. */
export function validSunset(v: unknown): boolean {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([Tt ].+)?$/.test(v) && !Number.isNaN(Date.parse(v));
}

/** Schemas have few keys, so walking them beats probing every keyword (several times faster). */
export function hasExtraKeywords(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const k in v) if (ALL.has(k)) return true;
  return false;
}

export type Emit = (kind: string, args: DeltaArgs, at: { base?: NodeRef; rev?: NodeRef }) => void;
export type Recurse = (a: NodeRef, b: NodeRef) => void;

const at = (n: NodeRef, key: string | number): NodeRef => {
  const v = n.value as JsonObject | unknown[];
  return { value: Array.isArray(v) ? v[key as number] : own(v as JsonObject, String(key)), doc: n.doc, pointer: childPointer(n.pointer, key) };
};

export function diffExtraKeywords(a: SchemaView, b: SchemaView, emit: Emit, recurse: Recurse): void {
  const x = a.node.value;
  const y = b.node.value;
  if (!isObject(x) || !isObject(y)) return;
  const here = { base: a.node, rev: b.node };
  const property = b.node.pointer.split('/').pop() ?? '';
  for (const k of SUBSCHEMA) {
    const p = own(x, k);
    const q = own(y, k);
    if (p === undefined && q === undefined) continue;
    if (p === undefined) emit('schema.keyword.added', { keyword: k, key: '', property }, { base: a.node, rev: at(b.node, k) });
    else if (q === undefined) emit('schema.keyword.removed', { keyword: k, key: '', property }, { base: at(a.node, k), rev: b.node });
    else recurse(at(a.node, k), at(b.node, k));
  }
  for (const k of SCHEMA_MAPS) {
    const p = own(x, k);
    const q = own(y, k);
    if (p === undefined && q === undefined) continue;
    const pm = isObject(p) ? p : {};
    const qm = isObject(q) ? q : {};
    const pn = at(a.node, k);
    const qn = at(b.node, k);
    for (const name of Object.keys(qm)) {
      if (own(pm, name) === undefined) emit('schema.keyword.added', { keyword: k, key: name, property }, { base: a.node, rev: at(qn, name) });
      else recurse(at(pn, name), at(qn, name));
    }
    for (const name of Object.keys(pm)) if (own(qm, name) === undefined) emit('schema.keyword.removed', { keyword: k, key: name, property }, { base: at(pn, name), rev: b.node });
  }
  const dp = own(x, 'dependentRequired');
  const dq = own(y, 'dependentRequired');
  if (dp !== undefined || dq !== undefined) {
    const pm = isObject(dp) ? dp : {};
    const qm = isObject(dq) ? dq : {};
    const list = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : '');
    for (const name of Object.keys(qm)) {
      const before = own(pm, name);
      if (before === undefined) emit('schema.keyword.added', { keyword: 'dependentRequired', key: name, from: 'none', to: list(own(qm, name)), property }, here);
      else if (stableStringify(before) !== stableStringify(own(qm, name))) {
        emit('schema.keyword.changed', { keyword: 'dependentRequired', key: name, from: list(before), to: list(own(qm, name)), property }, here);
      }
    }
    for (const name of Object.keys(pm)) {
      if (own(qm, name) === undefined) emit('schema.keyword.removed', { keyword: 'dependentRequired', key: name, from: list(own(pm, name)), to: 'none', property }, here);
    }
  }
  const pp = own(x, 'prefixItems');
  const pq = own(y, 'prefixItems');
  if (Array.isArray(pp) || Array.isArray(pq)) {
    const pl = Array.isArray(pp) ? pp : [];
    const ql = Array.isArray(pq) ? pq : [];
    const pn = at(a.node, 'prefixItems');
    const qn = at(b.node, 'prefixItems');
    for (let i = 0; i < Math.max(pl.length, ql.length); i++) {
      if (i < pl.length && i < ql.length) recurse(at(pn, i), at(qn, i));
      else if (i < ql.length) emit('schema.keyword.added', { keyword: 'prefixItems', key: String(i), property }, { base: a.node, rev: at(qn, i) });
      else emit('schema.keyword.removed', { keyword: 'prefixItems', key: String(i), property }, { base: at(pn, i), rev: b.node });
    }
  }
  for (const k of CONTENT) {
    const p = own(x, k);
    const q = own(y, k);
    if (p !== q) emit('schema.keyword.changed', { keyword: k, key: '', from: p === undefined ? 'none' : String(p), to: q === undefined ? 'none' : String(q), property }, here);
  }
  for (const k of COUNTS) {
    const p = typeof own(x, k) === 'number' ? (own(x, k) as number) : undefined;
    const q = typeof own(y, k) === 'number' ? (own(y, k) as number) : undefined;
    if (p === q) continue;
    const tightened = k === 'maxContains' ? q !== undefined && (p === undefined || q < p) : q !== undefined && (p === undefined || q > p);
    emit('schema.limit.changed', { keyword: k, from: p ?? 'none', to: q ?? 'none', tightened }, here);
  }
  const ep = own(x, 'x-extensible-enum');
  if (Array.isArray(ep)) {
    const eq = own(y, 'x-extensible-enum');
    const after = new Set((Array.isArray(eq) ? eq : []).map((v) => stableStringify(v)));
    for (const v of ep) if (!after.has(stableStringify(v))) emit('schema.extensible-enum.value-removed', { value: typeof v === 'string' ? v : JSON.stringify(v), property }, here);
  }
  const sp = own(x, 'x-stability-level');
  const sq = own(y, 'x-stability-level');
  if (sp !== sq) {
    const from = STABILITY_LEVELS.indexOf(sp as (typeof STABILITY_LEVELS)[number]);
    const to = STABILITY_LEVELS.indexOf(sq as (typeof STABILITY_LEVELS)[number]);
    if (from !== -1 && to !== -1 && to < from) emit('schema.stability.decreased', { from: String(sp), to: String(sq), property }, here);
  }
  const sunset = own(y, 'x-sunset');
  if (sunset !== undefined && sunset !== own(x, 'x-sunset') && !validSunset(sunset)) emit('schema.sunset.invalid', { sunset: String(sunset), property }, here);
}
