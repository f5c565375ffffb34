import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { unknownDiscriminatorValue } from '../../../src/fuzz/evolutions/unknown-discriminator-value.js';
import { loadYaml } from '../helpers/spec-schemas.js';
import { evolvedPairs } from '../helpers/evolve.js';

const fixtures = path.join(fileURLToPath(new URL('..', import.meta.url)), 'fixtures');
const petstore = documentContext(loadYaml(path.join(fixtures, 'petstore-3.0.yaml')), { context: 'response' });
const chat = documentContext(loadYaml(path.join(fixtures, 'chat-3.1.yaml')), { context: 'response' });

describe('unknown-discriminator-value', () => {
  it('turns a discriminated object into an unknown variant keeping only common fields', () => {
    const schema = { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Shape' } };
    fc.assert(
      fc.property(evolvedPairs(unknownDiscriminatorValue, schema, petstore), ({ evolved }) => {
        const variant = getAt(evolved.value, parsePath(evolved.path)) as Record<string, unknown>;
        expect(['Circle', 'Square']).not.toContain(variant.shapeType);
        expect(typeof variant.shapeType).toBe('string');
        expect(variant).not.toHaveProperty('radius');
        expect(variant).not.toHaveProperty('side');
      }),
      { numRuns: 40, seed: 1 },
    );
  });

  it('uses explicit mappings and base-schema (allOf) discriminators', () => {
    for (const [name, known] of [
      ['Expression', ['bin', 'lit']],
      ['Vehicle', ['car', 'bike']],
    ] as const) {
      const schema = { $ref: `#/components/schemas/${name}` };
      const property = name === 'Expression' ? 'kind' : 'type';
      fc.assert(
        fc.property(evolvedPairs(unknownDiscriminatorValue, schema, petstore), ({ evolved }) => {
          const variant = getAt(evolved.value, parsePath(evolved.path)) as Record<string, unknown>;
          expect(known).not.toContain(variant[property]);
        }),
        { numRuns: 30, seed: 2 },
      );
    }
  });

  it('treats a union whose branches all fix a `type` value as a family (3.1 const)', () => {
    const schema = { $ref: '#/components/schemas/Content' };
    fc.assert(
      fc.property(evolvedPairs(unknownDiscriminatorValue, schema, chat), ({ evolved }) => {
        const variant = getAt(evolved.value, parsePath(evolved.path)) as Record<string, unknown>;
        expect(['text', 'image', 'location']).not.toContain(variant.type);
      }),
      { numRuns: 30, seed: 3 },
    );
    const implicit = { anyOf: [{ $ref: '#/components/schemas/MessageEvent' }, { $ref: '#/components/schemas/TypingEvent' }] };
    const atRoot = fc.sample(evolvedPairs(unknownDiscriminatorValue, implicit, chat), { numRuns: 40, seed: 4 }).filter((p) => p.evolved.path === '$');
    expect(atRoot.length).toBeGreaterThan(0);
    for (const { evolved } of atRoot) {
      expect(['conversation:message', 'conversation:typing']).not.toContain((evolved.value as { type: string }).type);
    }
  });

  it('does not apply to plain objects', () => {
    expect(unknownDiscriminatorValue.applies({ a: 1 }, { type: 'object', properties: { a: { type: 'integer' } } }, petstore)).toBe(false);
  });
});
