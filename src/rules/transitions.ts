/** Grouping logic shared by the transition rules of both directions. */
import type { Delta } from '../diff/delta.js';
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
    const candidates: Array<{ r: Delta; a: Delta; score: number }> = [];
    for (const r of removed) {
      for (const a of added) {
        const tr = schemaTypes(r, ctx);
        const ta = schemaTypes(a, ctx);
        if (tr !== ta) continue;
        let score = nameSimilarity(String(r.args['property']), String(a.args['property']));
        if (removed.length === 1 && added.length === 1) score = Math.max(score, 0.6);
        if (score >= 0.6) candidates.push({ r, a, score });
      }
    }
    candidates.sort((x, y) => y.score - x.score);
    const used = new Set<Delta>();
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
