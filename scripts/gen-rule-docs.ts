import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatedRuleDocs } from '../src/rules/docs.js';
import { loadRules } from '../src/rules/registry.js';

const dir = path.resolve(import.meta.dirname, '../docs/rules');
mkdirSync(dir, { recursive: true });
const docs = generatedRuleDocs(await loadRules());
for (const f of readdirSync(dir)) if (!docs.has(f)) rmSync(path.join(dir, f));
for (const [f, text] of docs) writeFileSync(path.join(dir, f), text);
console.log(`wrote ${docs.size} files to docs/rules`);
