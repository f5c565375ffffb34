/** An object's keys arrive in another order (JSON objects are unordered). */
import fc from 'fast-check';
import { objectFromEntries } from '../arbitrary-utils.js';
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { formatPath, updateAt } from '../json-path.js';
import { isPlainObject, locations, type Location } from '../value-walker.js';

/** Integer-like keys always come first in a JS object, whatever the insertion order. */
const INDEX_KEY = /^(0|[1-9]\d*)$/;

function movableKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((k) => !INDEX_KEY.test(k));
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Location[] {
  return locations(value, schema, ctx).filter((loc) => isPlainObject(loc.value) && movableKeys(loc.value).length >= 2);
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.every((k, i) => b[i] === k);
}

export const reorderedKeys: BodyEvolution = {
  id: 'reordered-keys',
  target: 'body',
  summary: 'The keys of an object come in a different order.',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) =>
    atCandidate('reordered-keys', candidates(value, schema, ctx), (loc) => {
      const original = loc.value as Record<string, unknown>;
      const keys = movableKeys(original);
      const reversed = [...keys].reverse();
      const shuffled = fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }).filter((order) => !sameOrder(order, keys));
      return fc.oneof(fc.constant(reversed), shuffled).map((order) => ({
        value: updateAt(value, loc.path, () => objectFromEntries(order.map((k) => [k, original[k]] as [string, unknown]).concat(Object.entries(original).filter(([k]) => INDEX_KEY.test(k))))),
        path: formatPath(loc.path),
        description: `keys reordered: ${order.join(', ')}`,
      }));
    }),
};
