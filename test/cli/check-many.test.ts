/**
 * Many specs at once: `check --base <ref> 'services/*\/openapi.yaml'` compares every matching spec
 * at the ref with the working tree (on worker threads when run from the build), into one report
 * with one exit code; specs added or deleted since the ref are reported as such.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (rule: string, side: 'base' | 'revision'): string => path.join(root, 'fixtures/rules', rule, `${side}.yaml`);

function monorepo(): string {
  const repo = tempFolder('monorepo').dir;
  const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'ignore' });
  const put = (service: string, file: string): void => {
    mkdirSync(path.join(repo, 'services', service), { recursive: true });
    copyFileSync(file, path.join(repo, 'services', service, 'openapi.yaml'));
  };
  git('init', '-q');
  put('orders', fixture('operation-removed', 'base'));
  put('events', fixture('response-format-changed', 'base'));
  put('steady', fixture('operation-added', 'base'));
  put('legacy', fixture('operation-added', 'base'));
  git('add', '.');
  git('commit', '-qm', 'base');
  put('orders', fixture('operation-removed', 'revision'));
  put('events', fixture('response-format-changed', 'revision'));
  rmSync(path.join(repo, 'services/legacy'), { recursive: true });
  put('fresh', fixture('operation-added', 'revision'));
  return repo;
}

interface ManyJson {
  baseRef: string;
  specs: Array<{ path: string; status: string; result?: { summary: { breaking: number }; changes: Array<{ rule: string }> } }>;
  summary: { specs: number; compared: number; added: number; deleted: number; breaking: number };
  exitCode: number;
}

function assertReport(json: ManyJson): void {
  const status = Object.fromEntries(json.specs.map((s) => [s.path, s.status]));
  expect(status).toEqual({
    'services/events/openapi.yaml': 'compared',
    'services/fresh/openapi.yaml': 'added',
    'services/legacy/openapi.yaml': 'deleted',
    'services/orders/openapi.yaml': 'compared',
    'services/steady/openapi.yaml': 'compared',
  });
  const rules = (p: string): string[] => json.specs.find((s) => s.path === p)!.result!.changes.map((c) => c.rule);
  expect(rules('services/orders/openapi.yaml')).toContain('operation-removed');
  expect(rules('services/events/openapi.yaml')).toContain('response-format-changed');
  expect(rules('services/steady/openapi.yaml')).toEqual([]);
  expect(json.summary).toMatchObject({ specs: 5, compared: 3, added: 1, deleted: 1 });
  expect(json.exitCode).toBe(1);
}

describe('check --base <ref> <patterns...>', () => {
  it('in-process: one report, one exit code, added and deleted specs named', async () => {
    const repo = monorepo();
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const r = await runCli('check', '--base', 'HEAD', 'services/*/openapi.yaml', '--format', 'json');
      expect(r.code, r.err).toBe(1);
      assertReport(JSON.parse(r.out) as ManyJson);
      const text = await runCli('check', '--base', 'HEAD', 'services/*/openapi.yaml');
      expect(text.out).toMatch(/=== services\/legacy\/openapi.yaml \(deleted\)/);
      expect(text.out).toMatch(/5 specs against HEAD \(3 compared, 1 added, 1 deleted\)/);
      const none = await runCli('check', '--base', 'HEAD', 'nothing/*.yaml');
      expect(none.code).toBe(2);
      expect(none.err).toMatch(/no spec matches 'nothing\/\*\.yaml'/);
    } finally {
      process.chdir(cwd);
    }
  });

  const built = existsSync(path.join(root, 'dist/multi/check-worker.js'));
  if (!built) console.log('many-spec check on worker threads not run: dist/ is absent (npm ci or npm run build writes it)');
  it.skipIf(!built)('from the build: the specs are compared on worker threads, same report', () => {
    const repo = monorepo();
    const res = spawnSync(process.execPath, [path.join(root, 'bin/apicompat.js'), 'check', '--base', 'HEAD', 'services/*/openapi.yaml', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(1);
    assertReport(JSON.parse(res.stdout) as ManyJson);
    const gh = spawnSync(process.execPath, [path.join(root, 'bin/apicompat.js'), 'check', '--base', 'HEAD', 'services/*/openapi.yaml', '--format', 'github'], { cwd: repo, encoding: 'utf8' });
    expect(gh.stdout).toMatch(/^::error file=services\/events\/openapi.yaml,line=\d+,col=\d+,title=response-format-changed::/m);
    // removed since the base: the old text's lines mean nothing in the pull request's file
    expect(gh.stdout).toMatch(/^::error file=services\/orders\/openapi.yaml,title=operation-removed::/m);
    expect(gh.stdout).toMatch(/^::error file=services\/legacy\/openapi.yaml,title=spec deleted::/m);
  });
});
