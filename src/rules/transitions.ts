/** Grouping logic shared by the transition rules of both directions. */
import type { Delta } from '../diff/delta.js';
import type { RuleContext, TransitionMatch } from './define.js';
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
