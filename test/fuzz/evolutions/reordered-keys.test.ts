import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { reorderedKeys } from '../../../src/fuzz/evolutions/reordered-keys.js';
import { evolvedPairs } from '../helpers/evolve.js';

const ctx = documentContext({ openapi: '3.1.0' }, { context: 'response' });

describe('reordered-keys', () => {
  it('changes only the key order of one object', () => {
    const schema = {
      type: 'object',
      required: ['a', 'b', 'c'],
      properties: { a: { type: 'integer' }, b: { type: 'object', required: ['x', 'y'], properties: { x: { type: 'string' }, y: { type: 'string' } } }, c: { type: 'boolean' } },
    };
    fc.assert(
      fc.property(evolvedPairs(reorderedKeys, schema, ctx), ({ original, evolved }) => {
        expect(evolved.value).toEqual(original);
        const segments = parsePath(evolved.path);
        const before = Object.keys(getAt(original, segments) as object);
        const after = Object.keys(getAt(evolved.value, segments) as object);
        expect([...after].sort()).toEqual([...before].sort());
        expect(after).not.toEqual(before);
      }),
      { numRuns: 40, seed: 1 },
    );
  });

  it('ignores objects whose only keys are integer-like (their order is fixed)', () => {
    expect(reorderedKeys.applies({ '1': 'a', '2': 'b' }, {}, ctx)).toBe(false);
    expect(reorderedKeys.applies({ '1': 'a', x: 'b', y: 'c' }, {}, ctx)).toBe(true);
  });
});
