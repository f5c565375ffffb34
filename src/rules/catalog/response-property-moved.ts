import { defineTransition } from '../define.js';
import { findMoves } from '../transitions.js';

/**
 * Properties removed from an object and found again inside a property added to the same object
 * (e.g. message `text` -> `content.text`, attachment `mediaUrl` -> `attachment.mediaUrl`).
 */
export default defineTransition({
  id: 'response-property-moved',
  summary: 'Response or webhook fields moved into a new sub-object.',
  description:
    'Fields removed from an object and found again in a sub-object added beside them, also when that sub-object is a union holding them in some of its variants, or where the mapping file (`properties:`) sends them under another name.',
  direction: 'response',
  area: 'schema',
  claims: ['schema.property.removed', 'schema.property.added'],
  priority: 20,
  group: (deltas, ctx) => findMoves(deltas, ctx, 'response'),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'fields {fields} moved into {into}',
});
