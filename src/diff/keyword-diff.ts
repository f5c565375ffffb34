/**
 * Keywords the flattened schema view does not carry: the 2020-12 applicators (`if`/`then`/`else`,
 * `contains`, `prefixItems`, `dependentSchemas`, `dependentRequired`, `patternProperties`,
 * `propertyNames`, `unevaluated*`), the content keywords, and the `x-extensible-enum`,
 * `x-stability-level` and `x-sunset` extensions. They are read from the schema's own node or the
 * allOf member declaring them (the view's `extras`, the first declaration of each), and only when
 * one side has any of them, so ordinary schemas pay one walk over their own few keys.
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
  // Where each keyword is declared: the schema itself or one of its allOf members.
  const holder = (v: SchemaView, k: string): NodeRef => v.extras?.get(k) ?? v.node;
  const val = (v: SchemaView, k: string): unknown => {
    const h = v.extras?.get(k);
    return h && isObject(h.value) ? own(h.value, k) : undefined;
  };
  const kw = (v: SchemaView, k: string): NodeRef => at(holder(v, k), k);
  const here = (k: string): { base: NodeRef; rev: NodeRef } => ({ base: holder(a, k), rev: holder(b, k) });
  const property = b.node.pointer.split('/').pop() ?? '';
  for (const k of SUBSCHEMA) {
    const p = val(a, k);
    const q = val(b, k);
    if (p === undefined && q === undefined) continue;
    if (p === undefined) emit('schema.keyword.added', { keyword: k, key: '', property }, { base: a.node, rev: kw(b, k) });
    else if (q === undefined) emit('schema.keyword.removed', { keyword: k, key: '', property }, { base: kw(a, k), rev: b.node });
    else recurse(kw(a, k), kw(b, k));
  }
  for (const k of SCHEMA_MAPS) {
    const p = val(a, k);
    const q = val(b, k);
    if (p === undefined && q === undefined) continue;
    const pm = isObject(p) ? p : {};
    const qm = isObject(q) ? q : {};
    const pn = kw(a, k);
    const qn = kw(b, k);
    for (const name of Object.keys(qm)) {
      if (own(pm, name) === undefined) emit('schema.keyword.added', { keyword: k, key: name, property }, { base: a.node, rev: at(qn, name) });
      else recurse(at(pn, name), at(qn, name));
    }
    for (const name of Object.keys(pm)) if (own(qm, name) === undefined) emit('schema.keyword.removed', { keyword: k, key: name, property }, { base: at(pn, name), rev: b.node });
  }
  const dp = val(a, 'dependentRequired');
  const dq = val(b, 'dependentRequired');
  if (dp !== undefined || dq !== undefined) {
    const pm = isObject(dp) ? dp : {};
    const qm = isObject(dq) ? dq : {};
    const list = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : '');
    const where = here('dependentRequired');
    for (const name of Object.keys(qm)) {
      const before = own(pm, name);
      if (before === undefined) emit('schema.keyword.added', { keyword: 'dependentRequired', key: name, from: 'none', to: list(own(qm, name)), property }, where);
      else if (stableStringify(before) !== stableStringify(own(qm, name))) {
        emit('schema.keyword.changed', { keyword: 'dependentRequired', key: name, from: list(before), to: list(own(qm, name)), property }, where);
      }
    }
    for (const name of Object.keys(pm)) {
      if (own(qm, name) === undefined) emit('schema.keyword.removed', { keyword: 'dependentRequired', key: name, from: list(own(pm, name)), to: 'none', property }, where);
    }
  }
  const pp = val(a, 'prefixItems');
  const pq = val(b, 'prefixItems');
  if (Array.isArray(pp) || Array.isArray(pq)) {
    const pl = Array.isArray(pp) ? pp : [];
    const ql = Array.isArray(pq) ? pq : [];
    const pn = kw(a, 'prefixItems');
    const qn = kw(b, 'prefixItems');
    for (let i = 0; i < Math.max(pl.length, ql.length); i++) {
      if (i < pl.length && i < ql.length) recurse(at(pn, i), at(qn, i));
      else if (i < ql.length) emit('schema.keyword.added', { keyword: 'prefixItems', key: String(i), property }, { base: a.node, rev: at(qn, i) });
      else emit('schema.keyword.removed', { keyword: 'prefixItems', key: String(i), property }, { base: at(pn, i), rev: b.node });
    }
  }
  for (const k of CONTENT) {
    const p = val(a, k);
    const q = val(b, k);
    if (p !== q) emit('schema.keyword.changed', { keyword: k, key: '', from: p === undefined ? 'none' : String(p), to: q === undefined ? 'none' : String(q), property }, here(k));
  }
  for (const k of COUNTS) {
    const p = typeof val(a, k) === 'number' ? (val(a, k) as number) : undefined;
    const q = typeof val(b, k) === 'number' ? (val(b, k) as number) : undefined;
    if (p === q) continue;
    const tightened = k === 'maxContains' ? q !== undefined && (p === undefined || q < p) : q !== undefined && (p === undefined || q > p);
    emit('schema.limit.changed', { keyword: k, from: p ?? 'none', to: q ?? 'none', tightened }, here(k));
  }
  const ep = val(a, 'x-extensible-enum');
  if (Array.isArray(ep)) {
    const eq = val(b, 'x-extensible-enum');
    const after = new Set((Array.isArray(eq) ? eq : []).map((v) => stableStringify(v)));
    for (const v of ep) if (!after.has(stableStringify(v))) emit('schema.extensible-enum.value-removed', { value: typeof v === 'string' ? v : JSON.stringify(v), property }, here('x-extensible-enum'));
  }
  const sp = val(a, 'x-stability-level');
  const sq = val(b, 'x-stability-level');
  if (sp !== sq) {
    const from = STABILITY_LEVELS.indexOf(sp as (typeof STABILITY_LEVELS)[number]);
    const to = STABILITY_LEVELS.indexOf(sq as (typeof STABILITY_LEVELS)[number]);
    if (from !== -1 && to !== -1 && to < from) emit('schema.stability.decreased', { from: String(sp), to: String(sq), property }, here('x-stability-level'));
  }
  const sunset = val(b, 'x-sunset');
  if (sunset !== undefined && sunset !== val(a, 'x-sunset') && !validSunset(sunset)) emit('schema.sunset.invalid', { sunset: String(sunset), property }, here('x-sunset'));
}
