import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { toJson } from '../../src/render/json.js';

const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020') as typeof import('ajv').default;
const root = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/check-result.schema.json'), 'utf8')) as object;

describe('json output', () => {
  it('validates against the published JSON Schema', async () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const dir = path.join(root, 'fixtures/rules');
    for (const id of ['response-optional-property-removed', 'request-parameter-added', 'webhook-added']) {
      const r = await check(path.join(dir, id, 'base.yaml'), path.join(dir, id, 'revision.yaml'));
      const out = JSON.parse(JSON.stringify(toJson(r)));
      expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
      expect(out.changes.length).toBeGreaterThan(0);
    }
  });
});
