/** A property declared by more than one allOf member is compared through every declaration. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('allof');

const spec = (values: string, baseType = '{type: string}'): string => `openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /messages:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Message'}
components:
  schemas:
    Base:
      type: object
      properties:
        type: ${baseType}
    Message:
      allOf:
        - {$ref: '#/components/schemas/Base'}
        - type: object
          properties:
            type: {type: string, enum: [${values}]}
`;

describe('properties redeclared in allOf members', () => {
  it('finds an enum value added in the member that narrows an inherited property', async () => {
    const r = await check(write(spec('text, image')), write(spec('text, image, file')), { policy: 'tolerant-reader' });
    const added = r.changes.filter((c) => c.rule === 'response-enum-value-added');
    expect(added.map((c) => [c.args['value'], c.pointer])).toEqual([['file', '/components/schemas/Message/allOf/1/properties/type']]);
    expect(added[0]!.location.line).toBeGreaterThan(0);
  });

  it('still finds a change in the inherited declaration', async () => {
    const r = await check(write(spec('text')), write(spec('text', '{type: string, pattern: "^[a-z]+$"}')));
    expect(r.changes.filter((c) => c.operation).map((c) => [c.rule, c.pointer])).toEqual([['response-pattern-added', '/components/schemas/Base/properties/type']]);
  });

  it('reports nothing when neither declaration changed', async () => {
    const r = await check(write(spec('text, image')), write(spec('text, image')));
    expect(r.changes).toEqual([]);
  });
});
