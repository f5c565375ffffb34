import { defineRule } from '../define.js';

export default defineRule({
  id: 'info-version-bump-insufficient',
  summary: 'info.version was not bumped as much as the worst change requires (a breaking change needs a major bump).',
  direction: 'any',
  area: 'info',
  on: ['info.version.bump-insufficient'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'breaking changes but info.version went from {from} to {to} without a major bump',
});
