import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';
import { nameSimilarity } from '../helpers.js';
import { templateKey } from '../../model/build.js';

/**
 * A query/header/cookie parameter removed and a like-named one added (e.g. `types` -> `filter[types]`),
 * or the new parameter the mapping file names for old ones (`parameters:`), several old ones
 * possibly becoming one, also in another place.
 */
export default defineTransition({
  id: 'request-parameter-renamed',
  summary: 'A query, header or cookie parameter was renamed.',
  direction: 'request',
  area: 'parameter',
  claims: ['parameter.removed', 'parameter.added'],
  priority: 10,
  group: (deltas, ctx) => {
    const out: TransitionMatch[] = [];
    const used = new Set<Delta>();
    const mapped = ctx.mapping?.parameters;
    if (mapped?.size) {
      const byAdded = new Map<Delta, Delta[]>();
      for (const r of deltas.filter((d) => d.kind === 'parameter.removed')) {
        const op = r.baseOperation;
        const names = op ? (mapped.get(op.key) ?? mapped.get(`${op.method} ${templateKey(op.rawPath)}`)) : undefined;
        const to = names?.get(String(r.args['name']));
        if (to === undefined) continue;
        const a = deltas.find((d) => d.kind === 'parameter.added' && d.operation === r.operation && String(d.args['name']) === to);
        if (a) byAdded.set(a, [...(byAdded.get(a) ?? []), r]);
      }
      for (const [a, rs] of byAdded) {
        for (const d of [a, ...rs]) used.add(d);
        out.push({ claimed: [...rs, a], at: { ...a, base: rs[0]!.base! }, args: { in: String(a.args['in']), from: rs.map((r) => String(r.args['name'])).join(', '), to: String(a.args['name']) } });
      }
    }
    for (const r of deltas.filter((d) => !used.has(d) && d.kind === 'parameter.removed' && d.args['in'] !== 'path')) {
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
