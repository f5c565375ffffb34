import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedRuleDocs } from '../../src/rules/docs.js';
import { loadRules, ruleFileNames } from '../../src/rules/registry.js';

const rules = await loadRules();
const docsDir = path.resolve(import.meta.dirname, '../../docs/rules');

describe('rule catalog', () => {
  it('each rule file is named after its id, ids are kebab-case and unique', () => {
    const files = ruleFileNames().map((f) => f.replace(/\.(ts|js)$/, ''));
    expect(rules.map((r) => r.id).sort()).toEqual(files.sort());
    for (const r of rules) expect(r.id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('every rule has a summary, a message and a verdict for each built-in policy', () => {
    for (const r of rules) {
      expect(r.summary.length, r.id).toBeGreaterThan(10);
      expect(r.message.length, r.id).toBeGreaterThan(3);
      expect(['breaking', 'compatible', 'review']).toContain(r.verdict.strict);
      expect(['breaking', 'compatible', 'review']).toContain(r.verdict['tolerant-reader']);
    }
  });

  it('docs/rules is generated from the rule metadata (run `npm run docs:rules` after changing a rule)', () => {
    const expected = generatedRuleDocs(rules);
    const onDisk = existsSync(docsDir) ? readdirSync(docsDir).sort() : [];
    expect(onDisk).toEqual([...expected.keys()].sort());
    for (const [f, text] of expected) expect(readFileSync(path.join(docsDir, f), 'utf8'), `docs/rules/${f} is stale`).toBe(text);
  });

  it('the tolerant-reader policy never judges a change stricter than strict does', () => {
    const order = { compatible: 0, review: 1, breaking: 2 } as const;
    for (const r of rules) expect(order[r.verdict['tolerant-reader']], r.id).toBeLessThanOrEqual(order[r.verdict.strict]);
  });
});
