/** The validation oracle accepts what OpenAPI allows and rejects what it does not. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentContext, oracleFor, validateValue } from '../../src/fuzz/index.js';
import { loadYaml } from './helpers/spec-schemas.js';

const fixtures = path.join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');
const petstoreDoc = loadYaml(path.join(fixtures, 'petstore-3.0.yaml'));
const chatDoc = loadYaml(path.join(fixtures, 'chat-3.1.yaml'));
const response30 = documentContext(petstoreDoc, { context: 'response' });
const request30 = documentContext(petstoreDoc, { context: 'request' });
const response31 = documentContext(chatDoc, { context: 'response' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const valid = (schema: unknown, value: unknown, ctx = response30) => validateValue(schema, value, ctx).valid;

describe('oracle, OpenAPI 3.0', () => {
  it('treats nullable as an extra null alternative, and only there', () => {
    expect(valid(ref('LinkedList'), { head: 'a', next: null })).toBe(true);
    expect(valid(ref('LinkedList'), { head: null, next: null })).toBe(false);
    const id = '0b9e7c2e-3d4f-4a51-9c1e-2f3a4b5c6d7e';
    expect(valid(ref('Pet'), { id, name: 'Rex', kind: 'cat', status: null, owner: null })).toBe(true);
    expect(valid(ref('Pet'), { id, name: 'Rex', kind: null })).toBe(false);
    expect(valid(ref('Pet'), { id: 'x', name: 'Rex', kind: 'cat' })).toBe(false);
  });

  it('reads boolean exclusive bounds', () => {
    expect(valid(ref('Circle'), { shapeType: 'Circle', radius: 0 })).toBe(false);
    expect(valid(ref('Circle'), { shapeType: 'Circle', radius: 0.1 })).toBe(true);
  });

  it('dispatches discriminated unions on the discriminator value (explicit and implicit mapping)', () => {
    expect(valid(ref('Expression'), { kind: 'lit', value: 2 })).toBe(true);
    expect(valid(ref('Expression'), { kind: 'bin', op: '+', left: { kind: 'lit', value: 1 }, right: { kind: 'lit', value: 2 } })).toBe(true);
    expect(valid(ref('Expression'), { kind: 'bin', value: 2 })).toBe(false);
    expect(valid(ref('Expression'), { kind: 'Literal', value: 2 })).toBe(false);
    expect(valid(ref('Expression'), { kind: 'other', value: 2 })).toBe(false);
    expect(valid(ref('Shape'), { shapeType: 'Square', side: 1 })).toBe(true);
    expect(valid(ref('Shape'), { shapeType: 'Circle', side: 1 })).toBe(false);
  });

  it('checks required properties, additionalProperties: false and known formats', () => {
    const meta = { after: null };
    expect(valid(ref('PetPage'), { items: [], meta })).toBe(true);
    expect(valid(ref('PetPage'), { items: [] })).toBe(false);
    expect(valid(ref('PetPage'), { items: [], meta: { ...meta, extra: 1 } })).toBe(false);
    const person = (email: string) => ({ displayName: 'A', email });
    expect(valid(ref('Person'), person('a@example.com'))).toBe(true);
    expect(valid(ref('Person'), person('not an email'))).toBe(false);
    expect(valid({ type: 'string', format: 'snowflake' }, 'anything goes')).toBe(true);
    expect(valid({ type: 'string', format: 'date-time' }, '2026-06-30T17:12:01Z')).toBe(true);
    expect(valid({ type: 'string', format: 'date-time' }, '2026-06-30')).toBe(false);
  });

  it('drops readOnly properties from required in requests and writeOnly ones in responses', () => {
    const pet = { name: 'Rex', kind: 'dog' };
    expect(valid(ref('Pet'), pet, request30)).toBe(true);
    expect(valid(ref('Pet'), pet, response30)).toBe(false);
    const required = { type: 'object', required: ['secret'], properties: { secret: { type: 'string', writeOnly: true } } };
    expect(valid(required, {}, response30)).toBe(true);
    expect(valid(required, {}, request30)).toBe(false);
  });

  it('hands ajv plain JSON Schema (no OpenAPI-only keywords)', () => {
    const schemas = (petstoreDoc as { components: { schemas: Record<string, unknown> } }).components.schemas;
    for (const schema of Object.values(schemas)) {
      const text = JSON.stringify(oracleFor(response30).jsonSchema(schema));
      expect(text).not.toMatch(/"(nullable|discriminator|example|externalDocs|deprecated|x-internal)"/);
    }
  });
});

describe('oracle, OpenAPI 3.1', () => {
  const v = (schema: unknown, value: unknown) => valid(schema, value, response31);

  it('reads type arrays, const, prefixItems and numeric exclusive bounds', () => {
    expect(v(ref('Misc'), { flags: ['a'], ratio: 1, tuple: ['x', 1], mixed: null, exact: 42 })).toBe(true);
    expect(v(ref('Misc'), { flags: ['a'], ratio: 0, tuple: ['x', 1], mixed: null, exact: 42 })).toBe(false);
    expect(v(ref('Misc'), { flags: ['a'], ratio: 1, tuple: ['x', 1, 2], mixed: null, exact: 42 })).toBe(false);
    expect(v(ref('Misc'), { flags: ['a'], ratio: 1, tuple: ['x', 1], mixed: 1.5, exact: 42 })).toBe(false);
    expect(v(ref('Misc'), { flags: ['a', 'a'], ratio: 1, tuple: ['x', 1], mixed: 'm', exact: 42 })).toBe(false);
    expect(v(ref('Misc'), { flags: ['a'], ratio: 1, tuple: ['x', 1], mixed: 'm', exact: 41 })).toBe(false);
  });

  it('applies keywords next to $ref and follows recursion', () => {
    const author = { type: 'user', userId: 'u1' };
    const message = (quoted: unknown) => ({
      id: 'a'.repeat(24),
      received: '2026-01-01T00:00:00Z',
      author,
      content: { type: 'text', text: 'hi' },
      quotedMessage: quoted,
    });
    expect(v(ref('Message'), message(message(message(null))))).toBe(true);
    expect(v(ref('Message'), message(message({ id: 'short' })))).toBe(false);
    expect(v({ $ref: '#/components/schemas/Author', maxProperties: 1 }, author)).toBe(false);
    expect(v({ type: 'string', not: { const: '' } }, '')).toBe(false);
  });
});

describe('oracle patterns', () => {
  it('accepts patterns written for non-unicode regexes, as the generator does', () => {
    const schema = { type: 'string', pattern: '^[a-z\\_]+$' };
    expect(valid(schema, 'a_b')).toBe(true);
    expect(valid(schema, 'A')).toBe(false);
  });
});
