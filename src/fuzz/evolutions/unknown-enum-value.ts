/** A string where the schema lists an enum takes a value outside that enum. */
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { knownValues, newWordLike } from '../evolution-helpers.js';
import { formatPath, setAt } from '../json-path.js';
import { viewFor } from '../schema-view.js';
import { locations, type Location } from '../value-walker.js';

interface Candidate {
  loc: Location;
  known: string[];
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Candidate[] {
  const view = viewFor(ctx);
  const out: Candidate[] = [];
  for (const loc of locations(value, schema, ctx)) {
    if (typeof loc.value !== 'string') continue;
    const known = knownValues(view, loc.schema);
    if (!known || !known.some((v) => typeof v === 'string')) continue;
    out.push({ loc, known: known.filter((v): v is string => typeof v === 'string') });
  }
  return out;
}

export const unknownEnumValue: BodyEvolution = {
  id: 'unknown-enum-value',
  target: 'body',
  summary: 'A string enum takes a value the schema does not list.',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) =>
    atCandidate('unknown-enum-value', candidates(value, schema, ctx), ({ loc, known }) =>
      newWordLike(known, new Set(known)).map((next) => ({
        value: setAt(value, loc.path, next),
        path: formatPath(loc.path),
        description: `enum value ${JSON.stringify(loc.value)} replaced by unknown ${JSON.stringify(next)}`,
      })),
    ),
};
