/** Source positions of pointers in YAML and JSON texts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PositionIndex, lineColumnFromStarts, lineColumns, lineStarts, locateJson } from '../../src/load/positions.js';

const yaml = `openapi: 3.0.3
info:
  title: "t"
  description: |
    several
    lines: not a key
paths:
  /items/{id}:
    get:
      parameters:
        - name: id
          in: path
        - {name: q, in: query}
      responses:
        '200':
          description: ok
        404: {description: missing}
components:
  schemas:
    "A/B":
      type: object
`;

describe('positions in YAML', () => {
  const idx = new PositionIndex(yaml, 'yaml');
  it.each([
    ['/openapi', 1, 1],
    ['/info/description', 4, 3],
    ['/paths/~1items~1{id}/get', 9, 5],
    ['/paths/~1items~1{id}/get/parameters/0', 11, 11],
    ['/paths/~1items~1{id}/get/parameters/0/in', 12, 11],
    ['/paths/~1items~1{id}/get/parameters/1/in', 13, 21],
    ['/paths/~1items~1{id}/get/responses/200/description', 16, 11],
    ['/paths/~1items~1{id}/get/responses/404', 17, 9],
    ['/components/schemas/A~1B/type', 21, 7],
  ])('%s is at line %i, column %i', (pointer, line, column) => {
    expect(idx.locate(pointer)).toEqual({ line, column });
  });

  it('falls back to the longest existing prefix', () => {
    expect(idx.locate('/paths/~1items~1{id}/get/responses/500')).toEqual({ line: 14, column: 7 });
  });
});

describe('positions in JSON', () => {
  const json = '{\n  "a": {\n    "b": [1, {"c": true}]\n  }\n}\n';
  const idx = new PositionIndex(json, 'json');
  it('finds keys and array items', () => {
    expect(idx.locate('/a/b')).toEqual({ line: 3, column: 5 });
    expect(idx.locate('/a/b/1/c')).toEqual({ line: 3, column: 15 });
  });
});

describe('JSON positions with the parsed document at hand', () => {
  const pointersOf = (value: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown, p: string): void => {
      out.push(p);
      if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    };
    walk(value, '');
    return out;
  };
  // Object keys that look like array indexes are listed first by the engine: keep them out of the
  // generated values so that their key order is the text order (handled separately below).
  const key = fc.string({ maxLength: 6 }).filter((k) => !/^\d+$/.test(k) && k !== '__proto__');
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v;

  it('jumps over indented members to the same offsets as a full scan, whatever the indentation', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(2, 4, '\t', '  \t'), (v, indent) => {
        const text = JSON.stringify({ root: v, after: { x: [1, { y: 2 }] } }, null, indent);
        const parsed: unknown = JSON.parse(text);
        const pointers = pointersOf(parsed).concat(['/missing', '/root/missing/deeper']);
        expect(locateJson(text, pointers, parsed)).toEqual(locateJson(text, pointers));
      }),
      { numRuns: 200 },
    );
  });

  it('falls back to a full scan when the layout does not follow the indentation', () => {
    // `"a": [{` opens two containers on one line and closes them on lines indented unlike their openers.
    const texts = [
      '{\n  "a": [{\n    "b": 1\n  }, {\n    "c": {\n  "d": 2\n}\n  }],\n  "e": {\n    "f": 3\n  }\n}',
      '{\n  "a": {\n    "x": {\n  "y": 1\n  },\n    "z": 2\n  },\n  "e": {\n    "f": 3\n  }\n}',
      '{\n  "a": {\n    "b": 1\n  }, "e": {"f": 3}\n}',
      '{"a": {"b": [1, 2]}, "e": {"f": 3}}',
      '{\r\n  "a": {\r\n    "b": 1\r\n  },\r\n  "e": {\r\n    "f": 3\r\n  }\r\n}',
    ];
    for (const text of texts) {
      const parsed: unknown = JSON.parse(text);
      const pointers = ['/e/f', '/a', '/e'];
      const slow = locateJson(text, pointers);
      expect(locateJson(text, pointers, parsed)).toEqual(slow);
      expect(text.slice(slow.get('/e/f')!, slow.get('/e/f')! + 3)).toBe('"f"');
    }
  });

  it('keeps text order for keys that look like array indexes', () => {
    const text = '{\n  "responses": {\n    "404": {\n      "d": 1\n    },\n    "200": {\n      "d": 2\n    }\n  }\n}';
    const parsed: unknown = JSON.parse(text);
    const pointers = ['/responses/200/d', '/responses/404/d'];
    const found = locateJson(text, pointers, parsed);
    expect(found).toEqual(locateJson(text, pointers));
    expect(text.slice(found.get('/responses/200/d')! - 20, found.get('/responses/200/d')!)).toContain('"200"');
  });
});

describe('line and column of many offsets at once', () => {
  it('agree with the index of line starts, for offsets in any order, on line breaks and past the end', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '  '), { maxLength: 60 }), fc.array(fc.nat({ max: 200 }), { maxLength: 20 }), (parts, raw) => {
        const text = parts.join('');
        const offsets = raw.map((o) => Math.min(o, text.length));
        const found = lineColumns(text, offsets);
        const starts = lineStarts(text);
        for (const o of offsets) expect(found.get(o)).toEqual(lineColumnFromStarts(starts, o));
      }),
      { numRuns: 300 },
    );
  });
});
