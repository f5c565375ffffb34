import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-not-changed',
  summary: 'A `not` constraint of a request schema changed.',
  direction: 'request',
  area: 'schema',
  on: ['schema.not.changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: '`not` constraint changed',
});
