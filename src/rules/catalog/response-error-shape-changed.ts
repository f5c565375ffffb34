import { defineTransition } from '../define.js';
import { findErrorShapes } from '../transitions.js';

/** An `error` object replaced by an `errors` array in the same response body. */
export default defineTransition({
  id: 'response-error-shape-changed',
  summary: 'An error response replaced its error object with an errors array.',
  direction: 'response',
  area: 'response',
  claims: ['schema.property.removed', 'schema.property.added'],
  priority: 30,
  group: (deltas, ctx) => findErrorShapes(deltas, ctx),
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'error object {from} replaced by array {to}',
});
