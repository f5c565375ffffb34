import { defineTransition } from '../define.js';
import { findMoves } from '../transitions.js';

/** Request fields the provider now reads from a new sub-object (`givenName` -> `profile.givenName`). */
export default defineTransition({
  id: 'request-property-moved',
  summary: 'Request fields moved into a new sub-object.',
  description:
    'Fields removed from a request object and accepted again in a sub-object added beside them (also in some variants of a union, never where the sub-object marks them read-only), or where the mapping file (`properties:`) sends them under another name. Clients sending the old fields are not understood.',
  direction: 'request',
  area: 'schema',
  claims: ['schema.property.removed', 'schema.property.added'],
  priority: 20,
  group: (deltas, ctx) => findMoves(deltas, ctx, 'request'),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'fields {fields} moved into {into}',
});
