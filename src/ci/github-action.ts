/**
 * The entry point of the GitHub Action (action.yml): compares the pull request's specs with the
 * merge base and annotates the diff. Reads the action inputs from `INPUT_*` variables, the base
 * from the pull request event (`GITHUB_EVENT_PATH`) or `GITHUB_BASE_REF`, and appends the report
 * to `GITHUB_STEP_SUMMARY`. Returns the exit code of the check.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ApicompatError, EXIT } from '../errors.js';
import { checkMany } from '../multi/check-many.js';
import { renderMany } from '../multi/render-many.js';

type Env = NodeJS.ProcessEnv;

const input = (env: Env, name: string): string | undefined => {
  const v = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return v ? v : undefined;
};

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

/** The commit to compare with: the merge base of the pull request's base and HEAD. */
export function baseCommit(env: Env, cwd: string): string {
  const explicit = input(env, 'base-ref');
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  if (env['GITHUB_EVENT_PATH']) {
    try {
      const event = JSON.parse(readFileSync(env['GITHUB_EVENT_PATH'], 'utf8')) as { pull_request?: { base?: { sha?: string } } };
      const sha = event.pull_request?.base?.sha;
      if (sha) candidates.push(sha);
    } catch (e) {
      throw new ApicompatError('usage', `cannot read the event file ${env['GITHUB_EVENT_PATH']} (GITHUB_EVENT_PATH): ${(e as Error).message}`);
    }
  }
  if (env['GITHUB_BASE_REF']) candidates.push(`origin/${env['GITHUB_BASE_REF']}`, env['GITHUB_BASE_REF']);
  for (const ref of candidates) {
    const mergeBase = git(['merge-base', ref, 'HEAD'], cwd);
    if (mergeBase) return mergeBase;
  }
  if (!candidates.length) throw new ApicompatError('usage', 'no base to compare with: not a pull request event (GITHUB_EVENT_PATH, GITHUB_BASE_REF) and no base-ref input');
  throw new ApicompatError('usage', `no merge base with ${candidates.join(' or ')}: check out the repository with its history (actions/checkout with fetch-depth: 0)`);
}

export async function runGithubAction(env: Env = process.env, cwd = process.cwd(), out: (s: string) => void = (s) => void process.stdout.write(s)): Promise<number> {
  const patterns = (input(env, 'specs') ?? 'openapi.yaml').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  const failOn = input(env, 'fail-on') ?? 'breaking';
  if (failOn !== 'breaking' && failOn !== 'review') throw new ApicompatError('usage', `input fail-on expects breaking or review, got '${failOn}'`);
  const base = baseCommit(env, cwd);
  const policy = input(env, 'policy');
  const ignoreFile = input(env, 'ignore');
  const mappingFile = input(env, 'mapping');
  const result = await checkMany({ baseRef: base, patterns, cwd, ...(policy ? { policy } : {}), ...(ignoreFile ? { ignoreFile } : {}), ...(mappingFile ? { mappingFile } : {}) });
  out(await renderMany(result, 'github', { env }));
  if (failOn === 'review' && result.summary.review > 0) return Math.max(result.exitCode, EXIT.breaking);
  return result.exitCode;
}
