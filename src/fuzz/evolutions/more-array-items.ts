/** An array gets at least two more items, valid against its items schema. */
import fc from 'fast-check';
import { guardedFilter, smallJsonArbitrary } from '../arbitrary-utils.js';
import { canonicalJson } from '../canonical-json.js';
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { formatPath, setAt } from '../json-path.js';
import { generatorFor } from '../schema-arbitrary.js';
import { viewFor } from '../schema-view.js';
import { locations, type Location } from '../value-walker.js';

const MIN_EXTRA = 2;
const MAX_EXTRA = 5;

interface Candidate {
  loc: Location;
  items: unknown[];
  maxExtra: number;
  unique: boolean;
  itemArbitrary: fc.Arbitrary<unknown>;
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Candidate[] {
  const view = viewFor(ctx);
  const out: Candidate[] = [];
  for (const loc of locations(value, schema, ctx)) {
    if (!Array.isArray(loc.value)) continue;
    const items = loc.value;
    const flat = loc.effective === undefined ? undefined : view.flatten(loc.effective);
    let maxExtra = MAX_EXTRA;
    if (ctx.respectMaxItems && flat?.maxItems !== undefined) maxExtra = Math.min(MAX_EXTRA, flat.maxItems - items.length);
    if (maxExtra < MIN_EXTRA) continue;
    let itemArbitrary: fc.Arbitrary<unknown> | undefined;
    if (flat && flat.items.length > 0 && flat.prefixItems.length <= items.length) {
      try {
        itemArbitrary = generatorFor(ctx).arbitrary(view.allOf(flat.source as object, 'items', flat.items));
      } catch {
        itemArbitrary = undefined;
      }
    }
    itemArbitrary ??= items.length > 0 ? fc.constantFrom(...items) : smallJsonArbitrary;
    out.push({ loc, items, maxExtra, unique: flat?.uniqueItems === true, itemArbitrary });
  }
  return out;
}

export const moreArrayItems: BodyEvolution = {
  id: 'more-array-items',
  target: 'body',
  summary: 'An array holds more items than before (at least two more).',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) =>
    atCandidate('more-array-items', candidates(value, schema, ctx), ({ loc, items, maxExtra, unique, itemArbitrary }) => {
      const extra = fc.array(itemArbitrary, { minLength: MIN_EXTRA, maxLength: maxExtra });
      const existing = new Set(items.map(canonicalJson));
      // uniqueItems is kept when the item space allows it; otherwise duplicates are the evolution.
      let fresh: fc.Arbitrary<unknown[]> | null = null;
      if (unique) {
        const newItem = guardedFilter(itemArbitrary, (v) => !existing.has(canonicalJson(v)));
        const distinct = newItem && fc.uniqueArray(newItem, { minLength: MIN_EXTRA, maxLength: maxExtra, selector: canonicalJson });
        fresh = distinct && guardedFilter(distinct, (added) => added.length >= MIN_EXTRA);
      }
      fresh ??= extra;
      return fresh.map((added) => ({
        value: setAt(value, loc.path, [...items, ...added]),
        path: formatPath(loc.path),
        description: `${added.length} items appended (${items.length} -> ${items.length + added.length})`,
      }));
    }),
};
