import { defineTransition } from '../define.js';
import { findEnumRenames } from '../transitions.js';

export default defineTransition({
  id: 'request-enum-value-renamed',
  summary: 'Values of a request enum were renamed (named by the mapping file, or one value swapped for another).',
  description:
    'An enum lost values and gained the values that replace them: the pairs the mapping file lists under `enums:` for the schema, or, when it lists none, one value removed and one added in the same enum. Clients still sending an old value are refused.',
  direction: 'request',
  area: 'schema',
  claims: ['schema.enum.value-removed', 'schema.enum.value-added'],
  group: (deltas, ctx) => findEnumRenames(deltas, ctx, 'request'),
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'enum values renamed: {renames}',
});
