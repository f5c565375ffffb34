/**
 * Which removed and added properties of one object pair stand for the same field: renamed
 * (`_id` -> `id`, or as the mapping file says), moved into a sub-object added beside them
 * (`givenName` -> `profile.givenName`), or an `error` object replaced by an `errors` array.
 *
 * The transition rules use these functions to claim the removed + added deltas as one change;
 * the schema differ uses the same functions to compare the old and the new schema of each such
 * field, so what changed inside a renamed or moved field is reported too.
 */
import type { NodeRef } from '../load/spec.js';
import { stableStringify } from '../util/guards.js';
import { parsePointer } from '../util/json-pointer.js';
import type { ViewBuilder } from './schema-view.js';

/** A removed (base side) or added (revision side) property. */
export interface PropertySide {
  name: string;
  node: NodeRef;
}

export interface PairingContext {
  baseViews: ViewBuilder;
  revViews: ViewBuilder;
  /** `properties:` of the mapping file: `Schema.old` -> `new` or `into.new`. */
  properties?: Map<string, string> | undefined;
}

export interface RenamePair<T> {
  /** Several old fields may become one (`message`, `extraMessages` -> `messages`). */
  removed: T[];
  added: T;
}

export interface MovePair<T> {
  added: T;
  /**
   * `target` is the field's path inside the added property: `text`, or for a field found deeper
   * (`deep`), `[].payload.user` (in the items of an added array, inside their `payload`).
   */
  moves: Array<{ removed: T; target: string; targetNodes: NodeRef[]; deep?: boolean }>;
}

const norm = (s: string): string => s.replace(/[^a-z0-9]/gi, '').toLowerCase();

/** How alike two field names are (1 = same letters ignoring case and punctuation). */
export function nameSimilarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.endsWith(y) || y.endsWith(x) || x.startsWith(y) || y.startsWith(x)) return 0.8;
  if (x.includes(y) || y.includes(x)) return 0.7;
  const d = editDistance(x, y);
  return 1 - d / Math.max(x.length, y.length);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** `Name` for an enum that is the component schema `Name`, `Name.a.b[]` for one inside it; undefined elsewhere. */
export function componentPath(pointer: string): string | undefined {
  const tokens = parsePointer(pointer);
  if (tokens[0] !== 'components' || tokens[1] !== 'schemas' || tokens[2] === undefined) return undefined;
  let out = tokens[2];
  for (let i = 3; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'properties' && i + 1 < tokens.length) out += `.${tokens[++i]!}`;
    else if (t === 'items') out += '[]';
    else if (t === 'allOf' || /^\d+$/.test(t)) continue;
    else return undefined;
  }
  return out;
}

/** Type signature of a schema (for pairing removed and added properties). */
export function typeSignature(node: NodeRef, views: ViewBuilder): string {
  const v = views.view(node);
  return `${v.types ? [...v.types].sort().join('|') : 'any'}${v.format ? `:${v.format}` : ''}`;
}

/** Where the mapping file sends a removed property, if it names it. */
function mappedTo(p: PropertySide, ctx: PairingContext): string | undefined {
  const key = componentPath(p.node.pointer);
  return key !== undefined ? ctx.properties?.get(key) : undefined;
}

/** The removed and the added object have at least one property name in common. */
function sharesFields(r: NodeRef, a: NodeRef, ctx: PairingContext): boolean {
  const mine = ctx.baseViews.view(r).properties;
  return [...ctx.revViews.view(a).properties.keys()].some((k) => mine.has(k));
}

/**
 * Removed + added property in the same object with the same type and alike names: a rename; also
 * the renames the mapping file names (`properties: {Schema.old: new}`), several old fields possibly
 * becoming one. A lone removed and a lone added field of the same type pair even with unlike names;
 * two objects only when they have fields in common (not `conversation` -> `meta`).
 */
