/**
 * Property: every value generated for a schema a client reads (response bodies, webhook
 * payloads) validates against that schema with the ajv oracle. Runs over our fixtures, every
 * OpenAPI document under specs/, and the latest Sunshine Conversations spec when present.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, oracleFor, schemaArbitrary } from '../../src/fuzz/index.js';
import { externalRef, loadYaml, readSchemas, yamlFilesUnder } from './helpers/spec-schemas.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = path.join(ROOT, 'test/fuzz/fixtures');
const SPECS = path.join(ROOT, 'specs');
const SUNSHINE = path.join(ROOT, '../shared/corpus/sunshine-conversations/history/215-2026-06-30-17.12.1.yaml');

function openApiVersion(doc: unknown): string | undefined {
  const v = (doc as { openapi?: unknown } | null)?.openapi;
  return typeof v === 'string' ? v : undefined;
}

function fuzzDocument(file: string, numRuns: number): void {
  const display = path.relative(ROOT, file);
  let doc: unknown;
  try {
    doc = loadYaml(file);
  } catch (error) {
    console.warn(`[fuzz] ${display}: not parsed (${(error as Error).message}); not fuzzed`);
    return;
  }
  const version = openApiVersion(doc);
  if (!version?.startsWith('3.')) {
    console.warn(`[fuzz] ${display}: not an OpenAPI 3.x document; not fuzzed`);
    return;
  }
  const ctx = documentContext(doc, { context: 'response' });
  const seen = new Set<unknown>();
  describe(display, () => {
    for (const read of readSchemas(doc)) {
      const key = (read.schema as { $ref?: unknown } | null)?.$ref ?? read.schema;
      if (seen.has(key)) continue;
      seen.add(key);
      const external = externalRef(doc, read.schema);
      if (external) console.warn(`[fuzz] ${display} ${read.label}: skipped, it uses the reference ${external} outside this document`);
      it.skipIf(external !== undefined)(`${read.kind} ${read.label}`, () => {
        const oracle = oracleFor(ctx);
        let checked = 0;
        fc.assert(
          fc.property(schemaArbitrary(read.schema, ctx), (value) => {
            const result = oracle.validate(read.schema, value);
            checked++;
            if (!result.valid) throw new Error(`generated value rejected: ${result.errors.join('; ')}`);
          }),
          { numRuns, seed: 20260630 },
        );
        expect(checked).toBeGreaterThanOrEqual(numRuns);
      });
    }
  });
}

describe('generated values validate against their schema', () => {
  describe('fixtures', () => {
    const files = yamlFilesUnder(FIXTURES);
    it('has one 3.0 and one 3.1 fixture document', () => {
      const versions = files.map((f) => openApiVersion(loadYaml(f))?.slice(0, 3)).sort();
      expect(versions).toEqual(['3.0', '3.1']);
    });
    for (const file of files) fuzzDocument(file, 50);
  });

  describe('specs/', () => {
    const files = yamlFilesUnder(SPECS);
    if (files.length === 0) console.warn('[fuzz] specs/ holds no YAML documents yet; nothing to fuzz there');
    for (const file of files) fuzzDocument(file, 20);
  });

  describe('Sunshine Conversations 17.12.1', () => {
    const present = existsSync(SUNSHINE);
    if (!present) console.warn(`[fuzz] ${SUNSHINE} is absent (no shared corpus next to the project); Sunshine Conversations fuzzing skipped`);
    it.skipIf(!present)('the corpus spec is an OpenAPI 3 document with response and webhook schemas', () => {
      const doc = loadYaml(SUNSHINE);
      expect(openApiVersion(doc)).toMatch(/^3\./);
      const kinds = new Set(readSchemas(doc).map((s) => s.kind));
      expect([...kinds].sort()).toEqual(['response', 'webhook']);
    });
    if (present) fuzzDocument(SUNSHINE, 20);
  });
});
