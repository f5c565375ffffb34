import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-composition-changed',
  summary: 'A request oneOf became an anyOf: requests matching several variants are now accepted too.',
  description:
    'Every request valid against the old `oneOf` matched exactly one variant and is still valid against the `anyOf`; the change only widens what the server accepts. The narrowing direction is `request-union-became-exclusive`; variants that cannot match one value together make both unions the same, and nothing is reported.',
  direction: 'request',
  area: 'schema',
  on: ['schema.composition.changed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'composition changed from {from} to {to}',
});