export function pairRenames<T extends PropertySide>(removed: T[], added: T[], ctx: PairingContext): Array<RenamePair<T>> {
  const out: Array<RenamePair<T>> = [];
  if (!removed.length || !added.length) return out;
  const used = new Set<T>();
  const mapped = new Map<T, T[]>();
  for (const r of removed) {
    const to = mappedTo(r, ctx);
    const a = to !== undefined ? added.find((d) => d.name === to) : undefined;
    if (a) mapped.set(a, [...(mapped.get(a) ?? []), r]);
  }
  for (const [a, rs] of mapped) {
    for (const d of [a, ...rs]) used.add(d);
    out.push({ removed: rs, added: a });
  }
  const candidates: Array<{ r: T; a: T; score: number }> = [];
  for (const r of removed) {
    if (used.has(r)) continue;
    const tr = typeSignature(r.node, ctx.baseViews);
    for (const a of added) {
      if (used.has(a)) continue;
      if (tr !== typeSignature(a.node, ctx.revViews)) continue;
      let score = nameSimilarity(r.name, a.name);
      if (removed.length === 1 && added.length === 1 && (score >= 0.6 || !tr.startsWith('object') || sharesFields(r.node, a.node, ctx))) score = Math.max(score, 0.6);
      if (score >= 0.6) candidates.push({ r, a, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const { r, a } of candidates) {
    if (used.has(r) || used.has(a)) continue;
    used.add(r);
    used.add(a);
    out.push({ removed: [r], added: a });
  }
  return out;
}

/** The property schemas an object offers under each name, looking into the variants of a union. */
function offeredProperties(node: NodeRef, views: ViewBuilder, request: boolean): Map<string, NodeRef[]> {
  const out = new Map<string, NodeRef[]>();
  const v = views.view(node);
  const shapes = [v, ...(v.variants?.list ?? []).map((n) => views.view(n))];
  for (const s of shapes) {
    for (const [name, p] of s.properties) {
      // What the server fills in (readOnly) is not where a request field moved to.
      if (request && views.view(p).readOnly) continue;
      out.set(name, [...(out.get(name) ?? []), p]);
    }
  }
  return out;
}

/** A property found below an added property: its name, its path there (`[].payload.user`) and schema. */
interface DeepOffer {
  name: string;
  path: string;
  depth: number;
  node: NodeRef;
}

const DEEPEST = 3;

/**
 * The properties found below `node` (through array items and the variants of a union) more than
 * one level down, at most DEEPEST levels of properties deep.
 */
function deepProperties(node: NodeRef, views: ViewBuilder, request: boolean): DeepOffer[] {
  const out: DeepOffer[] = [];
  const seen = new Set<object>();
  const walk = (n: NodeRef, path: string, depth: number): void => {
    const key = views.identity(views.resolve(n).node);
    if (seen.has(key)) return;
    seen.add(key);
    const v = views.view(n);
    if (v.items) walk(v.items, `${path}[]`, depth);
    if (depth >= DEEPEST) return;
    const shapes = [v, ...(v.variants?.list ?? []).map((x) => views.view(x))];
    for (const sh of shapes) {
      for (const [name, p] of sh.properties) {
        if (request && views.view(p).readOnly) continue;
        const at = path ? `${path}.${name}` : name;
        if (depth + 1 > 1 || path) out.push({ name, path: at.replace(/^\./, ''), depth: depth + 1, node: p });
        walk(p, at, depth + 1);
      }
    }
  };
  walk(node, '', 0);
  // Direct properties are offered by offeredProperties; keep only what is deeper.
  return out.filter((o) => o.path.includes('.') || o.path.startsWith('[]'));
}

/** Enum values as text, or undefined when the schema has no enum. */
function enumOf(n: NodeRef, views: ViewBuilder): Set<string> | undefined {
  const e = views.view(n).enum;
  return e ? new Set(e.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))) : undefined;
}

/**
 * Properties removed from an object and found again inside a property added to the same object
 * (`text` -> `content.text`, also when `content` is a union holding `text` in some variants), or
 * wherever the mapping file sends them (`Message.role: author.type`). A field whose enum shares no
 * value with the candidate's is not that field; among several candidates the one sharing enum
 * values wins. One entry per sub-object.
 */
export function pairMoves<T extends PropertySide>(removed: T[], added: T[], ctx: PairingContext, request: boolean): Array<MovePair<T>> {
  if (!removed.length || !added.length) return [];
  const offers = new Map(added.map((a) => [a, offeredProperties(a.node, ctx.revViews, request)]));
  const moves = new Map<T, MovePair<T>['moves']>();
  const unplaced: Array<{ r: T; mine: Set<string> | undefined }> = [];
  const deepCache = new Map<T, DeepOffer[]>();
  const deep = (a: T): DeepOffer[] => {
    let d = deepCache.get(a);
    if (!d) deepCache.set(a, (d = deepProperties(a.node, ctx.revViews, request)));
    return d;
  };
  for (const r of removed) {
    const mapped = mappedTo(r, ctx);
    const mine = enumOf(r.node, ctx.baseViews);
    let best: { a: T; target: string; score: number; nodes: NodeRef[]; deep?: boolean } | undefined;
    if (mapped !== undefined && /[.[]/.test(mapped)) {
      const into = /^[^.[]+/.exec(mapped)?.[0] ?? '';
      const target = mapped.slice(into.length).replace(/^\./, '');
      const a = added.find((d) => d.name === into);
      if (a && /[.[]/.test(target)) {
        const found = deep(a).filter((o) => o.path === target);
        best = { a, target, score: 3, nodes: found.map((o) => o.node), deep: true };
      } else if (a) best = { a, target, score: 3, nodes: offers.get(a)!.get(target) ?? [] };
    } else if (mapped === undefined) {
      for (const a of added) {
        const there = offers.get(a)!.get(r.name);
        if (!there) continue;
        let score = 1;
        if (mine) {
          const overlap = there.some((p) => {
            const theirs = enumOf(p, ctx.revViews);
            return !theirs || [...theirs].some((x) => mine.has(x));
          });
          if (!overlap) continue;
          if (there.some((p) => enumOf(p, ctx.revViews) !== undefined)) score = 2;
        }
        if (!best || score > best.score) best = { a, target: r.name, score, nodes: there };
      }
    }
    if (best) moves.set(best.a, [...(moves.get(best.a) ?? []), { removed: r, target: best.target, targetNodes: best.nodes, ...(best.deep ? { deep: true } : {}) }]);
    else if (mapped === undefined) unplaced.push({ r, mine });
  }
  // Not beside it: fields found again deeper in an added property that took in several of the
  // object's fields (`{trigger, appUser, client}` -> `events[].{type, payload.user, payload.client}`):
  // at least two found there by their own name or by the mapping file; then also by an alike name
  // (`appUser` -> `user`), always at the shallowest level where exactly one such place exists.
  if (unplaced.length) {
    const taken = new Map<T, number>();
    for (const [a, list] of moves) taken.set(a, list.filter((m) => m.deep).length);
    const exact = unplaced.map((u) => ({ ...u, hit: deepMove(u.r, added, deep, u.mine, ctx, false) }));
    for (const e of exact) if (e.hit) taken.set(e.hit.a, (taken.get(e.hit.a) ?? 0) + 1);
    const hosts = added.filter((a) => (taken.get(a) ?? 0) >= 2);
    for (const e of exact) {
      const hit = e.hit && hosts.includes(e.hit.a) ? e.hit : deepMove(e.r, hosts, deep, e.mine, ctx, true);
      if (hit) moves.set(hit.a, [...(moves.get(hit.a) ?? []), { removed: e.r, target: hit.target, targetNodes: hit.nodes, deep: true }]);
    }
  }
  return [...moves].map(([a, list]) => ({ added: a, moves: list }));
}

function deepMove<T extends PropertySide>(
  r: T,
  added: T[],
  deep: (a: T) => DeepOffer[],
  mine: Set<string> | undefined,
  ctx: PairingContext,
  alikeNames: boolean,
): { a: T; target: string; nodes: NodeRef[] } | undefined {
  const fits = (o: DeepOffer): boolean => {
    if (!mine) return true;
    const theirs = enumOf(o.node, ctx.revViews);
    return !theirs || [...theirs].some((x) => mine.has(x));
  };
  const tests = [(o: DeepOffer): boolean => o.name === r.name];
  if (alikeNames) tests.push((o) => nameSimilarity(o.name, r.name) >= 0.8);
  for (const alike of tests) {
    const found: Array<{ a: T; o: DeepOffer }> = [];
    for (const a of added) for (const o of deep(a)) if (alike(o) && fits(o)) found.push({ a, o });
    if (!found.length) continue;
    const depth = Math.min(...found.map((f) => f.o.depth));
    const top = found.filter((f) => f.o.depth === depth);
    const paths = new Set(top.map((f) => `${f.a.name}\u0000${f.o.path}`));
    if (paths.size !== 1) return undefined;
    return { a: top[0]!.a, target: top[0]!.o.path, nodes: top.map((f) => f.o.node) };
  }
  return undefined;
}

/** An `error` object replaced by an `errors` array in the same (response) object. */
export function pairErrorShape<T extends PropertySide>(removed: T[], added: T[], ctx: PairingContext): { removed: T; added: T } | undefined {
  const r = removed.find((d) => d.name === 'error');
  const a = added.find((d) => d.name === 'errors' && ctx.revViews.view(d.node).types?.has('array'));
  return r && a ? { removed: r, added: a } : undefined;
}

/**
 * The old and the new schema of every field the transition rules will pair, in the order they
 * claim (error shape, then moves, then renames): compared with each other, they show what
 * changed inside a renamed or moved field. Only one-for-one pairings with a single target
 * schema are returned (a field moved into variants of a union that declare it differently has no
 * one new schema).
 */
export function fieldCorrespondences(removed: PropertySide[], added: PropertySide[], ctx: PairingContext, request: boolean): Array<{ base: NodeRef; rev: NodeRef }> {
  const out: Array<{ base: NodeRef; rev: NodeRef }> = [];
  if (!removed.length || !added.length) return out;
  let rs = removed;
  let as = added;
  if (!request) {
    const e = pairErrorShape(rs, as, ctx);
    if (e) {
      const items = ctx.revViews.view(e.added.node).items;
      if (items) out.push({ base: e.removed.node, rev: items });
      rs = rs.filter((x) => x !== e.removed);
      as = as.filter((x) => x !== e.added);
    }
  }
  for (const m of pairMoves(rs, as, ctx, request)) {
    for (const mv of m.moves) {
      const targets = distinct(mv.targetNodes, ctx.revViews);
      if (targets.length === 1) out.push({ base: mv.removed.node, rev: targets[0]! });
    }
    const gone = new Set<PropertySide>(m.moves.map((x) => x.removed));
    rs = rs.filter((x) => !gone.has(x));
    // Whether it holds moved fields beside it or deeper down, it is not a renamed field.
    as = as.filter((x) => x !== m.added);
  }
  for (const p of pairRenames(rs, as, ctx)) {
    if (p.removed.length === 1) out.push({ base: p.removed[0]!.node, rev: p.added.node });
  }
  return out;
}

/**
 * Schemas that are not the same once references are followed: the same node, or equal text in
 * the same file (`items` declared alike by two variants of a union), counts once.
 */
function distinct(nodes: NodeRef[], views: ViewBuilder): NodeRef[] {
  const seen = new Set<object>();
  const texts = new Set<string>();
  const out: NodeRef[] = [];
  for (const n of nodes) {
    const r = views.resolve(n).node;
    const k = views.identity(r);
    if (seen.has(k)) continue;
    seen.add(k);
    const text = `${r.doc.id}\u0000${stableStringify(r.value)}`;
    if (texts.has(text)) continue;
    texts.add(text);
    out.push(n);
  }
  return out;
}
