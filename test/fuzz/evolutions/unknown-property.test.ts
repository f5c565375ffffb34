import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { unknownProperty } from '../../../src/fuzz/evolutions/unknown-property.js';
import { loadYaml } from '../helpers/spec-schemas.js';
import { evolvedPairs, lastKey } from '../helpers/evolve.js';

const doc = loadYaml(path.join(fileURLToPath(new URL('..', import.meta.url)), 'fixtures/petstore-3.0.yaml'));
const ctx = documentContext(doc, { context: 'response' });
const PET_PROPERTIES = ['id', 'name', 'apiSecret', 'kind', 'tags', 'owner', 'status', 'birthDate'];

describe('unknown-property', () => {
  it('adds a key that no part of an allOf schema declares', () => {
    const schema = { $ref: '#/components/schemas/Pet' };
    fc.assert(
      fc.property(evolvedPairs(unknownProperty, schema, ctx), ({ original, evolved }) => {
        const segments = parsePath(evolved.path);
        const key = lastKey(evolved.path) as string;
        const container = getAt(original, segments.slice(0, -1)) as Record<string, unknown>;
        expect(Object.keys(container)).not.toContain(key);
        if (segments.length === 1) expect(PET_PROPERTIES).not.toContain(key);
        expect(Object.keys(getAt(evolved.value, segments.slice(0, -1)) as object)).toContain(key);
      }),
      { numRuns: 50, seed: 5 },
    );
  });

  it('never picks a property declared by any branch of a union', () => {
    const schema = { $ref: '#/components/schemas/Expression' };
    fc.assert(
      fc.property(evolvedPairs(unknownProperty, schema, ctx), ({ evolved }) => {
        expect(['kind', 'op', 'left', 'right', 'value']).not.toContain(lastKey(evolved.path));
      }),
      { numRuns: 50, seed: 6 },
    );
  });
});
