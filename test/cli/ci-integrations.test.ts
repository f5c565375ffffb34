/**
 * The CI integrations as CI runs them: the GitHub Action's check step (taken from action.yml) on a
 * temporary repository with a pull request event, and the GitLab CI job README gives, each with
 * the environment its CI sets.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const built = existsSync(path.join(root, 'dist/cli/main.js'));
if (!built) console.log('CI integrations not run: dist/ is absent (npm ci or npm run build writes it)');

/** A repository whose `main` holds the base specs and whose checked-out branch changes them. */
function pullRequestRepo(): { repo: string; baseSha: string } {
  const repo = tempFolder('ci').dir;
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' }).trim();
  const put = (service: string, rule: string, side: string): void => {
    mkdirSync(path.join(repo, 'services', service), { recursive: true });
    copyFileSync(path.join(root, 'fixtures/rules', rule, `${side}.yaml`), path.join(repo, 'services', service, 'openapi.yaml'));
  };
  git('init', '-q', '-b', 'main');
  put('orders', 'operation-removed', 'base');
  put('events', 'operation-added', 'base');
  git('add', '.');
  git('commit', '-qm', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-qb', 'feature');
  put('orders', 'operation-removed', 'revision');
  put('events', 'operation-added', 'revision');
  git('commit', '-qam', 'change the specs');
  // main moves on after the branch: the merge base, not main's tip, is what the branch changed
  git('checkout', '-q', 'main');
  put('events', 'operation-removed', 'base');
  git('commit', '-qam', 'unrelated change on main');
  git('checkout', '-q', 'feature');
  return { repo, baseSha };
}

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

describe.skipIf(!built)('CI integrations', () => {
  it('GitHub Action: the check step annotates the pull request and writes the job summary', () => {
    const action = yaml.load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
    expect(action.runs.using).toBe('composite');
    const step = action.runs.steps.find((s) => s.id === 'check')!;
    const inputs: Record<string, string> = { specs: 'services/*/openapi.yaml' };
    const value = (name: string): string => inputs[name] ?? action.inputs[name]?.default ?? '';
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, n: string) => value(n));
    const { repo, baseSha } = pullRequestRepo();
    const event = path.join(repo, '..', `event-${path.basename(repo)}.json`);
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { ref: 'main', sha: execFileSync('git', ['rev-parse', 'main'], { cwd: repo, encoding: 'utf8' }).trim() } } }));
    const summary = path.join(repo, '..', `summary-${path.basename(repo)}.md`);
    const res = spawnSync('bash', ['-c', step.run!], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_ACTION_PATH: root, GITHUB_EVENT_PATH: event, GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' },
    });
    expect(res.status, res.stderr).toBe(1);
    expect(res.stdout).toMatch(/^::error file=services\/orders\/openapi.yaml,title=operation-removed::/m);
    // compared with the merge base: main's later edit of events is not the branch's doing
    expect(res.stdout).not.toMatch(/services\/events\/openapi.yaml[^\n]*operation-removed/);
    expect(res.stdout).toMatch(/2 specs against [0-9a-f]{40} \(2 compared\)/);
    expect(res.stdout).toContain(baseSha);
    expect(readFileSync(summary, 'utf8')).toMatch(/# API changes against [0-9a-f]{40}[\s\S]*services\/orders\/openapi.yaml/);
  });

  it('GitLab CI: the job README gives writes a code quality report for the merge request', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /```yaml\n(apicompat:\n[\s\S]*?)```/.exec(readme);
    expect(block, 'README has the GitLab CI job').not.toBeNull();
    const job = (yaml.load(block![1]!) as { apicompat: { script: string[]; artifacts: { reports: { codequality: string } } } }).apicompat;
    const { repo, baseSha } = pullRequestRepo();
    const script = job.script.map((l) => l.replace(/^npx apicompat /, `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'bin/apicompat.js'))} `)).join('\n');
    const res = spawnSync('bash', ['-c', script], { cwd: repo, encoding: 'utf8', env: { ...process.env, CI_MERGE_REQUEST_DIFF_BASE_SHA: baseSha, GITLAB_CI: 'true' } });
    expect(res.status, res.stderr).toBe(1);
    const report = JSON.parse(readFileSync(path.join(repo, job.artifacts.reports.codequality), 'utf8')) as Array<{ check_name: string; fingerprint: string; location: { path: string } }>;
    expect(report.find((i) => i.check_name === 'operation-removed')?.location.path).toBe('services/orders/openapi.yaml');
    for (const i of report) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
