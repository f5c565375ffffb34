import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';

/**
 * An operation lost ways to authenticate and gained others in the same version (API key headers
 * replaced by OAuth 2.0, basic auth by bearer tokens): one change, not a removal and an addition.
 */
export default defineTransition({
  id: 'security-alternative-replaced',
  summary: 'The way to authenticate to an operation was replaced by another.',
  description:
    'Security alternatives removed and others added on the same operation. Clients that authenticate the old way are refused until they switch, so the change breaks them even though a way to authenticate remains.',
  direction: 'request',
  area: 'security',
  claims: ['security.alternative-removed', 'security.alternative-added'],
  priority: 10,
  group: (deltas) => {
    const out: TransitionMatch[] = [];
    const byOp = new Map<string, Delta[]>();
    for (const d of deltas) {
      const k = d.operation?.display ?? d.baseOperation?.display;
      if (k === undefined) continue;
      byOp.set(k, [...(byOp.get(k) ?? []), d]);
    }
    for (const group of byOp.values()) {
      const removed = group.filter((d) => d.kind === 'security.alternative-removed');
      const added = group.filter((d) => d.kind === 'security.alternative-added');
      if (!removed.length || !added.length) continue;
      const names = (list: Delta[]): string => list.map((d) => String(d.args['schemes'])).join(', ');
      out.push({ claimed: [...removed, ...added], at: { ...added[0]!, base: removed[0]!.base! }, args: { from: names(removed), to: names(added) } });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'security alternative {from} replaced by {to}',
});
