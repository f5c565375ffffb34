/** Test helper: generated values paired with one evolution of each. */
import fc from 'fast-check';
import { schemaArbitrary, type BodyEvolution, type EvolutionContext, type Evolved } from '../../../src/fuzz/index.js';

export interface Pair {
  original: unknown;
  evolved: Evolved;
}

export function evolvedPairs(evolution: BodyEvolution, schema: unknown, ctx: EvolutionContext): fc.Arbitrary<Pair> {
  return schemaArbitrary(schema, ctx).chain((original) => evolution.arbitrary(original, schema, ctx).map((evolved) => ({ original, evolved })));
}

export function lastKey(path: string): string | number | undefined {
  const match = /(?:\.([A-Za-z_$][\w$]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\])$/.exec(path);
  if (!match) return undefined;
  return match[3] !== undefined ? Number(match[3]) : (match[1] ?? match[2]!.replace(/\\(.)/g, '$1'));
}
