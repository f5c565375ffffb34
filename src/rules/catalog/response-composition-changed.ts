import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-composition-changed',
  summary: 'A response anyOf became a oneOf: values now match exactly one variant.',
  description:
    'Every value the new `oneOf` produces matches exactly one variant, so it is also valid against the old `anyOf`; clients read what they read before. The widening direction is `response-union-became-inclusive`; variants that cannot match one value together make both unions the same, and nothing is reported.',
  direction: 'response',
  area: 'schema',
  on: ['schema.composition.changed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'composition changed from {from} to {to}',
});
