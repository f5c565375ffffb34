/**
 * Many specs at once (`check --base <ref> <pattern...>`): every spec the patterns match in the
 * working tree or at the base ref is compared as it was at the ref with the working tree, on
 * worker threads (one per core), into one report with one exit code. A spec present on one side
 * only is reported as added (compatible) or deleted (breaking: every operation is gone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { CheckOptions, CheckResult } from '../check.js';
import { ApicompatError, EXIT } from '../errors.js';
import compareOne, { type SpecOutcome, type SpecTask } from './check-worker.js';

export type SpecStatus = 'compared' | 'added' | 'deleted' | 'failed';

export interface SpecEntry {
  path: string;
  status: SpecStatus;
  result?: CheckResult;
  error?: string;
  exitCode: number;
}

export interface ManyResult {
  baseRef: string;
  specs: SpecEntry[];
  summary: { specs: number; compared: number; added: number; deleted: number; failed: number; breaking: number; review: number; compatible: number; ignored: number };
  exitCode: number;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n')[0];
    throw new ApicompatError('git-read-failed', `git ${args[0]} failed: ${msg}`);
  }
}

/** The specs the patterns match: in the working tree (tracked or not ignored) and at the ref. */
export function matchSpecs(patterns: string[], ref: string, cwd: string): { current: Set<string>; atRef: Set<string> } {
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  const match = picomatch(patterns.map((p) => p.replace(/^\.\//, '')), { dot: true });
  const current = new Set(git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], cwd).split('\0').filter((f) => f && match(f) && existsSync(`${cwd}/${f}`)));
  const atRef = new Set(git(['ls-tree', '-r', '-z', '--name-only', ref, '--', '.'], cwd).split('\0').filter((f) => f && match(f)));
  return { current, atRef };
}

/** The compiled worker, when this code runs from the build (tests of the sources run in-process). */
function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.js')) return undefined;
  const file = fileURLToPath(new URL('./check-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

async function runAll(tasks: SpecTask[], threads: number, onDone: () => void): Promise<SpecOutcome[]> {
  const file = workerFile();
  if (!file || tasks.length < 2 || threads < 2) {
    const out: SpecOutcome[] = [];
    for (const t of tasks) {
      out.push(await compareOne(t));
      onDone();
    }
    return out;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<SpecTask, SpecOutcome>({ filename: file, maxThreads: Math.min(threads, tasks.length), minThreads: 1 });
  try {
    return await Promise.all(tasks.map((t) => pool.run(t).then((o) => (onDone(), o))));
  } finally {
    await pool.destroy();
  }
}

export interface ManyOptions extends CheckOptions {
  baseRef: string;
  patterns: string[];
  /** Worker threads (default: one per core). */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function checkMany(opts: ManyOptions): Promise<ManyResult> {
  const cwd = opts.cwd ?? process.cwd();
  const { current, atRef } = matchSpecs(opts.patterns, opts.baseRef, cwd);
  const all = [...new Set([...current, ...atRef])].sort();
  if (!all.length) throw new ApicompatError('usage', `no spec matches ${opts.patterns.map((p) => `'${p}'`).join(' ')} in the working tree or at ${opts.baseRef}`);
  const { baseRef, threads, onProgress } = opts;
  const checkOptions: CheckOptions = { ...opts, cwd };
  for (const k of ['baseRef', 'patterns', 'threads', 'onProgress'] as const) delete (checkOptions as Partial<ManyOptions>)[k];
  const both = all.filter((p) => current.has(p) && atRef.has(p));
  const tasks = both.map((p) => ({ base: `${baseRef}:${p}`, revision: p, options: checkOptions }));
  let done = 0;
  const outcomes = await runAll(tasks, threads ?? availableParallelism(), () => onProgress?.(++done, tasks.length));
  const byPath = new Map(both.map((p, i) => [p, outcomes[i]!]));
  const specs: SpecEntry[] = all.map((p) => {
    if (!atRef.has(p)) return { path: p, status: 'added', exitCode: EXIT.ok };
    if (!current.has(p)) return { path: p, status: 'deleted', exitCode: EXIT.breaking };
    const o = byPath.get(p)!;
    return o.ok ? { path: p, status: 'compared', result: o.result, exitCode: o.result.exitCode } : { path: p, status: 'failed', error: o.message, exitCode: o.exitCode };
  });
  const summary = { specs: specs.length, compared: 0, added: 0, deleted: 0, failed: 0, breaking: 0, review: 0, compatible: 0, ignored: 0 };
  for (const s of specs) {
    summary[s.status]++;
    if (s.result) for (const k of ['breaking', 'review', 'compatible', 'ignored'] as const) summary[k] += s.result.summary[k];
  }
  summary.breaking += summary.deleted;
  const exitCode = Math.max(...specs.map((s) => s.exitCode));
  return { baseRef, specs, summary, exitCode };
}
