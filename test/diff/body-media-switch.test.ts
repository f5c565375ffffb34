/** A request body that switched from JSON to a form keeps its fields: the two schemas are compared. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('media-switch');

const spec = (media: string, props: string, version: string): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /token:
    post:
      requestBody:
        required: true
        content:
          ${media}:
            schema:
              type: object
              properties:
${props}
      responses:
        '200': {description: ok}
`;

describe('request body media type switched', () => {
  it('compares the JSON schema with the form schema', async () => {
    const before = spec('application/json', '                apiKey: {type: string}\n                scope: {type: string}', '1.0.0');
    const after = spec('application/x-www-form-urlencoded', '                apiKey: {type: string, maxLength: 64}\n                scope: {type: string}', '2.0.0');
    const r = await check(write(before), write(after));
    expect(r.changes.map((c) => `${c.rule} ${JSON.stringify(c.args)}`).sort()).toEqual(
      [
        'request-limit-tightened {"keyword":"maxLength","from":"none","to":64,"tightened":true}',
        'request-media-type-removed {"mediaType":"application/json"}',
        'request-media-type-added {"mediaType":"application/x-www-form-urlencoded"}',
      ].sort(),
    );
  });

  it('does not compare two unrelated media types', async () => {
    const before = spec('application/json', '                apiKey: {type: string}', '1.0.0');
    const after = spec('text/plain', '                apiKey: {type: string, maxLength: 64}', '2.0.0');
    const r = await check(write(before), write(after));
    expect(r.changes.map((c) => c.rule).sort()).toEqual(['request-media-type-added', 'request-media-type-removed']);
  });
});
