import type { Delta } from '../../diff/delta.js';
import { defineTransition, type TransitionMatch } from '../define.js';
import { byScope } from '../helpers.js';

/**
 * An array of objects became one object (or the reverse), e.g. webhook `postbacks[]` ->
 * `payload.postback`: the fields the new shape no longer has are one change.
 */
export default defineTransition({
  id: 'response-reshaped-properties-removed',
  summary: 'Response or webhook fields removed where an array of objects became one object (or the reverse).',
  description:
    'An array of objects replaced by a single object (or an object by an array of them) is compared item against object; the fields the new shape lacks are listed as one removal, beside the type change itself.',
  direction: 'response',
  area: 'schema',
  claims: ['schema.property.removed'],
  priority: 5,
  group: (deltas) => {
    const out: TransitionMatch[] = [];
    const reshaped = deltas.filter((d: Delta) => d.direction !== 'request' && d.kind === 'schema.property.removed' && d.data?.['reshaped'] !== undefined);
    for (const group of byScope(reshaped).values()) {
      out.push({
        claimed: group,
        at: group[0]!,
        args: { fields: group.map((d) => String(d.args['property'])).join(', '), shape: group[0]!.data!['reshaped'] === 'array-to-object' ? 'array → object' : 'object → array' },
      });
    }
    return out;
  },
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'fields {fields} removed ({shape})',
});
