/**
 * Every rule has a fixture pair under fixtures/rules/<rule-id>/ (base.yaml, revision.yaml) and
 * checking that pair reports the rule with the verdict its metadata gives under each built-in policy.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpecs } from '../../src/check.js';
import { loadSpec } from '../../src/load/spec.js';
import { builtinPolicy } from '../../src/policy/policy.js';
import { loadRules } from '../../src/rules/registry.js';

const root = path.resolve(import.meta.dirname, '../../fixtures/rules');
const rules = await loadRules();

describe('rule fixtures', () => {
  it('every rule has a fixture pair and every fixture names a rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    const dirs = existsSync(root) ? readdirSync(root) : [];
    const missing = rules.filter((r) => !existsSync(path.join(root, r.id, 'base.yaml')) || !existsSync(path.join(root, r.id, 'revision.yaml'))).map((r) => r.id);
    expect(missing).toEqual([]);
    expect(dirs.filter((d) => !ids.has(d))).toEqual([]);
  });

  for (const rule of rules) {
    const dir = path.join(root, rule.id);
    if (!existsSync(path.join(dir, 'base.yaml'))) continue;
    it(`${rule.id} is reported for its fixture pair with its verdicts`, async () => {
      const base = await loadSpec(path.join(dir, 'base.yaml'));
      const rev = await loadSpec(path.join(dir, 'revision.yaml'));
      for (const name of ['strict', 'tolerant-reader'] as const) {
        const result = await checkSpecs(base, rev, { policyObject: builtinPolicy(name) });
        const hits = result.changes.filter((c) => c.rule === rule.id);
        expect(hits.length, `${rule.id} under ${name}: got ${result.changes.map((c) => c.rule).join(', ')}`).toBeGreaterThan(0);
        for (const h of hits) {
          expect(h.verdict).toBe(rule.verdict[name]);
          expect(h.location.line).toBeGreaterThan(0);
          for (const [, name] of rule.message.matchAll(/\{(\w+)\}/g)) expect(h.args[name!], `${rule.id}: argument ${name} of the message`).toBeDefined();
        }
      }
    });
  }
});
