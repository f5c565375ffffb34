/**
 * The rule catalog: every module under ./catalog is one rule, found at run time, so adding a
 * rule means adding its file (and its fixture pair) and nothing else.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Rule } from './define.js';

let loaded: Rule[] | undefined;

export const CATALOG_DIR = fileURLToPath(new URL('./catalog/', import.meta.url));

export function ruleFileNames(): string[] {
  return readdirSync(CATALOG_DIR)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
}

export async function loadRules(): Promise<Rule[]> {
  if (loaded) return loaded;
  const files = ruleFileNames();
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(path.join(CATALOG_DIR, f)).href) as Promise<{ default: Rule }>));
  const rules = mods.map((m, i) => {
    if (!m.default || typeof m.default.id !== 'string') throw new Error(`rule module ${files[i]} has no default rule export`);
    return m.default;
  });
  rules.sort((a, b) => a.id.localeCompare(b.id));
  loaded = rules;
  return rules;
}
