import { defineTransition } from '../define.js';
import { findRenames } from '../transitions.js';

export default defineTransition({
  id: 'response-property-renamed',
  summary: 'A response or webhook property was renamed (one property removed, a like-named one of the same type added).',
  direction: 'response',
  area: 'schema',
  claims: ['schema.property.removed', 'schema.property.added'],
  group: (deltas, ctx) => findRenames(deltas, ctx, 'response'),
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'property {from} renamed to {to}',
});
