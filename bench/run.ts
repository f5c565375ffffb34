/**
 * Benchmark: our check time beside the parse floor (reading + parsing both files) in the same run,
 * on the Stripe pair and on every consecutive pair of the Sunshine Conversations v2 history;
 * then the client tolerance suite: generated payloads per second for the largest Sunshine v2
 * response schemas, and the time an intolerant client takes to be caught.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { check, checkSpecs } from '../src/check.js';
import { loadSpec } from '../src/load/spec.js';
import { builtinPolicy } from '../src/policy/policy.js';
import { loadRules } from '../src/rules/registry.js';
import fc from 'fast-check';
import { schemaArbitrary } from '../src/fuzz/schema-arbitrary.js';
import { runClientTolerance } from '../src/suites/client.js';
import { loadSpecForSuite } from '../src/suites/spec-operations.js';

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
// What `apicompat check a.json b.json` does: load, validate, diff, classify, locate. The first
// run pays for compiling code paths once, as a command-line run does; the best of the next runs
// is what a long-lived process (a test runner, a server) pays.
const runCheck = async (): Promise<{ ms: number; changes: number }> => {
  const t = performance.now();
  const r = await check(stripe[0]!, stripe[1]!);
  return { ms: performance.now() - t, changes: r.changes.length };
};
const cold = await runCheck();
let warm = Infinity;
for (let i = 0; i < 3; i++) warm = Math.min(warm, (await runCheck()).ms);
const stripeFloorBest = Math.min(stripeFloor, floor(stripe), floor(stripe));
console.log(
  `Stripe pair: floor ${stripeFloorBest.toFixed(0)} ms; check ${cold.ms.toFixed(0)} ms first run (${(cold.ms / stripeFloorBest).toFixed(1)}x), ` +
    `${warm.toFixed(0)} ms best of 3 after it (${(warm / stripeFloorBest).toFixed(1)}x); ${cold.changes} changes`,
);

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

// Client tolerance suite: generation speed on the largest response schemas, time to catch a client.
const schemaSize = (root: unknown, resolve: (ref: string) => unknown): number => {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') visit(resolve(ref));
    for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'examples') visit(v);
  };
  visit(root);
  return seen.size;
};
// History files are numbered in date order; the suites read single-file specs.
const latestV2 = entries.filter((e) => e.file.startsWith('history/')).sort((x, y) => x.file.localeCompare(y.file)).at(-1)!;
const sources = [path.resolve(import.meta.dirname, '../specs/sunshine-conversations/v2.yaml'), path.join(dir, latestV2.file)];
const SAMPLES = 2000;
for (const source of sources) {
  const loaded = await loadSpecForSuite(source);
  const bodies = new Map<unknown, string>();
  for (const op of loaded.model.operations.values()) {
    for (const [status, response] of op.responses) {
      const schema = [...response.content.values()].find((m) => /json/i.test(m.mediaType))?.schema;
      if (schema && status.startsWith('2') && !bodies.has(schema.value)) bodies.set(schema.value, `${op.display} ${status}`);
    }
  }
  const largest = [...bodies]
    .map(([schema, label]) => ({ schema, label, size: schemaSize(schema, loaded.ctx.resolve) }))
    .sort((x, y) => y.size - x.size)
    .slice(0, 3);
  for (const { schema, label, size } of largest) {
    const arb = schemaArbitrary(schema, loaded.ctx);
    fc.sample(arb, { numRuns: 300, seed: 1 }); // warm-up
    const t = performance.now();
    const values = fc.sample(arb, { numRuns: SAMPLES, seed: 2 });
    const elapsed = performance.now() - t;
    const bytes = values.reduce<number>((n, v) => n + JSON.stringify(v).length, 0) / values.length;
    console.log(
      `Payloads ${path.basename(path.dirname(source)) === 'history' ? latestV2.file : 'specs v2.yaml'} ${label} (${size} schema nodes): ` +
        `${((SAMPLES / elapsed) * 1000).toFixed(0)} payloads/s, ${bytes.toFixed(0)} bytes on average`,
    );
  }
}
const strictConversation = async (): Promise<unknown> => {
  const response = await fetch('https://api.smooch.io/v2/apps/app1/conversations/conv1');
  if (!response.ok) throw new Error(`status ${response.status}`);
  const body = (await response.json()) as Record<string, Record<string, unknown>>;
  const known = ['id', 'type', 'isDefault', 'displayName', 'description', 'iconUrl', 'metadata', 'businessLastRead', 'lastUpdatedAt'];
  for (const key of Object.keys(body.conversation ?? {})) if (!known.includes(key)) throw new Error(`unexpected field ${key}`);
  return body.conversation;
};
const caught: number[] = [];
const totals: number[] = [];
for (const seed of [1, 2, 3, 4, 5]) {
  let first: number | undefined;
  const t = performance.now();
  const report = await runClientTolerance({
    spec: sources[0]!,
    seed,
    evolutions: ['unknown-property'],
    operations: {
      getConversation: async () => {
        try {
          return await strictConversation();
        } catch (e) {
          first ??= performance.now() - t;
          throw e;
        }
      },
    },
  });
  totals.push(performance.now() - t);
  const found = report.failures.map((f) => f.evolution).join(', ');
  if (found !== 'unknown-property' || first === undefined) throw new Error(`the intolerant client was not caught as expected (failures: ${found || 'none'})`);
  caught.push(first);
}
const median = (xs: number[]): number => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(
  `Intolerant client (strict parsing, getConversation, unknown-property), median of 5 seeds: first failure after ${median(caught).toFixed(0)} ms ` +
    `(spec and policy loading included), shrunk and reported after ${median(totals).toFixed(0)} ms`,
);
