/**
 * docs/oasdiff-coverage.md maps oasdiff's ERR-level checks to our rules. The table must not drift:
 * every rule it names exists in the catalog, every row names a rule or says why none applies, and
 * the totals in its introduction agree with its rows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/registry.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/oasdiff-coverage.md'), 'utf8');
const ids = new Set((await loadRules()).map((r) => r.id));

interface Row {
  check: string;
  rules: string[];
  note: string;
}

function rows(text: string): Row[] {
  const out: Row[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | check | rules | note |  -> ['', check, rules, note, '']
    if (cells.length !== 5 || !/^[a-z][a-z0-9-]+$/.test(cells[1]!)) continue;
    out.push({ check: cells[1]!, rules: [...cells[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), note: cells[3]! });
  }
  return out;
}

const table = rows(doc);

describe('docs/oasdiff-coverage.md', () => {
  it('has a row per check, each check once', () => {
    expect(table.length).toBeGreaterThan(100);
    expect(new Set(table.map((r) => r.check)).size).toBe(table.length);
  });

  it('names only rules that exist in the catalog', () => {
    const unknown = table.flatMap((r) => r.rules.filter((id) => !ids.has(id)).map((id) => `${r.check} -> ${id}`));
    expect(unknown).toEqual([]);
  });

  it('gives every check a rule, or a reason when none applies', () => {
    for (const r of table) {
      if (r.rules.length) continue;
      expect(doc.split('\n').find((l) => l.startsWith(`| ${r.check} |`)), r.check).toContain('not applicable');
      expect(r.note.length, `${r.check}: reason`).toBeGreaterThan(10);
    }
  });

  it('states totals that agree with the table', () => {
    const m = /(\d+) of (\d+) checks are covered \((\d+) of them[^)]*\), (\d+) are not applicable/.exec(doc);
    expect(m, 'totals sentence').not.toBeNull();
    const [, covered, total, , na] = m!.map(Number);
    expect(total).toBe(table.length);
    expect(covered).toBe(table.filter((r) => r.rules.length).length);
    expect(na).toBe(table.filter((r) => !r.rules.length).length);
  });
});
