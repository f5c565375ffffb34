import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, getAt, hasPath, parsePath, setAt, updateAt } from '../../src/fuzz/index.js';

describe('JSON paths', () => {
  it('formats identifiers with dots, other keys with brackets, and parses back what it formats', () => {
    expect(formatPath(['messages', 0, 'content-type', "it's"])).toBe("$.messages[0]['content-type']['it\\'s']");
    const segment = fc.oneof(fc.nat({ max: 50 }), fc.string({ maxLength: 8 }), fc.constantFrom("a'b", 'a\\b', '__proto__', ''));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        expect(parsePath(formatPath(segments))).toEqual(segments);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it('updates copy-on-write, keeping key order and sharing untouched branches', () => {
    const root = { a: { b: [1, 2, 3] }, c: { d: true }, e: 1 };
    const next = setAt(root, ['a', 'b', 1], 20) as typeof root;
    expect(next).toEqual({ a: { b: [1, 20, 3] }, c: { d: true }, e: 1 });
    expect(root.a.b[1]).toBe(2);
    expect(next.c).toBe(root.c);
    expect(Object.keys(next)).toEqual(['a', 'c', 'e']);
    const added = updateAt(root, ['c', 'z'], () => 'new') as { c: Record<string, unknown> };
    expect(Object.keys(added.c)).toEqual(['d', 'z']);
    expect(getAt(added, ['c', 'z'])).toBe('new');
    expect(hasPath(added, ['c', 'missing'])).toBe(false);
    expect(() => setAt(root, ['e', 'x', 'y'], 1)).toThrow(TypeError);
  });

  it('treats __proto__ as a plain key', () => {
    const next = setAt({}, ['__proto__'], { polluted: true }) as Record<string, unknown>;
    expect(Object.keys(next)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(hasPath(next, ['__proto__', 'polluted'])).toBe(true);
  });
});
