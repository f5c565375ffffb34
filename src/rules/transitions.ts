/** Grouping logic shared by the transition rules of both directions. */
import type { Delta } from '../diff/delta.js';
import { componentPath, pairErrorShape, pairMoves, pairRenames, type PairingContext, type PropertySide } from '../diff/property-pairs.js';
import type { RuleContext, TransitionMatch } from './define.js';
import { getAtPointer } from '../util/json-pointer.js';
import { byScope } from './helpers.js';

/** The removed and added properties of a group of deltas, as the pairing functions see them. */
function sides(group: Delta[]): { removed: DeltaSide[]; added: DeltaSide[] } {
  const removed: DeltaSide[] = [];
  const added: DeltaSide[] = [];
  for (const d of group) {
    if (d.kind === 'schema.property.removed' && d.data?.baseSchema) removed.push({ name: String(d.args['property']), node: d.data.baseSchema, delta: d });
    else if (d.kind === 'schema.property.added' && d.data?.revSchema) added.push({ name: String(d.args['property']), node: d.data.revSchema, delta: d });
  }
  return { removed, added };
}

interface DeltaSide extends PropertySide {
  delta: Delta;
}

/** Added properties that fields were found moved into, deeper down (see findMoves): not renames. */
const HOLDS_MOVED_FIELDS = new WeakSet<Delta>();

const pairing = (ctx: RuleContext): PairingContext => ({ baseViews: ctx.baseViews, revViews: ctx.revViews, properties: ctx.mapping?.properties });

/** Removed + added property in the same object with the same type and alike names (or as the mapping file says): a rename. */
export function findRenames(deltas: Delta[], ctx: RuleContext, direction: 'request' | 'response'): TransitionMatch[] {
  const out: TransitionMatch[] = [];
  const want = (d: Delta): boolean => (direction === 'request' ? d.direction === 'request' : d.direction !== 'request');
  for (const group of byScope(deltas.filter(want)).values()) {
    const { removed, added } = sides(group);
    for (const p of pairRenames(removed, added.filter((a) => !HOLDS_MOVED_FIELDS.has(a.delta)), pairing(ctx))) {
      const rs = p.removed.map((r) => r.delta);
      const a = p.added.delta;
      out.push({ claimed: [...rs, a], at: { ...a, base: rs[0]!.base! }, args: { from: p.removed.map((r) => r.name).join(', '), to: p.added.name } });
    }
  }
  return out;
}

export { componentPath };

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

/**
 * Properties removed from an object and found again inside a property added to the same object
 * (`text` -> `content.text`, also when `content` is a union holding `text` in some variants), or
 * wherever the mapping file sends them (`Message.role: author.type`). One change per sub-object.
 */
export function findMoves(deltas: Delta[], ctx: RuleContext, direction: 'request' | 'response'): TransitionMatch[] {
  const out: TransitionMatch[] = [];
  const want = (d: Delta): boolean => (direction === 'request' ? d.direction === 'request' : d.direction !== 'request');
  for (const group of byScope(deltas.filter(want)).values()) {
    const { removed, added } = sides(group);
    for (const { added: a, moves: all } of pairMoves(removed, added, pairing(ctx), direction === 'request')) {
      // A field found deeper in the added property is a change of its own (`appUser` ->
      // `events[].payload.user`); the added property stays a change too, since it brings more
      // than the moved fields, but it is no longer a candidate for a rename.
      for (const m of all.filter((x) => x.deep)) {
        HOLDS_MOVED_FIELDS.add(a.delta);
        out.push({ claimed: [m.removed.delta], at: { ...a.delta, base: m.removed.delta.base! }, args: { fields: m.removed.name, into: a.name, targets: m.target } });
      }
      const list = all.filter((x) => !x.deep);
      if (!list.length) continue;
      const renamed = list.some((m) => m.target !== m.removed.name);
      out.push({
        claimed: [...list.map((m) => m.removed.delta), a.delta],
        at: { ...a.delta, base: list[0]!.removed.delta.base! },
        args: {
          fields: list.map((m) => m.removed.name).join(', '),
          into: a.name,
          ...(renamed ? { targets: list.map((m) => m.target).join(', ') } : {}),
        },
      });
    }
  }
  return out;
}

/** An `error` object replaced by an `errors` array in the same response object. */
export function findErrorShapes(deltas: Delta[], ctx: RuleContext): TransitionMatch[] {
  const out: TransitionMatch[] = [];
  for (const group of byScope(deltas.filter((d) => d.direction !== 'request')).values()) {
    const { removed, added } = sides(group);
    const p = pairErrorShape(removed, added, pairing(ctx));
    if (p) out.push({ claimed: [p.removed.delta, p.added.delta], at: { ...p.added.delta, base: p.removed.delta.base! }, args: { from: 'error', to: 'errors' } });
  }
  return out;
}
