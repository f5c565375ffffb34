/**
 * The refactor sets under fixtures/: every equivalent refactor checks clean (no breaking or review
 * change, in both directions, under the strict policy) and every disguised break is reported as
 * breaking by the rules its case file names. See fixtures/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkSpecs } from '../../src/check.js';
import { loadSpec } from '../../src/load/spec.js';
import { builtinPolicy, isBuiltin, loadPolicy } from '../../src/policy/policy.js';
import { loadRules } from '../../src/rules/registry.js';

const root = path.resolve(import.meta.dirname, '../../fixtures');
const rules = await loadRules();
const ruleIds = new Set(rules.map((r) => r.id));

interface CaseFile {
  note?: string;
  breaking?: string[];
  policy?: string;
}

function cases(kind: string): Array<{ name: string; dir: string; meta: CaseFile }> {
  const dir = path.join(root, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'base.yaml')))
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'case.yaml');
      const meta = (existsSync(file) ? yaml.load(readFileSync(file, 'utf8')) : {}) as CaseFile;
      return { name, dir: path.join(dir, name), meta };
    });
}

const notable = (rs: Awaited<ReturnType<typeof checkSpecs>>): string[] =>
  rs.changes.filter((c) => c.verdict === 'breaking' || c.verdict === 'review').map((c) => `${c.verdict} ${c.rule}: ${c.message} (${c.pointer})`);

describe('equivalent refactors check clean', () => {
  const list = cases('equivalent');
  it('the set is not empty', () => expect(list.length).toBeGreaterThan(0));
  for (const c of list) {
    it(`${c.name}: ${c.meta.note ?? ''}`, async () => {
      const a = await loadSpec(path.join(c.dir, 'base.yaml'));
      const b = await loadSpec(path.join(c.dir, 'revision.yaml'));
      const policyObject = builtinPolicy('strict');
      expect(notable(await checkSpecs(a, b, { policyObject })), 'base -> revision').toEqual([]);
      expect(notable(await checkSpecs(b, a, { policyObject })), 'revision -> base').toEqual([]);
    });
  }
});

describe('disguised breaks are caught', () => {
  const list = cases('disguised-breaks');
  it('the set is not empty', () => expect(list.length).toBeGreaterThan(0));
  for (const c of list) {
    it(`${c.name}: ${c.meta.note ?? ''}`, async () => {
      const expected = c.meta.breaking ?? [];
      expect(expected.length, 'case.yaml names the breaking rules').toBeGreaterThan(0);
      for (const id of expected) expect(ruleIds.has(id), `${id} is a rule`).toBe(true);
      const a = await loadSpec(path.join(c.dir, 'base.yaml'));
      const b = await loadSpec(path.join(c.dir, 'revision.yaml'));
      const name = c.meta.policy ?? 'strict';
      const policyObject = isBuiltin(name) ? builtinPolicy(name) : loadPolicy(path.resolve(c.dir, name), rules);
      const r = await checkSpecs(a, b, { policyObject });
      const got = new Set(r.changes.filter((x) => x.verdict === 'breaking').map((x) => x.rule));
      for (const id of expected) expect(got.has(id), `${id} reported as breaking; got ${r.changes.map((x) => `${x.verdict} ${x.rule}`).join(', ')}`).toBe(true);
    });
  }
});
