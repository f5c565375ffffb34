import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-union-became-inclusive',
  summary: 'A response oneOf became an anyOf whose variants can both match one value.',
  description:
    'Before, every value matched exactly one variant; now a value may match several. A client generated from the spec that enforces the `oneOf` (several generators count the matching variants and fail when more than one matches) rejects such a value, so strict calls this breaking. A tolerant reader reads the value as the first variant it can read, or as the one the discriminator names, and reads it the same as before, so under tolerant-reader it is compatible. Variants that cannot match one value together (disjoint types or `const`/`enum` values, a discriminator) make the two unions the same, and nothing is reported.',
  direction: 'response',
  area: 'schema',
  on: ['schema.union.became-inclusive'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  message: '{from} became {to}: variants {first} and {second} can both match one value',
});
