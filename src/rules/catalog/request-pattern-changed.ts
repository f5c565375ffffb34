import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-pattern-changed',
  summary: 'A request pattern was added or changed.',
  direction: 'request',
  area: 'schema',
  on: ['schema.pattern.added', 'schema.pattern.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'pattern changed from {from} to {to}',
});
