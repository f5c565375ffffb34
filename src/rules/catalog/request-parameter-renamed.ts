import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';
import { nameSimilarity } from '../helpers.js';

/** A query/header/cookie parameter removed and a like-named one added (e.g. `types` -> `filter[types]`). */
export default defineTransition({
  id: 'request-parameter-renamed',
  summary: 'A query, header or cookie parameter was renamed.',
  direction: 'request',
  area: 'parameter',
  claims: ['parameter.removed', 'parameter.added'],
  priority: 10,
  group: (deltas) => {
    const out: TransitionMatch[] = [];
    const used = new Set<Delta>();
    for (const r of deltas.filter((d) => d.kind === 'parameter.removed' && d.args['in'] !== 'path')) {
      const name = String(r.args['name']);
      const a = deltas.find(
        (d) =>
          !used.has(d) &&
          d.kind === 'parameter.added' &&
          d.args['in'] === r.args['in'] &&
          d.operation?.display === r.operation?.display &&
          (String(d.args['name']).includes(`[${name}]`) || nameSimilarity(name, String(d.args['name'])) >= 0.8),
      );
      if (!a) continue;
      used.add(a);
      out.push({ claimed: [r, a], at: { ...a, base: r.base! }, args: { in: String(r.args['in']), from: name, to: String(a.args['name']) } });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{in} parameter {from} renamed to {to}',
});
