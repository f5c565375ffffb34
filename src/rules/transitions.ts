/** Grouping logic shared by the transition rules of both directions. */
import type { Delta } from '../diff/delta.js';
import type { NodeRef } from '../load/spec.js';
import type { ViewBuilder } from '../diff/schema-view.js';
import type { RuleContext, TransitionMatch } from './define.js';
import { parsePointer, getAtPointer } from '../util/json-pointer.js';
import { byScope, nameSimilarity, schemaTypes } from './helpers.js';

/** Removed + added property in the same object with the same type and alike names: a rename. */
export function findRenames(deltas: Delta[], ctx: RuleContext, direction: 'request' | 'response'): TransitionMatch[] {
  const out: TransitionMatch[] = [];
  const want = (d: Delta): boolean => (direction === 'request' ? d.direction === 'request' : d.direction !== 'request');
  for (const group of byScope(deltas.filter(want)).values()) {
    const removed = group.filter((d) => d.kind === 'schema.property.removed');
    const added = group.filter((d) => d.kind === 'schema.property.added');
    if (!removed.length || !added.length) continue;
    const used = new Set<Delta>();
    // Renames the mapping file names (`properties: {Schema.old: new}`); several old fields may
    // become one (`message` and `extraMessages` -> `messages`).
    const mapped = new Map<Delta, Delta[]>();
    for (const r of removed) {
      const key = componentPath(r.base?.pointer ?? '');
      const to = key !== undefined ? ctx.mapping?.properties?.get(key) : undefined;
      const a = to !== undefined ? added.find((d) => String(d.args['property']) === to) : undefined;
      if (a) mapped.set(a, [...(mapped.get(a) ?? []), r]);
    }
    for (const [a, rs] of mapped) {
      for (const d of [a, ...rs]) used.add(d);
      out.push({ claimed: [...rs, a], at: { ...a, base: rs[0]!.base! }, args: { from: rs.map((r) => String(r.args['property'])).join(', '), to: String(a.args['property']) } });
    }
    const candidates: Array<{ r: Delta; a: Delta; score: number }> = [];
    for (const r of removed) {
      if (used.has(r)) continue;
      for (const a of added) {
        if (used.has(a)) continue;
        const tr = schemaTypes(r, ctx);
        const ta = schemaTypes(a, ctx);
        if (tr !== ta) continue;
        let score = nameSimilarity(String(r.args['property']), String(a.args['property']));
        // A lone removed and a lone added field of the same type pair even with unlike names;
        // two objects only when they have fields in common (not `conversation` -> `meta`).
        if (removed.length === 1 && added.length === 1 && (score >= 0.6 || !tr.startsWith('object') || sharesFields(r, a, ctx))) score = Math.max(score, 0.6);
        if (score >= 0.6) candidates.push({ r, a, score });
      }
    }
    candidates.sort((x, y) => y.score - x.score);
    for (const { r, a } of candidates) {
      if (used.has(r) || used.has(a)) continue;
      used.add(r);
      used.add(a);
      out.push({ claimed: [r, a], at: { ...a, base: r.base! }, args: { from: String(r.args['property']), to: String(a.args['property']) } });
    }
  }
  return out;
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

/**
 * Enum values removed and others added in the same enum that stand for the same thing: the
 * pairs the mapping file names for that enum (`enums:`), else a lone removed value and a lone
 * added one (a one-for-one swap). A removed value the mapping sends to a value the enum already
 * had (two triggers merged into one) is claimed too. All renames of one enum are one change.
 */
export function findEnumRenames(deltas: Delta[], ctx: RuleContext, direction: 'request' | 'response'): TransitionMatch[] {
  const out: TransitionMatch[] = [];
  const want = (d: Delta): boolean => (direction === 'request' ? d.direction === 'request' : d.direction !== 'request');
  for (const group of byScope(deltas.filter(want)).values()) {
    const removed = group.filter((d) => d.kind === 'schema.enum.value-removed');
    if (!removed.length) continue;
    const added = group.filter((d) => d.kind === 'schema.enum.value-added');
    const name = componentPath(removed[0]!.base?.pointer ?? '');
    const mapped = name !== undefined ? ctx.mapping?.enums?.get(name) : undefined;
    const revValues = revEnum(removed[0]!, ctx);
    const pairs: Array<{ r: Delta; a?: Delta; to: string }> = [];
    if (mapped) {
      for (const r of removed) {
        const to = mapped.get(String(r.args['value']));
        if (to === undefined) continue;
        const a = added.find((d) => String(d.args['value']) === to);
        if (a || revValues.has(to)) pairs.push({ r, ...(a ? { a } : {}), to });
      }
    } else if (removed.length === 1 && added.length === 1) {
      pairs.push({ r: removed[0]!, a: added[0]!, to: String(added[0]!.args['value']) });
    }
    if (!pairs.length) continue;
    const claimed = new Set<Delta>();
    for (const p of pairs) {
      claimed.add(p.r);
      if (p.a) claimed.add(p.a);
    }
    const from = pairs.map((p) => String(p.r.args['value']));
    const to = [...new Set(pairs.map((p) => p.to))];
    const at = pairs.find((p) => p.a)?.a ?? pairs[0]!.r;
    out.push({
      claimed: [...claimed],
      at: { ...at, base: pairs[0]!.r.base! },
      args: { from: from.join(', '), to: to.join(', '), renames: pairs.map((p) => `${String(p.r.args['value'])} → ${p.to}`).join(', ') },
    });
  }
  return out;
}

/** Values of the revision's enum a delta is about (as the deltas print them). */
function revEnum(d: Delta, ctx: RuleContext): Set<string> {
  const values = d.rev ? ctx.revViews.view({ doc: d.rev.doc, pointer: d.rev.pointer, value: getAtPointer(d.rev.doc.value, d.rev.pointer) }).enum : undefined;
  return new Set((values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
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

/** Enum values as text, or undefined when the schema has no enum. */
function enumOf(n: NodeRef, views: ViewBuilder): Set<string> | undefined {
  const e = views.view(n).enum;
  return e ? new Set(e.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))) : undefined;
}

/**
 * Properties removed from an object and found again inside a property added to the same object
 * (`text` -> `content.text`, also when `content` is a union holding `text` in some variants), or
 * wherever the mapping file sends them (`Message.role: author.type`). A field whose enum shares no
 * value with the candidate's is not that field (`type: text|image` is not `author.type: user|business`);
 * among several candidates the one sharing enum values wins. One change per sub-object.
 */
export function findMoves(deltas: Delta[], ctx: RuleContext, direction: 'request' | 'response'): TransitionMatch[] {
  const out: TransitionMatch[] = [];
  const want = (d: Delta): boolean => (direction === 'request' ? d.direction === 'request' : d.direction !== 'request');
  for (const group of byScope(deltas.filter(want)).values()) {
    const removed = group.filter((d) => d.kind === 'schema.property.removed');
    const added = group.filter((d) => d.kind === 'schema.property.added' && d.data?.revSchema);
    if (!removed.length || !added.length) continue;
    const offers = new Map(added.map((a) => [a, offeredProperties(a.data!.revSchema!, ctx.revViews, direction === 'request')]));
    const moves = new Map<Delta, Array<{ r: Delta; target: string }>>();
    for (const r of removed) {
      const field = String(r.args['property']);
      const key = componentPath(r.base?.pointer ?? '');
      const mapped = key !== undefined ? ctx.mapping?.properties?.get(key) : undefined;
      let best: { a: Delta; target: string; score: number } | undefined;
      if (mapped?.includes('.')) {
        const [into, ...rest] = mapped.split('.');
        const a = added.find((d) => String(d.args['property']) === into);
        if (a) best = { a, target: rest.join('.'), score: 3 };
      } else if (mapped === undefined) {
        const mine = r.data?.baseSchema ? enumOf(r.data.baseSchema, ctx.baseViews) : undefined;
        for (const a of added) {
          const there = offers.get(a)!.get(field);
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
          if (!best || score > best.score) best = { a, target: field, score };
        }
      }
      if (best) moves.set(best.a, [...(moves.get(best.a) ?? []), { r, target: best.target }]);
    }
    for (const [a, list] of moves) {
      const renamed = list.some((m) => m.target !== String(m.r.args['property']));
      out.push({
        claimed: [...list.map((m) => m.r), a],
        at: { ...a, base: list[0]!.r.base! },
        args: {
          fields: list.map((m) => String(m.r.args['property'])).join(', '),
          into: String(a.args['property']),
          ...(renamed ? { targets: list.map((m) => m.target).join(', ') } : {}),
        },
      });
    }
  }
  return out;
}

/** The removed and the added object have at least one property name in common. */
function sharesFields(r: Delta, a: Delta, ctx: RuleContext): boolean {
  if (!r.data?.baseSchema || !a.data?.revSchema) return false;
  const mine = ctx.baseViews.view(r.data.baseSchema).properties;
  return [...ctx.revViews.view(a.data.revSchema).properties.keys()].some((k) => mine.has(k));
}
