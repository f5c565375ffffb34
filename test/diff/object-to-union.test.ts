/** A plain object compared with the union of objects that replaced it (and the reverse). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('union');

const spec = (destination: string, version: string): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /messages:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                destination: {$ref: '#/components/schemas/Destination'}
      responses:
        '204': {description: sent}
components:
  schemas:
    Kind: {type: string, enum: [a, b]}
    Destination:
${destination}
`;

const plain = `      type: object
      properties:
        id: {type: string}
        type: {$ref: '#/components/schemas/Kind'}`;

const union = `      oneOf:
        - type: object
          required: [id]
          properties:
            id: {type: string}
        - type: object
          required: [kindOfChannel]
          properties:
            kindOfChannel: {$ref: '#/components/schemas/Kind'}`;

const rules = async (a: string, b: string): Promise<string[]> => {
  const r = await check(write(a), write(b), { policy: 'tolerant-reader' });
  return r.changes.map((c) => `${c.rule} ${JSON.stringify(c.args)}`).sort();
};

describe('a plain object and a union of objects', () => {
  it('compares the object with the fields the variants offer: a field kept in one variant is not removed', async () => {
    const got = await rules(spec(plain, '1.0.0'), spec(union, '2.0.0'));
    // {id, kindOfChannel} was a valid request and now matches both variants of the oneOf.
    expect(got.filter((g) => g.startsWith('request-union-became-exclusive'))).toHaveLength(1);
    expect(got.filter((g) => !g.includes('variant') && !g.startsWith('request-union-became-exclusive'))).toEqual(['request-property-renamed {"from":"type","to":"kindOfChannel"}']);
  });

  it('reads the reverse change the same way', async () => {
    const got = await rules(spec(union, '1.0.0'), spec(plain, '2.0.0'));
    expect(got.filter((g) => !g.includes('variant'))).toEqual(['request-property-renamed {"from":"kindOfChannel","to":"type"}']);
  });

  it('does not read a union whose variants declare one field differently as one object', async () => {
    const clash = `      oneOf:
        - type: object
          properties:
            id: {type: string}
        - type: object
          properties:
            id: {type: integer}`;
    const got = await rules(spec(plain, '1.0.0'), spec(clash, '2.0.0'));
    expect(got.some((g) => g.includes('property-removed') && g.includes('"id"'))).toBe(true);
  });
});

describe('a field moved into a union', () => {
  const hosted = (body: string, schemas: string, version: string): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /messages/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
${body}
components:
  schemas:
${schemas}
`;
  const before = hosted(
    `                type: object
                properties:
                  items: {type: array, items: {$ref: '#/components/schemas/OldItem'}}`,
    `    OldItem:
      type: object
      properties:
        _id: {type: string}
        title: {type: string}`,
    '1.0.0',
  );
  const after = (second: string): string =>
    hosted(
      `                type: object
                properties:
                  content:
                    oneOf:
                      - type: object
                        properties:
                          kind: {type: string, enum: [list]}
                          items: {type: array, items: {$ref: '#/components/schemas/Item'}}
                      - type: object
                        properties:
                          kind: {type: string, enum: [carousel]}
                          items: ${second}`,
      `    Item:
      type: object
      properties:
        title: {type: string}`,
      '2.0.0',
    );

  it('compares it with the variants holding it when they all declare it alike', async () => {
    const got = await rules(before, after(`{type: array, items: {$ref: '#/components/schemas/Item'}}`));
    expect(got).toContain('response-optional-property-removed {"property":"_id","required":false}');
  });

  it('does not pick one of variants that declare it differently', async () => {
    const got = await rules(before, after(`{type: array, items: {type: string}}`));
    expect(got.some((g) => g.includes('"_id"'))).toBe(false);
  });
});

describe('an array of objects become one object', () => {
  it('compares the items with the object: the fields it lacks are one removal beside the type change', async () => {
    const dir0 = path.resolve(import.meta.dirname, '../../fixtures/rules/response-reshaped-properties-removed');
    const got = await rules(readFileSync(path.join(dir0, 'base.yaml'), 'utf8'), readFileSync(path.join(dir0, 'revision.yaml'), 'utf8'));
    expect(got.filter((g) => g.includes('removed'))).toEqual(['response-reshaped-properties-removed {"fields":"action","shape":"array → object"}']);
    expect(got.some((g) => g.startsWith('response-type-changed'))).toBe(true);
  });
});
