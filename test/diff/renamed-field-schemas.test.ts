/** The old and new schemas of a renamed or moved field are compared, so what changed inside shows. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('renamed');

const spec = (body: string, schemas: string, version = '1.0.0'): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /users/{id}:
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

const base = spec(
  `                type: object
                properties:
                  appUser: {$ref: '#/components/schemas/AppUser'}
                  error: {$ref: '#/components/schemas/Error'}`,
  `    AppUser:
      type: object
      properties:
        _id: {type: string}
        givenName: {type: string}
        clients: {type: array, items: {type: string}}
    Error:
      type: object
      properties:
        code: {type: string}
        description: {type: string}`,
);

const rev = spec(
  `                type: object
                properties:
                  user: {$ref: '#/components/schemas/User'}
                  errors:
                    type: array
                    items: {$ref: '#/components/schemas/Error'}`,
  `    User:
      type: object
      properties:
        id: {type: string}
        profile:
          type: object
          properties:
            givenName: {type: string, maxLength: 128}
    Error:
      type: object
      properties:
        code: {type: string}
        title: {type: string}`,
  '2.0.0',
);

describe('renamed and moved fields', () => {
  it('reports the changes inside a renamed field, an error object become an array, and a moved field', async () => {
    const r = await check(write(base), write(rev), { policy: 'tolerant-reader' });
    const got = r.changes.map((c) => `${c.rule} ${c.pointer} ${JSON.stringify(c.args)}`).sort();
    expect(got).toEqual(
      [
        `response-error-shape-changed /paths/~1users~1{id}/get/responses/200/content/application~1json/schema/properties/errors {"from":"error","to":"errors"}`,
        `response-limit-tightened /components/schemas/User/properties/profile/properties/givenName {"keyword":"maxLength","from":"none","to":128,"tightened":true}`,
        `response-optional-property-removed /components/schemas/User {"property":"clients","required":false}`,
        `response-property-moved /components/schemas/User/properties/profile {"fields":"givenName","into":"profile"}`,
        `response-property-renamed /components/schemas/Error/properties/title {"from":"description","to":"title"}`,
        `response-property-renamed /components/schemas/User/properties/id {"from":"_id","to":"id"}`,
        `response-property-renamed /paths/~1users~1{id}/get/responses/200/content/application~1json/schema/properties/user {"from":"appUser","to":"user"}`,
      ].sort(),
    );
  });

  it('finds fields moved deeper into a new envelope, each as its own change, and compares them', async () => {
    const envelope = (body: string, version: string): string =>
      spec(body, `    Client:
      type: object
      properties:
        platform: {type: string}
        deviceId: {type: string}`, version);
    const before = envelope(
      `                type: object
                properties:
                  appUser: {type: object, properties: {_id: {type: string}}}
                  conversation: {type: object, properties: {_id: {type: string}}}
                  client: {$ref: '#/components/schemas/Client'}`,
      '1.0.0',
    );
    const after = envelope(
      `                type: object
                properties:
                  events:
                    type: array
                    items:
                      type: object
                      properties:
                        type: {type: string}
                        payload:
                          type: object
                          properties:
                            user: {type: object, properties: {id: {type: string}}}
                            conversation: {type: object, properties: {id: {type: string}}}
                            client: {type: object, properties: {platform: {type: string}}}`,
      '2.0.0',
    );
    const r = await check(write(before), write(after), { policy: 'tolerant-reader' });
    const got = r.changes.map((c) => `${c.rule} ${JSON.stringify(c.args)}`).sort();
    expect(got).toEqual(
      [
        'response-optional-property-removed {"property":"deviceId","required":false}',
        'response-property-added {"property":"events","required":false}',
        'response-property-moved {"fields":"appUser","into":"events","targets":"[].payload.user"}',
        'response-property-moved {"fields":"client","into":"events","targets":"[].payload.client"}',
        'response-property-moved {"fields":"conversation","into":"events","targets":"[].payload.conversation"}',
        'response-property-renamed {"from":"_id","to":"id"}',
        'response-property-renamed {"from":"_id","to":"id"}',
      ].sort(),
    );
  });

  it('reports nothing inside a renamed field whose schema did not change', async () => {
    const same = spec(
      `                type: object
                properties:
                  account: {$ref: '#/components/schemas/AppUser'}`,
      `    AppUser:
      type: object
      properties:
        _id: {type: string}`,
    );
    const renamed = same.replace('account:', 'accountInfo:').replace('version: 1.0.0', 'version: 2.0.0');
    const r = await check(write(same), write(renamed));
    expect(r.changes.map((c) => `${c.rule} ${JSON.stringify(c.args)}`)).toEqual(['response-property-renamed {"from":"account","to":"accountInfo"}']);
  });
});

describe('a mapped rename onto a name the old object also had', () => {
  it('reports the rename and the removal of the old field of that name, not a change of it', async () => {
    const client = (props: string, version: string): string =>
      spec(`                $ref: '#/components/schemas/Client'`, `    Client:
      type: object
      properties:
${props}`, version);
    const before = client(`        _id: {type: string}
        id: {type: string, description: device id}
        platform: {type: string}`, '1.0.0');
    const after = client(`        id: {type: string}
        platform: {type: string}`, '2.0.0');
    const mapping = write('apicompat: mapping/v1\nproperties:\n  "Client._id": id\n');
    const r = await check(write(before), write(after), { policy: 'tolerant-reader', mappingFile: mapping });
    expect(r.changes.map((c) => `${c.rule} ${JSON.stringify(c.args)}`).sort()).toEqual(
      ['response-optional-property-removed {"property":"id","required":false}', 'response-property-renamed {"from":"_id","to":"id"}'].sort(),
    );
    // Without the mapping, the field of the same name is the same field.
    const plain = await check(write(before), write(after), { policy: 'tolerant-reader' });
    expect(plain.changes.map((c) => `${c.rule} ${JSON.stringify(c.args)}`)).toEqual(['response-optional-property-removed {"property":"_id","required":false}']);
  });
});
