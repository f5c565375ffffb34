import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';
import { templateKey } from '../../model/build.js';

/**
 * The same path lost one method and gained another (e.g. PUT -> PATCH for updates), or an
 * operation paired across versions (mapping file, operationId, path shape) changed its method.
 */
export default defineTransition({
  id: 'operation-method-changed',
  summary: 'An operation moved to another HTTP method on the same path (e.g. PUT to PATCH).',
  direction: 'any',
  area: 'operation',
  claims: ['operation.removed', 'operation.added', 'operation.method-changed'],
  group: (deltas) => {
    const out: TransitionMatch[] = [];
    for (const d of deltas) if (d.kind === 'operation.method-changed') out.push({ claimed: [d], at: d, args: { from: String(d.args['from']), to: String(d.args['to']), path: String(d.args['path']), basePath: String(d.args['basePath'] ?? d.args['path']) } });
    const added = deltas.filter((d) => d.kind === 'operation.added' && d.operation);
    const used = new Set<Delta>();
    for (const r of deltas.filter((d) => d.kind === 'operation.removed' && d.baseOperation)) {
      const old = r.baseOperation!;
      const same = added.filter((a) => !used.has(a) && templateKey(a.operation!.path) === templateKey(old.path) && a.operation!.method !== old.method);
      const pick = same.find((a) => a.operation!.operationId && a.operation!.operationId === old.operationId) ?? (same.length === 1 ? same[0] : undefined);
      if (!pick) continue;
      used.add(pick);
      out.push({ claimed: [r, pick], at: { ...pick, base: r.base!, baseOperation: old }, args: { from: old.method, to: pick.operation!.method, path: pick.operation!.path, basePath: old.path } });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{path}: method changed from {from} to {to}',
});
