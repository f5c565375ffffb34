/** A renamed field whose values are a component enum that renamed some values. */
import { describe, expect, it } from 'vitest';
import { changelog } from '../../src/changelog/guide.js';
import { tempFolder } from '../support/temp.js';

const { write } = tempFolder('enum-field');

const spec = (field: string, values: string, version: string): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /messages:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Destination'}
      responses:
        '204': {description: sent}
  /channels:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Kind'}
components:
  schemas:
    Kind: {type: string, enum: [${values}]}
    Destination:
      type: object
      properties:
        id: {type: string}
        ${field}: {$ref: '#/components/schemas/Kind'}
`;

describe('a renamed field whose enum renamed values', () => {
  it('lists the renamed values under the schema holding the field, besides the enum line', async () => {
    const mapping = write(`apicompat: mapping/v1
enums:
  Kind:
    apn: ios
`);
    const g = await changelog(write(spec('type', 'apn, web', '1.0.0')), write(spec('channelType', 'ios, web', '2.0.0')), { mappingFile: mapping });
    const renames = g.lines.filter((l) => l.kind === 'enum-value-renamed').map((l) => ({ subject: l.subject, from: l.from, to: l.to }));
    expect(renames).toEqual([
      { subject: 'Destination', from: ['apn', 'type: apn'], to: ['ios', 'channelType: ios'] },
      { subject: 'Kind', from: ['apn'], to: ['ios'] },
    ]);
    expect(g.lines.filter((l) => l.kind === 'property-renamed').map((l) => `${l.subject} ${l.from.join()} ${l.to.join()}`)).toEqual(['Destination type channelType']);
  });

  it('adds nothing when the enum kept its values', async () => {
    const g = await changelog(write(spec('type', 'apn, web', '1.0.0')), write(spec('channelType', 'apn, web', '2.0.0')));
    expect(g.lines.filter((l) => l.kind === 'enum-value-renamed')).toEqual([]);
  });
});
