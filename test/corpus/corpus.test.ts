/**
 * Real specs: every consecutive pair of the Sunshine Conversations history (same API major) and
 * the Stripe pair are checked without a crash; every version against itself reports no change;
 * results are deterministic. Skips, saying why, when ../shared/corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpecs } from '../../src/check.js';
import { loadSpec, type Spec } from '../../src/load/spec.js';
import { builtinPolicy } from '../../src/policy/policy.js';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
const present = existsSync(path.join(corpus, 'sunshine-conversations/index.json'));
if (!present) console.warn(`corpus tests skipped: ${corpus} is absent (it ships beside the project in CI)`);

interface Entry {
  file: string;
  api: string;
  branch: string;
  date: string;
}

describe.skipIf(!present)('real spec corpus', () => {
  const dir = path.join(corpus, 'sunshine-conversations');
  const entries: Entry[] = present ? JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) : [];
  const cache = new Map<string, Promise<Spec>>();
  const load = (f: string): Promise<Spec> => {
    let p = cache.get(f);
    if (!p) cache.set(f, (p = loadSpec(path.join(dir, f))));
    return p;
  };
  const policy = builtinPolicy('tolerant-reader');

  for (const major of ['v1', 'v1.1', 'v2']) {
    it(`Sunshine ${major}: every consecutive pair checks, and each version against itself reports nothing`, async () => {
      const list = entries.filter((e) => e.api === major);
      expect(list.length).toBeGreaterThan(5);
      let pairs = 0;
      for (let i = 0; i < list.length; i++) {
        const spec = await load(list[i]!.file);
        const self = await checkSpecs(spec, spec, { policyObject: policy });
        expect(self.changes, `${list[i]!.file} against itself`).toEqual([]);
        if (i === 0) continue;
        const prev = await load(list[i - 1]!.file);
        const r = await checkSpecs(prev, spec, { policyObject: policy });
        expect(r.summary.total).toBe(r.changes.length);
        pairs++;
        cache.delete(list[i - 1]!.file);
      }
      expect(pairs).toBe(list.length - 1);
    }, 300_000);
  }

  it('results are deterministic and located', async () => {
    const v2 = entries.filter((e) => e.api === 'v2');
    const a = await loadSpec(path.join(dir, v2[0]!.file));
    const b = await loadSpec(path.join(dir, v2[v2.length - 1]!.file));
    const r1 = await checkSpecs(a, b, { policyObject: policy });
    const r2 = await checkSpecs(await loadSpec(path.join(dir, v2[0]!.file)), await loadSpec(path.join(dir, v2[v2.length - 1]!.file)), { policyObject: policy });
    expect(r1.changes.length).toBeGreaterThan(10);
    expect(JSON.stringify(r2.changes)).toBe(JSON.stringify(r1.changes));
    for (const c of r1.changes) expect(c.location.line, `${c.rule} ${c.pointer}`).toBeGreaterThan(0);
  }, 120_000);

  it('Stripe pair: checks, self-diff is empty, deterministic', async () => {
    const a = await loadSpec(path.join(corpus, 'stripe/spec3-2022-01-12.json'));
    const b = await loadSpec(path.join(corpus, 'stripe/spec3-2022-04-12.json'));
    expect((await checkSpecs(a, a)).changes).toEqual([]);
    const r1 = await checkSpecs(a, b);
    const r2 = await checkSpecs(a, b);
    expect(r1.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(r2.changes)).toBe(JSON.stringify(r1.changes));
  }, 120_000);

  it('multi-file trees load with their $ref quirks reported as warnings', async () => {
    const v11 = await loadSpec(path.join(dir, 'multifile/081-2020-09-01-5.29/swagger.yaml'));
    expect(v11.docs.size).toBeGreaterThan(50);
    expect(v11.warnings.some((w) => w.code === 'ref-root-relative')).toBe(true);
    const v2 = await loadSpec(path.join(dir, 'multifile/082-2020-09-30-9.0.0/openapi.yaml'));
    expect(v2.warnings.some((w) => w.code === 'ref-case-mismatch')).toBe(true);
    // the multi-file tree and its bundled single-file form describe the same API
    const bundled = await loadSpec(path.join(dir, 'history/081-2020-09-01-5.29.json'));
    const r = await checkSpecs(bundled, v11);
    expect(r.changes.filter((c) => /^(operation|webhook)-(added|removed)|property-removed|type-changed/.test(c.rule))).toEqual([]);
  }, 120_000);
});
