/** Source positions of pointers in YAML and JSON texts. */
import { describe, expect, it } from 'vitest';
import { PositionIndex } from '../../src/load/positions.js';

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
