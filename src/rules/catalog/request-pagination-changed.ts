import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';

const OFFSET = /^(offset|skip|page|start|limit)$/i;
const CURSOR = /(cursor|after|before|starting_after|ending_before|page\[(after|before|size)\])/i;

/** Offset-based paging parameters replaced by cursor parameters on the same operation. */
export default defineTransition({
  id: 'request-pagination-changed',
  summary: 'Offset-based pagination was replaced by cursor-based pagination.',
  direction: 'request',
  area: 'parameter',
  claims: ['parameter.removed', 'parameter.added'],
  priority: 20,
  group: (deltas) => {
    const out: TransitionMatch[] = [];
    const byOp = new Map<string, Delta[]>();
    for (const d of deltas) {
      const k = d.operation?.display ?? '';
      byOp.set(k, [...(byOp.get(k) ?? []), d]);
    }
    for (const group of byOp.values()) {
      const removed = group.filter((d) => d.kind === 'parameter.removed' && d.args['in'] === 'query' && OFFSET.test(String(d.args['name'])));
      const added = group.filter((d) => d.kind === 'parameter.added' && d.args['in'] === 'query' && CURSOR.test(String(d.args['name'])));
      if (!removed.some((d) => /offset|skip|start|page/i.test(String(d.args['name']))) || !added.length) continue;
      const sizeParam = group.filter((d) => d.kind === 'parameter.added' && /page\[size\]|per_page|page_size/i.test(String(d.args['name'])));
      const claimed = [...removed, ...added, ...sizeParam.filter((d) => !added.includes(d))];
      out.push({
        claimed,
        at: { ...added[0]!, base: removed[0]!.base! },
        args: { from: removed.map((d) => String(d.args['name'])).join(', '), to: [...new Set(claimed.filter((d) => d.kind === 'parameter.added').map((d) => String(d.args['name'])))].join(', ') },
      });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'offset pagination ({from}) replaced by cursor pagination ({to})',
});
