import { defineTransition } from '../define.js';
import { findRenames } from '../transitions.js';

export default defineTransition({
  id: 'request-property-renamed',
  summary: 'A request property was renamed (one property removed, a like-named one of the same type added).',
  direction: 'request',
  area: 'schema',
  claims: ['schema.property.removed', 'schema.property.added'],
  group: (deltas, ctx) => findRenames(deltas, ctx, 'request'),
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'property {from} renamed to {to}',
});
