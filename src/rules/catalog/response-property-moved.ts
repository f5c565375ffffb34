import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';
import { byScope } from '../helpers.js';

/**
 * Properties removed from an object and found again inside a property added to the same object
 * (e.g. message `text` -> `content.text`, attachment `mediaUrl` -> `attachment.mediaUrl`).
 */
export default defineTransition({
  id: 'response-property-moved',
  summary: 'Response or webhook fields moved into a new sub-object.',
  direction: 'response',
  area: 'schema',
  claims: ['schema.property.removed', 'schema.property.added'],
  priority: 20,
  group: (deltas, ctx) => {
    const out: TransitionMatch[] = [];
    for (const group of byScope(deltas.filter((d) => d.direction !== 'request')).values()) {
      const removed = group.filter((d) => d.kind === 'schema.property.removed');
      for (const a of group.filter((d) => d.kind === 'schema.property.added' && d.data?.revSchema)) {
        const inner = ctx.revViews.view(a.data!.revSchema!);
        if (!inner.properties.size) continue;
        const moved: Delta[] = removed.filter((r) => inner.properties.has(String(r.args['property'])));
        if (!moved.length) continue;
        out.push({
          claimed: [...moved, a],
          at: { ...a, base: moved[0]!.base! },
          args: { fields: moved.map((r) => String(r.args['property'])).join(', '), into: String(a.args['property']) },
        });
      }
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'fields {fields} moved into {into}',
});
