/**
 * Benchmark: our check time beside the parse floor (reading + parsing both files) in the same run,
 * on the Stripe pair and on every consecutive pair of the Sunshine Conversations v2 history.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { checkSpecs } from '../src/check.js';
import { loadSpec } from '../src/load/spec.js';
import { builtinPolicy } from '../src/policy/policy.js';
import { loadRules } from '../src/rules/registry.js';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`bench skipped: ${corpus} is absent`);
  process.exit(0);
}
await loadRules();
const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;
const floor = (files: string[]): number => {
  const t = performance.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (f.endsWith('.json')) JSON.parse(text);
    else jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  }
  return performance.now() - t;
};

const stripe = ['spec3-2022-01-12.json', 'spec3-2022-04-12.json'].map((f) => path.join(corpus, 'stripe', f));
floor(stripe); // warm-up
const stripeFloor = floor(stripe);
const t0 = performance.now();
const [a, b] = await Promise.all(stripe.map((f) => loadSpec(f)));
const r = await checkSpecs(a!, b!);
const stripeOurs = performance.now() - t0;
console.log(`Stripe pair: floor ${stripeFloor.toFixed(0)} ms, check ${stripeOurs.toFixed(0)} ms (${(stripeOurs / stripeFloor).toFixed(1)}x), ${r.changes.length} changes`);

const dir = path.join(corpus, 'sunshine-conversations');
const entries = (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as Array<{ file: string; api: string }>).filter((e) => e.api === 'v2');
const files = entries.map((e) => path.join(dir, e.file));
const sunFloor = floor(files);
const t1 = performance.now();
let prev = await loadSpec(files[0]!);
let changes = 0;
const policy = builtinPolicy('tolerant-reader');
for (const f of files.slice(1)) {
  const cur = await loadSpec(f);
  changes += (await checkSpecs(prev, cur, { policyObject: policy })).changes.length;
  prev = cur;
}
console.log(`Sunshine v2 history: ${files.length - 1} pairs, floor ${sunFloor.toFixed(0)} ms (each file parsed once), check ${ms(t1)}, ${changes} changes`);
