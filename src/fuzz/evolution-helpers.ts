/** Helpers several evolutions share: known values of a schema, new words in a given style. */
import fc from 'fast-check';
import type { Schema } from './schema-context.js';
import type { SchemaView } from './schema-view.js';

/** Every enum/const value the schema (and its union branches) allows, or undefined if unconstrained. */
export function knownValues(view: SchemaView, schema: Schema | undefined): unknown[] | undefined {
  if (schema === undefined) return undefined;
  const flat = view.flatten(schema);
  if (flat.enum) return flat.enum;
  if (flat.unions.length === 0) return undefined;
  const values: unknown[] = [];
  const branches = flat.unions[0]!.branches;
  for (let i = 0; i < branches.length; i++) {
    const branchValues = knownValues(view, view.branchSchema(schema, i));
    if (!branchValues) return undefined;
    values.push(...branchValues);
  }
  return values;
}

// Built once: fast-check precomputes shrink tables when a string arbitrary is created.
const word = fc.stringMatching(/^[a-z]{3,9}$/);
const snakeWord = fc.stringMatching(/^[a-z][a-z0-9_]{2,15}$/);

/** A new string in the style of `examples` (separators and case), never one of `taken`. */
export function newWordLike(examples: readonly string[], taken: ReadonlySet<string>): fc.Arbitrary<string> {
  const sample = examples.find((e) => e.length > 0) ?? 'value';
  const separator = [':', '.', '_', '-', '/'].find((s) => sample.includes(s));
  const upper = sample === sample.toUpperCase() && /[A-Z]/.test(sample);
  const styled = fc.tuple(word, word).map(([a, b]) => {
    let out: string;
    if (separator === ':' || separator === '.' || separator === '/') {
      const head = sample.split(separator)[0]!;
      out = `${head}${separator}${a}`;
    } else if (separator) out = `${a}${separator}${b}`;
    else out = `${a}${b[0]!.toUpperCase()}${b.slice(1)}`;
    return upper ? out.toUpperCase() : out;
  });
  const plain = fc.constantFrom('unknown', 'future_value', 'brandNewValue', 'other').map((s) => (upper ? s.toUpperCase() : s));
  return fc.oneof(styled, plain, snakeWord).filter((s) => !taken.has(s));
}
