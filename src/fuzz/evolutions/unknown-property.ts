/** A key the schema does not declare appears in an object, at any depth. */
import fc from 'fast-check';
import { identifierArbitrary, smallJsonArbitrary } from '../arbitrary-utils.js';
import { atCandidate, type BodyEvolution } from '../evolution.js';
import { formatPath, setAt } from '../json-path.js';
import { viewFor } from '../schema-view.js';
import { isPlainObject, locations, type Location } from '../value-walker.js';
import type { EvolutionContext } from '../evolution.js';

const LIKELY_NAMES = ['newField', 'metadataV2', 'extensions', 'source_info', 'flags'];

function declaredKeys(loc: Location, ctx: EvolutionContext): Set<string> {
  const keys = new Set(Object.keys(loc.value as object));
  const view = viewFor(ctx);
  for (const schema of [loc.schema, loc.effective]) {
    if (schema === undefined) continue;
    const flat = view.flatten(schema);
    for (const k of flat.properties.keys()) keys.add(k);
    for (const union of flat.unions) {
      for (const branch of union.branches) for (const k of view.flatten(branch).properties.keys()) keys.add(k);
    }
  }
  return keys;
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Location[] {
  return locations(value, schema, ctx).filter((loc) => isPlainObject(loc.value));
}

export const unknownProperty: BodyEvolution = {
  id: 'unknown-property',
  target: 'body',
  summary: 'An object gains a property the schema does not declare.',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) =>
    atCandidate('unknown-property', candidates(value, schema, ctx), (loc) => {
      const taken = declaredKeys(loc, ctx);
      const key = fc.oneof(fc.constantFrom(...LIKELY_NAMES), identifierArbitrary).filter((k) => !taken.has(k));
      return fc.tuple(key, smallJsonArbitrary).map(([k, v]) => {
        const path = [...loc.path, k];
        return { value: setAt(value, path, v), path: formatPath(path), description: `added undeclared property "${k}"` };
      });
    }),
};
