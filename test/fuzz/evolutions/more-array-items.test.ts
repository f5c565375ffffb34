import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, oracleFor, parsePath } from '../../../src/fuzz/index.js';
import { moreArrayItems } from '../../../src/fuzz/evolutions/more-array-items.js';
import { evolvedPairs } from '../helpers/evolve.js';

const ctx = documentContext({ openapi: '3.0.3' }, { context: 'response' });
const items = { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 1, maximum: 9 } } };
const schema = { type: 'object', required: ['list'], properties: { list: { type: 'array', maxItems: 3, items } } };

describe('more-array-items', () => {
  it('appends at least two valid items (maxItems may be exceeded by default)', () => {
    const check = oracleFor(ctx).check(items);
    let exceeded = false;
    fc.assert(
      fc.property(evolvedPairs(moreArrayItems, schema, ctx), ({ original, evolved }) => {
        const segments = parsePath(evolved.path);
        const before = getAt(original, segments) as unknown[];
        const after = getAt(evolved.value, segments) as unknown[];
        expect(after.length).toBeGreaterThanOrEqual(before.length + 2);
        expect(after.slice(0, before.length)).toEqual(before);
        for (const item of after) expect(check(item)).toBe(true);
        if (after.length > 3) exceeded = true;
      }),
      { numRuns: 40, seed: 1 },
    );
    expect(exceeded).toBe(true);
  });

  it('stays within maxItems when the policy says so, and then needs room for two', () => {
    const strict = { ...ctx, respectMaxItems: true };
    expect(moreArrayItems.applies({ list: [{ n: 1 }, { n: 2 }] }, schema, strict)).toBe(false);
    expect(moreArrayItems.applies({ list: [{ n: 1 }] }, schema, strict)).toBe(true);
    const [evolved] = fc.sample(moreArrayItems.arbitrary({ list: [{ n: 1 }] }, schema, strict), { numRuns: 1, seed: 2 });
    expect((evolved!.value as { list: unknown[] }).list).toHaveLength(3);
  });

  it('keeps uniqueItems when the item space allows it', () => {
    const unique = { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b', 'c', 'd', 'e'] } };
    fc.assert(
      fc.property(evolvedPairs(moreArrayItems, unique, ctx), ({ evolved }) => {
        const list = evolved.value as string[];
        expect(new Set(list).size).toBe(list.length);
      }),
      { numRuns: 30, seed: 3 },
    );
  });
});
