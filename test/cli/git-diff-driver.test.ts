/**
 * The git diff driver through real git: with the two setup lines of README, `git log -p
 * --ext-diff` shows apicompat's migration guide for the spec instead of a YAML text diff.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const built = existsSync(path.join(root, 'dist/cli/main.js'));
if (!built) console.log('git diff driver through git not run: dist/ is absent (npm ci or npm run build writes it)');

describe('git-diff-driver', () => {
  it.skipIf(!built)('git log -p --ext-diff shows the migration guide for each commit of the spec', () => {
    const repo = tempFolder('git-diff-driver').dir;
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    copyFileSync(path.join(root, 'fixtures/rules/operation-removed/base.yaml'), path.join(repo, 'openapi.yaml'));
    writeFileSync(path.join(repo, 'notes.txt'), 'one\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    copyFileSync(path.join(root, 'fixtures/rules/operation-removed/revision.yaml'), path.join(repo, 'openapi.yaml'));
    writeFileSync(path.join(repo, 'notes.txt'), 'two\n');
    git('commit', '-qam', 'second');
    // The two setup lines README gives (with the command spelled for this checkout).
    git('config', 'diff.apicompat.command', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'bin/apicompat.js'))} git-diff-driver`);
    writeFileSync(path.join(repo, '.gitattributes'), 'openapi.yaml diff=apicompat\n');
    const log = git('log', '-p', '--ext-diff', '--', 'openapi.yaml');
    expect(log).toContain('apicompat diff a/openapi.yaml b/openapi.yaml');
    expect(log).toMatch(/breaking\*\* — `POST \/orders\/export`: operation POST \/orders\/export removed/);
    expect(log).toContain('spec added');
    expect(log).not.toMatch(/^@@ /m);
    expect(log).not.toContain('/tmp/git-blob');
    // Other files keep git's own diff.
    expect(git('log', '-p', '--ext-diff', '--', 'notes.txt')).toMatch(/^-one$/m);
  });

  it('refuses a call without the arguments git passes, in one line', async () => {
    const r = await runCli('git-diff-driver', 'openapi.yaml', 'x');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/expects the 7 arguments git passes/);
  });
});
