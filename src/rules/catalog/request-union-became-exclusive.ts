import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-union-became-exclusive',
  summary: 'A request schema became a oneOf (or an anyOf became a oneOf) whose variants can both match a value it accepted.',
  description:
    'A value valid against a `oneOf` must match exactly one variant. When a request schema is wrapped in a `oneOf`, or an `anyOf` becomes a `oneOf`, and two variants can match the same value the old schema accepted, a request that was valid may now match both and be refused. Variants are told apart conservatively: by disjoint types, disjoint `const`/`enum` values of a property one of them requires, a required property the other forbids through `additionalProperties: false`, or a discriminator; otherwise they are taken to overlap. Clients keep sending what they sent, so this is breaking under every policy.',
  direction: 'request',
  area: 'schema',
  on: ['schema.union.became-exclusive'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{from} became {to}: variants {first} and {second} can both match a request that was valid, which is now refused',
});
