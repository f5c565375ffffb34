/**
 * `apicompat git-diff-driver`: git's external diff command for spec files. Git calls it with
 * `path old-file old-hex old-mode new-file new-hex new-mode` (after the options of the configured
 * command); it prints the migration guide between the two versions instead of a text diff. A spec
 * added or deleted is said in one line. It never makes git fail: a version that cannot be read is
 * reported in one line and the output goes on.
 */
import { changelog } from '../changelog/guide.js';
import { ApicompatError } from '../errors.js';
import { renderChangelogMarkdown } from '../render/changelog-markdown.js';
import type { CheckOptions } from '../check.js';

const NULL_FILE = '/dev/null';

export async function runGitDiffDriver(args: string[], opts: CheckOptions, out: (s: string) => void): Promise<void> {
  if (args.length !== 7 && args.length !== 1) {
    throw new ApicompatError('usage', `git-diff-driver expects the 7 arguments git passes (path old-file old-hex old-mode new-file new-hex new-mode), got ${args.length}`);
  }
  const [path, oldFile, oldHex, , newFile, newHex] = args as [string, string?, string?, string?, string?, string?];
  out(`apicompat diff a/${path} b/${path}\n`);
  if (args.length === 1) {
    out('(unmerged: no versions to compare)\n');
    return;
  }
  if (oldFile === NULL_FILE) {
    out(`spec added (${short(newHex)})\n\n`);
    return;
  }
  if (newFile === NULL_FILE) {
    out(`spec deleted (was ${short(oldHex)})\n\n`);
    return;
  }
  try {
    const guide = await changelog(oldFile!, newFile!, { ...opts, skipValidation: true });
    // Git hands over temporary copies; the reader knows the versions by path and blob.
    guide.base = { ...guide.base, source: `a/${path} (${short(oldHex)})` };
    guide.revision = { ...guide.revision, source: `b/${path} (${short(newHex)})` };
    out(`${short(oldHex)}..${short(newHex)}\n\n`);
    out(renderChangelogMarkdown(guide));
    out('\n');
  } catch (e) {
    if (!(e instanceof ApicompatError)) throw e;
    out(`cannot compare the two versions: ${e.message}\n\n`);
  }
}

const short = (hex: string | undefined): string => (hex ?? '').slice(0, 7);
