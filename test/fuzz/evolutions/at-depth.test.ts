/**
 * Every body evolution, on a schema where it can only act three or more levels deep: it
 * applies to every generated value, changes the value, acts at depth, names a path that
 * exists in the evolved value, and shrinks a failing case to a counterexample with that path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, evolutionById, hasPath, parsePath, schemaArbitrary, type EvolutionContext } from '../../../src/fuzz/index.js';
import { deepCases, deepDocument } from '../helpers/deep-schemas.js';

const ctx: EvolutionContext = documentContext(deepDocument, { context: 'response' });

describe.each(deepCases)('$id', ({ id, schema, depth }) => {
  const evolution = evolutionById[id];
  if (evolution.target !== 'body') throw new Error(`${id} is not a body evolution`);
  const values = schemaArbitrary(schema, ctx);
  const pairs = values.chain((original) => evolution.arbitrary(original, schema, ctx).map((evolved) => ({ original, evolved })));

  it('applies to every generated value', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(evolution.applies(value, schema, ctx)).toBe(true);
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it(`acts at depth >= ${depth}, changes the value, and names an existing path`, () => {
    fc.assert(
      fc.property(pairs, ({ original, evolved }) => {
        expect(JSON.stringify(evolved.value)).not.toBe(JSON.stringify(original));
        const segments = parsePath(evolved.path);
        expect(segments.length).toBeGreaterThanOrEqual(depth);
        expect(hasPath(evolved.value, segments)).toBe(true);
        expect(evolved.description.length).toBeGreaterThan(0);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('shrinks a failing case to a counterexample whose path is present', () => {
    const property = fc.property(pairs, ({ evolved }) => JSON.stringify(evolved.value) === JSON.stringify(null));
    const details = fc.check(property, { numRuns: 20, seed: 13 });
    expect(details.failed).toBe(true);
    expect(details.numShrinks).toBeGreaterThan(0);
    const [{ evolved }] = details.counterexample!;
    expect(hasPath(evolved.value, parsePath(evolved.path))).toBe(true);
    // The report fc.assert prints names the same shrunk path.
    expect(() => fc.assert(property, { numRuns: 20, seed: 13 })).toThrow(JSON.stringify(evolved.path));
  });

  it('does not apply where the value has no such place', () => {
    expect(evolution.applies(42, schema, ctx)).toBe(false);
  });
});
