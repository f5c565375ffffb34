/** Generator behaviour beyond validity: directions, recursion, discriminators, limits. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnsatisfiableSchemaError, documentContext, schemaArbitrary, type SchemaContext } from '../../src/fuzz/index.js';
import { loadYaml } from './helpers/spec-schemas.js';

const fixtures = path.join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');
const petstoreDoc = loadYaml(path.join(fixtures, 'petstore-3.0.yaml'));
const chatDoc = loadYaml(path.join(fixtures, 'chat-3.1.yaml'));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const sample = (schema: unknown, ctx: SchemaContext, numRuns = 100) => fc.sample(schemaArbitrary(schema, ctx), { numRuns, seed: 99 });

function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('schemaArbitrary', () => {
  it('omits writeOnly properties in responses and readOnly ones in requests', () => {
    const responses = sample(ref('Pet'), documentContext(petstoreDoc, { context: 'response' })) as Array<Record<string, unknown>>;
    const requests = sample(ref('Pet'), documentContext(petstoreDoc, { context: 'request' })) as Array<Record<string, unknown>>;
    expect(responses.every((p) => !('apiSecret' in p) && 'id' in p)).toBe(true);
    expect(requests.every((p) => !('id' in p))).toBe(true);
    expect(requests.some((p) => 'apiSecret' in p)).toBe(true);
    const viaOption = fc.sample(schemaArbitrary(ref('Pet'), documentContext(petstoreDoc), { context: 'request' }), { numRuns: 50, seed: 1 });
    expect(viaOption.every((p) => !('id' in (p as object)))).toBe(true);
  });

  it('sets the discriminator to the value that selects the generated branch', () => {
    const ctx = documentContext(petstoreDoc, { context: 'response' });
    for (const e of sample(ref('Expression'), ctx) as Array<Record<string, unknown>>) {
      expect(e.kind === 'bin' ? 'left' in e && 'right' in e : e.kind === 'lit' && 'value' in e).toBe(true);
    }
    for (const s of sample(ref('Shape'), ctx) as Array<Record<string, unknown>>) {
      expect(s.shapeType === 'Circle' ? 'radius' in s : s.shapeType === 'Square' && 'side' in s).toBe(true);
    }
    const vehicles = sample(ref('Vehicle'), ctx) as Array<Record<string, unknown>>;
    for (const v of vehicles) expect(v.type === 'bike' ? 'gears' in v : v.type === 'car').toBe(true);
    expect(new Set(vehicles.map((v) => v.type))).toEqual(new Set(['car', 'bike']));
  });

  it('produces null for nullable schemas in both dialects', () => {
    const list = sample(ref('LinkedList'), documentContext(petstoreDoc)) as Array<{ next: unknown }>;
    expect(list.some((l) => l.next === null)).toBe(true);
    const messages = sample(ref('MessageList'), documentContext(chatDoc, { context: 'response' }), 60) as Array<{ meta: { afterCursor?: unknown } }>;
    expect(messages.some((m) => m.meta.afterCursor === null)).toBe(true);
  });

  it('bounds recursion by maxDepth and always terminates, even with required recursion', () => {
    for (const maxDepth of [0, 1, 4]) {
      const ctx = documentContext(petstoreDoc, { maxDepth });
      const trees = sample(ref('TreeNode'), ctx, 50);
      const limit = 2 * (maxDepth + 1) + 2;
      expect(Math.max(...trees.map(depthOf))).toBeLessThanOrEqual(limit);
      expect(sample(ref('LinkedList'), ctx, 20)).toHaveLength(20);
      expect(sample(ref('Category'), documentContext(chatDoc, { maxDepth }), 20)).toHaveLength(20);
    }
    const deep = sample(ref('TreeNode'), documentContext(petstoreDoc, { maxDepth: 4 }), 100);
    const shallow = sample(ref('TreeNode'), documentContext(petstoreDoc, { maxDepth: 0 }), 100);
    expect(Math.max(...deep.map(depthOf))).toBeGreaterThan(Math.max(...shallow.map(depthOf)));
  });

  it('reports schemas no value can satisfy instead of hanging', () => {
    const doc = {
      openapi: '3.1.0',
      components: { schemas: { Loop: { type: 'object', required: ['self'], properties: { self: { $ref: '#/components/schemas/Loop' } } } } },
    };
    const ctx = documentContext(doc);
    expect(() => sample(ref('Loop'), ctx, 1)).toThrow(UnsatisfiableSchemaError);
    expect(() => schemaArbitrary({ type: 'object', required: ['a'], properties: { a: false } }, ctx)).toThrow(UnsatisfiableSchemaError);
    expect(() => schemaArbitrary({ type: 'string', enum: ['a'], minLength: 3, pattern: '^b' }, ctx)).toThrow(UnsatisfiableSchemaError);
  });

  it('memoises per schema object, across copies of a context', () => {
    const ctx = documentContext(petstoreDoc, { context: 'response' });
    const schema = ref('PetPage');
    expect(schemaArbitrary(schema, ctx)).toBe(schemaArbitrary(schema, { ...ctx }));
    expect(schemaArbitrary(schema, ctx)).not.toBe(schemaArbitrary(schema, { ...ctx, context: 'request' }));
  });

  it('generates extra keys only where additionalProperties allows them', () => {
    const ctx = documentContext(petstoreDoc);
    const sinks = sample(ref('KitchenSink'), ctx, 80) as Array<Record<string, Record<string, unknown> | undefined>>;
    expect(sinks.every((s) => !s.closed || Object.keys(s.closed).every((k) => k === 'only'))).toBe(true);
    expect(sinks.some((s) => s.labels && Object.keys(s.labels).length > 0)).toBe(true);
    expect(sinks.some((s) => s.free && Object.keys(s.free).length > 0)).toBe(true);
  });

  it('gives the empty schema values of every JSON type', () => {
    const kinds = new Set(sample({}, documentContext(chatDoc), 200).map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
    expect(kinds).toEqual(new Set(['null', 'boolean', 'number', 'string', 'array', 'object']));
  });
});

describe('schemaArbitrary around unsatisfiable parts', () => {
  it('leaves out an optional property whose schema has no finite instance', () => {
    const doc = {
      openapi: '3.0.3',
      components: {
        schemas: {
          Loop: { type: 'object', required: ['self'], properties: { self: { $ref: '#/components/schemas/Loop' } } },
          Holder: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, loop: { $ref: '#/components/schemas/Loop' } } },
        },
      },
    };
    const values = sample(ref('Holder'), documentContext(doc), 30) as Array<Record<string, unknown>>;
    expect(values.every((v) => typeof v.name === 'string' && !('loop' in v))).toBe(true);
  });
});

describe('schemaArbitrary strings', () => {
  it('honours patterns (including escapes only non-unicode regexes allow) together with length bounds', () => {
    const ctx = documentContext(petstoreDoc);
    const schema = { type: 'string', pattern: '^[a-z\\_]{2,}$', maxLength: 6 };
    for (const s of sample(schema, ctx, 60) as string[]) {
      expect(s).toMatch(/^[a-z_]{2,6}$/);
    }
  });
});
