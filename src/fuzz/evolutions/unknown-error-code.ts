/**
 * An error body carries an error code the client does not know: `error.code` (v1 shape),
 * `errors[].code` (v2 shape), or any `code` property when the response status is an error.
 */
import fc from 'fast-check';
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { knownValues, newWordLike } from '../evolution-helpers.js';
import { formatPath, setAt } from '../json-path.js';
import { viewFor } from '../schema-view.js';
import { locations, type Location } from '../value-walker.js';

function isErrorShape(loc: Location): boolean {
  const parent = loc.parent;
  if (!parent) return false;
  if (parent.key === 'error' || parent.key === 'err') return true;
  return typeof parent.key === 'number' && parent.parent?.key === 'errors';
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Location[] {
  const errorStatus = ctx.status !== undefined && ctx.status >= 400;
  return locations(value, schema, ctx).filter(
    (loc) => loc.key === 'code' && (typeof loc.value === 'string' || typeof loc.value === 'number') && (errorStatus || isErrorShape(loc)),
  );
}

export const unknownErrorCode: BodyEvolution = {
  id: 'unknown-error-code',
  target: 'body',
  summary: 'An error response carries an error code the client does not know.',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) => {
    const view = viewFor(ctx);
    return atCandidate('unknown-error-code', candidates(value, schema, ctx), (loc) => {
      const known = new Set((knownValues(view, loc.schema) ?? []).map(String));
      known.add(String(loc.value));
      const next: fc.Arbitrary<string | number> =
        typeof loc.value === 'number'
          ? fc.integer({ min: 1000, max: 99999 }).filter((n) => !known.has(String(n)))
          : newWordLike([loc.value as string, ...known], known);
      return next.map((code) => ({
        value: setAt(value, loc.path, code),
        path: formatPath(loc.path),
        description: `error code ${JSON.stringify(loc.value)} replaced by unknown ${JSON.stringify(code)}`,
      }));
    });
  },
};
