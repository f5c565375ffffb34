import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-not-changed',
  summary: 'A `not` constraint of a response schema changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.not.changed'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: '`not` constraint changed',
});
