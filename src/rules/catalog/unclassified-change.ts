import { defineRule } from '../define.js';

export default defineRule({
  id: 'unclassified-change',
  summary: 'A difference no rule classifies; it needs a person to judge.',
  direction: 'any',
  area: 'general',
  on: ['unclassified'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'unclassified difference ({kind})',
});
