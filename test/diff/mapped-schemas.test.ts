/** Component schemas paired by the mapping file are compared in the directions the revision reads them in. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('mapped-schemas');

// v1 returns the conversation beside a message; v2 only from an operation v1 does not have.
const v1 = `openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /messages:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  conversation: {$ref: '#/components/schemas/Conversation'}
components:
  schemas:
    Conversation:
      type: object
      properties:
        _id: {type: string}
        unreadCount: {type: integer}
    Unused:
      type: object
      properties:
        a: {type: string}
`;
const v2 = `openapi: 3.0.3
info: {title: t, version: 2.0.0}
paths:
  /messages:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /conversations/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Conversation'}
components:
  schemas:
    Conversation:
      type: object
      properties:
        _id: {type: string}
        displayName: {type: string}
    Unused:
      type: object
      properties:
        b: {type: string}
`;

describe('schemas: in the mapping file', () => {
  it('compares the paired schemas as responses, where the revision uses them, and nothing the revision does not use', async () => {
    const mapping = write('apicompat: mapping/v1\nschemas:\n  Conversation: Conversation\n  Unused: Unused\n');
    const r = await check(write(v1), write(v2), { policy: 'tolerant-reader', mappingFile: mapping });
    const inside = r.changes.filter((c) => c.pointer.startsWith('/components/schemas/')).map((c) => `${c.rule} ${c.pointer} ${JSON.stringify(c.args)}`);
    expect(inside.sort()).toEqual(
      [
        'response-optional-property-removed /components/schemas/Conversation {"property":"unreadCount","required":false}',
        'response-property-added /components/schemas/Conversation/properties/displayName {"property":"displayName","required":false}',
      ].sort(),
    );
  });

  it('compares nothing more without the section', async () => {
    const r = await check(write(v1), write(v2), { policy: 'tolerant-reader' });
    expect(r.changes.filter((c) => c.pointer.startsWith('/components/schemas/'))).toEqual([]);
  });
});

describe('parameters: in the mapping file', () => {
  it('makes the old parameters and the one replacing them one rename', async () => {
    const op = (params: string, version: string): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /attachments:
    post:
      parameters:
${params}
      responses:
        '200': {description: ok}
`;
    const before = op('        - {name: appUserId, in: query, schema: {type: string}}\n        - {name: userId, in: query, schema: {type: string}}', '1.0.0');
    const after = op('        - {name: conversationId, in: query, schema: {type: string}}', '2.0.0');
    const mapping = write('apicompat: mapping/v1\nparameters:\n  "POST /attachments":\n    appUserId: conversationId\n    userId: conversationId\n');
    const r = await check(write(before), write(after), { policy: 'tolerant-reader', mappingFile: mapping });
    expect(r.changes.map((c) => `${c.rule} ${c.verdict} ${JSON.stringify(c.args)}`)).toEqual(['request-parameter-renamed breaking {"in":"query","from":"appUserId, userId","to":"conversationId"}']);
    const plain = await check(write(before), write(after), { policy: 'tolerant-reader' });
    expect(plain.changes.map((c) => c.rule).sort()).toEqual(['request-parameter-added', 'request-parameter-removed', 'request-parameter-removed']);
  });
});
