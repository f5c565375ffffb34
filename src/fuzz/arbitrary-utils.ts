/** Small fast-check building blocks shared by the generator and the evolutions. */
import fc from 'fast-check';

/** An arbitrary built on first use (ties recursive knots without building them up front). */
export class LazyArbitrary<T> extends fc.Arbitrary<T> {
  private underlying: fc.Arbitrary<T> | undefined;

  constructor(private readonly build: () => fc.Arbitrary<T>) {
    super();
  }

  private get target(): fc.Arbitrary<T> {
    return (this.underlying ??= this.build());
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.target.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.target.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.target.shrink(value, context);
  }
}

const SAMPLE_SEED = 0x5eed;
const SAMPLE_RUNS = 30;

/**
 * `arb.filter(keep)` when sampling shows the filter can be met, `null` otherwise. Guards every
 * filter the generator uses so an impossible constraint never turns into an endless retry loop.
 */
export function guardedFilter<T>(arb: fc.Arbitrary<T>, keep: (value: T) => boolean): fc.Arbitrary<T> | null {
  const samples = fc.sample(arb, { numRuns: SAMPLE_RUNS, seed: SAMPLE_SEED });
  if (!samples.some(keep)) return null;
  return arb.filter(keep);
}

/** Lower-camel identifiers, the shape of most JSON property names. */
export const identifierArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,11}$/);

const scalarArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.string({ maxLength: 16 }),
);

/** Any JSON value, kept small: scalars, and arrays or objects of scalars one level deep. */
export const smallJsonArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: scalarArbitrary },
  { weight: 1, arbitrary: fc.array(scalarArbitrary, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(identifierArbitrary, scalarArbitrary, { maxKeys: 3, noNullPrototype: true }) },
);

/** A plain object from entries, safe for keys such as `__proto__`. */
export function objectFromEntries(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
