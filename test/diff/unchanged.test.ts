/**
 * The diff skips what cannot have changed (equal named schemas whose references lead only to
 * equal schemas, equal inline schemas): skipping must never hide a change, and one change in a
 * schema shared by many operations is reported once, naming all of them.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { loadSpec } from '../../src/load/spec.js';
import { unchangedSchemas } from '../../src/diff/unchanged.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('unchanged');

/** Two operations share Order, which refers to Item (and to Pet through a discriminator mapping). */
const spec = (itemProps: string, catProps = '        meows: {type: boolean}', body = '                note: {type: string}'): string => `openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
${body}
      responses:
        '201':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Order:
      type: object
      properties:
        item: {$ref: '#/components/schemas/Item'}
    Item:
      type: object
      properties:
${itemProps}
    Lonely:
      type: string
    Pet:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
      discriminator:
        propertyName: kind
        mapping:
          cat: '#/components/schemas/Cat'
    Cat:
      type: object
      properties:
${catProps}
`;

const itemV1 = '        id: {type: string}';
const itemV2 = '        id: {type: string}\n        size: {type: integer}';

describe('what the diff may skip', () => {
  it('names only the schemas whose whole reference closure is equal', async () => {
    const a = await loadSpec(write(spec(itemV1)));
    const b = await loadSpec(write(spec(itemV2, '        meows: {type: string}')));
    const same = unchangedSchemas(a, b);
    expect([...same].sort()).toEqual(['Lonely']);
  });

  it('finds a change two references deep and reports it once for every operation that reaches it', async () => {
    const r = await check(write(spec(itemV1)), write(spec(itemV2)));
    const added = r.changes.filter((c) => c.rule === 'response-property-added');
    expect(added).toHaveLength(1);
    expect(added[0]!.args['property']).toBe('size');
    expect(added[0]!.operations).toEqual(['GET /orders', 'POST /orders']);
  });

  it('finds a change in a schema reached only through a discriminator mapping', async () => {
    const r = await check(write(spec(itemV1)), write(spec(itemV1, '        meows: {type: string}')));
    expect(r.changes.some((c) => c.rule === 'response-type-changed' && c.operation === 'GET /pets')).toBe(true);
  });

  it('finds a change in a schema that only extends a discriminated schema through allOf', async () => {
    const withDog = (barks: string): string =>
      spec(itemV1) +
      `    Dog:
      allOf:
        - {$ref: '#/components/schemas/Pet'}
        - type: object
          properties:
            barks: {type: ${barks}}
`;
    const r = await check(write(withDog('boolean')), write(withDog('string')));
    expect(r.changes.filter((c) => c.operation).map((c) => `${c.rule} ${c.operation} ${c.pointer}`)).toEqual(['response-type-changed GET /pets /components/schemas/Dog/allOf/1/properties/barks']);
  });

  it('finds a change in an inline schema of an operation whose other parts are equal', async () => {
    const r = await check(write(spec(itemV1)), write(spec(itemV1, undefined, '                note: {type: integer}')));
    expect(r.changes.filter((c) => c.operation).map((c) => `${c.rule} ${c.operation}`)).toEqual(['request-type-changed POST /orders']);
  });

  it('reports nothing for equal versions', async () => {
    const r = await check(write(spec(itemV2)), write(spec(itemV2)));
    expect(r.changes).toEqual([]);
  });
});

describe('the operations a shared change lists', () => {
  /**
   * Paths in no particular order; every operation returns Wide, the first ones Narrow before it,
   * so the first change met lists only some of the operations the next one lists.
   */
  const paths = ['/zebra', '/apple', '/mango', '/kiwi', '/banana', '/cherry'];
  const narrowUsers = new Set(['/zebra', '/apple']);
  const body = (schema: string): object => ({ description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
  const shared = (version: number): string =>
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1.0.0' },
      paths: Object.fromEntries(
        paths.map((p) => [
          p,
          {
            get: {
              responses: narrowUsers.has(p) ? { '200': body('Narrow'), '201': body('Wide') } : { '200': body('Wide') },
            },
          },
        ]),
      ),
      components: {
        schemas: {
          Narrow: { type: 'object', properties: { a: { type: 'string' }, ...(version > 1 ? { b: { type: 'string' } } : {}) } },
          Wide: { type: 'object', properties: { c: { type: 'string' }, ...(version > 1 ? { d: { type: 'string' } } : {}) } },
        },
      },
    });

  it('are every operation reaching it, once each, sorted by name', async () => {
    const r = await check(write(shared(1), 'shared-1.json'), write(shared(2), 'shared-2.json'));
    const added = new Map(r.changes.filter((c) => c.rule === 'response-property-added').map((c) => [c.args['property'], c.operations]));
    expect(added.get('b')).toEqual([...narrowUsers].map((p) => `GET ${p}`).sort());
    expect(added.get('d')).toEqual(paths.map((p) => `GET ${p}`).sort());
  });
});
