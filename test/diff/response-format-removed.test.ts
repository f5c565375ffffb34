/**
 * A format dropped from a response value is its own rule: breaking under strict, compatible under
 * the tolerant reader and under the Sunshine policy's relaxing-restrictions clause. The real pairs
 * of the Sunshine history that drop `format: uri` (167 -> 168, 142 -> 143) no longer break.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpecs } from '../../src/check.js';
import { loadSpec } from '../../src/load/spec.js';
import { builtinPolicy, loadPolicy } from '../../src/policy/policy.js';
import { loadRules } from '../../src/rules/registry.js';

const project = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(project, 'fixtures/rules/response-format-removed');
const rules = await loadRules();
const sunshine = loadPolicy(path.join(project, 'specs/sunshine-conversations/policy.yaml'), rules);

describe('response-format-removed', () => {
  it('is its own rule, apart from response-format-changed, with a verdict per policy', async () => {
    const a = await loadSpec(path.join(fixture, 'base.yaml'));
    const b = await loadSpec(path.join(fixture, 'revision.yaml'));
    const verdicts = async (policyObject: ReturnType<typeof builtinPolicy>): Promise<string[]> =>
      (await checkSpecs(a, b, { policyObject })).changes.filter((c) => c.rule.startsWith('response-format')).map((c) => `${c.rule} ${c.verdict}`);
    expect(await verdicts(builtinPolicy('strict'))).toEqual(['response-format-removed breaking']);
    expect(await verdicts(builtinPolicy('tolerant-reader'))).toEqual(['response-format-removed compatible']);
    expect(await verdicts(sunshine)).toEqual(['response-format-removed compatible']);
    const reason = (await checkSpecs(a, b, { policyObject: sunshine })).changes.find((c) => c.rule === 'response-format-removed')?.reason ?? '';
    expect(reason).toContain('relaxed-restrictions');
  });

  it('a changed format is still response-format-changed', async () => {
    const dir = path.join(project, 'fixtures/rules/response-format-changed');
    const r = await checkSpecs(await loadSpec(path.join(dir, 'base.yaml')), await loadSpec(path.join(dir, 'revision.yaml')), { policyObject: sunshine });
    expect(r.changes.filter((c) => c.rule.startsWith('response-format')).map((c) => `${c.rule} ${c.verdict}`)).toEqual(['response-format-changed breaking']);
  });
});

const corpus = path.resolve(project, '../shared/corpus/sunshine-conversations');
const present = existsSync(path.join(corpus, 'index.json'));
if (!present) console.warn(`real format-removal pairs skipped: ${corpus} is absent`);

describe.skipIf(!present)('real Sunshine pairs that drop format: uri from a response', () => {
  for (const [from, to] of [
    ['history/167-2024-11-20-13.2.0.yaml', 'history/168-2024-11-22-14.0.0.yaml'],
    ['history/142-2023-09-14-10.0.1.yaml', 'history/143-2023-11-02-11.0.0.yaml'],
  ] as const) {
    it(`${path.basename(from)} -> ${path.basename(to)}: removal reported, not breaking under the Sunshine policy`, async () => {
      const r = await checkSpecs(await loadSpec(path.join(corpus, from)), await loadSpec(path.join(corpus, to)), { policyObject: sunshine, locate: false });
      const removed = r.changes.filter((c) => c.rule === 'response-format-removed');
      expect(removed.length).toBeGreaterThan(0);
      expect(removed.every((c) => c.verdict === 'compatible' && c.args['from'] === 'uri')).toBe(true);
      expect(r.changes.filter((c) => c.rule.startsWith('response-format') && c.verdict === 'breaking')).toEqual([]);
    });
  }
});
