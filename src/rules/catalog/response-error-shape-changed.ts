import { defineTransition, type TransitionMatch } from '../define.js';
import { byScope } from '../helpers.js';

/** An `error` object replaced by an `errors` array in the same response body. */
export default defineTransition({
  id: 'response-error-shape-changed',
  summary: 'An error response replaced its error object with an errors array.',
  direction: 'response',
  area: 'response',
  claims: ['schema.property.removed', 'schema.property.added'],
  priority: 30,
  group: (deltas, ctx) => {
    const out: TransitionMatch[] = [];
    for (const group of byScope(deltas.filter((d) => d.direction !== 'request')).values()) {
      const r = group.find((d) => d.kind === 'schema.property.removed' && d.args['property'] === 'error');
      const a = group.find((d) => d.kind === 'schema.property.added' && d.args['property'] === 'errors' && d.data?.revSchema && ctx.revViews.view(d.data.revSchema).types?.has('array'));
      if (r && a) out.push({ claimed: [r, a], at: { ...a, base: r.base! }, args: { from: 'error', to: 'errors' } });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'error object {from} replaced by array {to}',
});
