/**
 * Command line. Exit codes: 0 no breaking change, 1 breaking change found, 2 usage error,
 * 3 unreadable or invalid spec, 4 internal error. User mistakes print one line, never a stack.
 */
import { Command, CommanderError, Option } from 'commander';
import { check, type CheckOptions } from '../check.js';
import { ApicompatError, EXIT } from '../errors.js';
import { CHECK_FORMATS, renderCheck, type CheckFormat } from './check-formats.js';
import { renderRuleTable } from '../render/rules.js';
import { writeFileSync } from 'node:fs';
import { changelog } from '../changelog/guide.js';
import { renderSeriesJson, renderSeriesMarkdown, runSeries, terminalProgress } from '../changelog/series.js';
import { renderChangelogHtml } from '../render/changelog-html.js';
import { renderChangelogJson } from '../render/changelog-json.js';
import { renderChangelogMarkdown } from '../render/changelog-markdown.js';
import { loadRules } from '../rules/registry.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new ApicompatError('usage', `--max-size expects a size like 64MB, got '${v}'`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

type Options = Record<string, string | boolean | undefined>;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options every command that compares versions takes: policy, ignore and mapping files, loading bounds. */
function withCompareOptions(cmd: Command): Command {
  return cmd
    .option('-p, --policy <name|file>', 'strict, tolerant-reader, or a policy YAML file', 'strict')
    .option('--ignore <file>', 'ignore file: accepted changes, each with a reason (and optional expiry)')
    .option('--mapping <file>', 'operation and webhook mapping across major versions (old -> new)')
    .option('--strict-spec', 'refuse specs with validation problems instead of warning')
    .option('--allow-remote-refs', 'allow $ref to http(s) URLs (no network access otherwise)')
    .option('--max-size <size>', 'largest spec file accepted, e.g. 64MB', '64MB');
}

function compareOptions(o: Options): CheckOptions {
  return {
    policy: o['policy'] as string,
    ...(o['ignore'] ? { ignoreFile: o['ignore'] as string } : {}),
    ...(o['mapping'] ? { mappingFile: o['mapping'] as string } : {}),
    strictSpec: !!o['strictSpec'],
    allowRemoteRefs: !!o['allowRemoteRefs'],
    maxBytes: parseSize(String(o['maxSize'])),
  };
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command();
  program
    .name('apicompat')
    .description('Compatibility checks for OpenAPI specs: diff two versions and classify every change against a policy.')
    .version(await packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run apicompat --help for usage)');

  withCompareOptions(
    program
      .command('check')
      .description('compare two versions of a spec and classify every change (exit 1 when a change is breaking)')
      .argument('<base>', 'old version: a file, or <git-ref>:<path> (with --base: a spec path or glob)')
      .argument('[revision...]', 'new version: a file, or <git-ref>:<path> (with --base: more spec paths or globs)')
      .option('--base <git-ref>', "compare every spec the arguments match (e.g. 'services/*/openapi.yaml') as it was at <git-ref> with the working tree, in parallel")
      .addOption(new Option('-f, --format <format>', 'output format (github: workflow annotations + job summary; sarif 2.1.0; junit XML; gitlab code quality)').choices([...CHECK_FORMATS]).default('text'))
      .option('-o, --output <file>', 'write the report to a file instead of standard output')
  )
    .option('--fail-on <verdict>', 'exit 1 on: breaking (default) or review', 'breaking')
    .option('-v, --verbose', 'list compatible changes in text output')
    .option('--match-path <pattern>', 'only operations whose path matches (glob like /v2/**, or /regex/); repeatable', collect, [])
    .option('--exclude-path <pattern>', 'leave out operations whose path matches (glob or /regex/); repeatable', collect, [])
    .option('--exclude-tag <tag>', 'leave out operations with this tag; repeatable', collect, [])
    .option('--exclude-internal', 'leave out operations and path items marked x-internal: true')
    .action(async (base: string, more: string[], o: Options) => {
      if (o['failOn'] !== 'breaking' && o['failOn'] !== 'review') throw new ApicompatError('usage', `--fail-on expects breaking or review, got '${String(o['failOn'])}'`);
      const filters = { matchPath: o['matchPath'] as unknown as string[], excludePath: o['excludePath'] as unknown as string[], excludeTag: o['excludeTag'] as unknown as string[], excludeInternal: !!o['excludeInternal'] };
      if (o['base'] !== undefined) {
        exit = await checkManyCommand([base, ...more], { ...compareOptions(o), filters }, o, io);
        return;
      }
      if (more.length !== 1) throw new ApicompatError('usage', `check needs <base> and <revision> (or --base <git-ref> with spec paths or globs), got ${more.length + 1} argument${more.length ? 's' : ''}`);
      const revision = more[0]!;
      const result = await check(base, revision, { ...compareOptions(o), filters });
      const text = await renderCheck(result, o['format'] as CheckFormat, { verbose: !!o['verbose'], version: await packageVersion() });
      if (o['output']) writeOutput(String(o['output']), text);
      else io.out(text);
      exit = result.exitCode;
      if (o['failOn'] === 'review' && result.summary.review > 0) exit = EXIT.breaking;
    });

  withCompareOptions(
    program
      .command('changelog')
      .description('write a migration guide from one version to another: per resource, per schema, and a webhook trigger table')
      .argument('[base]', 'old version: a file, or <git-ref>:<path>')
      .argument('[revision]', 'new version: a file, or <git-ref>:<path>')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'json', 'html']).default('markdown'))
      .option('-o, --output <file>', 'write the guide to a file instead of standard output')
  )
    .option('--series <dir|index>', 'release notes for every version in a directory or index.json (no positional arguments)')
    .option('--major <major>', 'with --series and an index naming API majors: only the versions of this major (e.g. 2 or v2)')
    .action(async (base: string | undefined, revision: string | undefined, o: Options) => {
      const format = String(o['format']);
      const load = compareOptions(o);
      let text: string;
      if (o['series'] !== undefined) {
        if (base !== undefined || revision !== undefined) throw new ApicompatError('usage', 'changelog --series takes no <base> <revision> arguments');
        if (format === 'html') throw new ApicompatError('usage', 'changelog --series writes markdown or json, not html');
        const progress = terminalProgress(process.stderr);
        const result = await runSeries(String(o['series']), { ...load, ...(o['major'] ? { major: String(o['major']) } : {}), ...(progress ? { onProgress: progress } : {}) });
        text = format === 'json' ? renderSeriesJson(result) : renderSeriesMarkdown(result);
        exit = result.exitCode;
      } else {
        if (o['major'] !== undefined) throw new ApicompatError('usage', '--major only applies with --series');
        if (base === undefined || revision === undefined) throw new ApicompatError('usage', 'changelog needs <base> and <revision> (or --series <dir|index>)');
        const guide = await changelog(base, revision, load);
        text = format === 'json' ? renderChangelogJson(guide) : format === 'html' ? renderChangelogHtml(guide) : renderChangelogMarkdown(guide);
      }
      if (o['output']) writeOutput(String(o['output']), text);
      else io.out(text);
    });

  withCompareOptions(
    program
      .command('git-diff-driver')
      .description('git external diff for spec files: prints the migration guide between the two versions git passes (see README)')
      .argument('<git-args...>', 'path old-file old-hex old-mode new-file new-hex new-mode, as git passes them'),
  ).action(async (args: string[], o: Options) => {
    const { runGitDiffDriver } = await import('./git-diff-driver.js');
    await runGitDiffDriver(args, compareOptions(o), io.out);
  });

  program
    .command('github-action')
    .description('entry point of the GitHub Action: compares the pull request\'s specs (INPUT_SPECS) with the merge base and annotates the diff')
    .action(async () => {
      const { runGithubAction } = await import('../ci/github-action.js');
      exit = await runGithubAction(process.env, process.cwd(), io.out);
    });

  program
    .command('rules')
    .description('list the rule catalog: id, direction, verdict under each built-in policy, summary')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (o: { format: string }) => {
      const rules = await loadRules();
      io.out(renderRuleTable(rules, o.format as 'text' | 'json' | 'markdown'));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof ApicompatError) {
      io.err(`apicompat: ${e.format()}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.err(`apicompat: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env['APICOMPAT_DEBUG']) io.err(`${err?.stack ?? ''}\n`);
    else io.err('(set APICOMPAT_DEBUG=1 for details, and please report it)\n');
    return EXIT.internal;
  }
}

/** `check --base <ref> <patterns...>`: many specs, one report, one exit code. */
async function checkManyCommand(patterns: string[], options: CheckOptions, o: Options, io: Io): Promise<number> {
  const [{ checkMany }, { renderMany }] = await Promise.all([import('../multi/check-many.js'), import('../multi/render-many.js')]);
  const progress = process.stderr.isTTY && !o['output'] ? (done: number, total: number) => process.stderr.write(`\rcompared ${done}/${total} specs`) : undefined;
  const result = await checkMany({ ...options, baseRef: String(o['base']), patterns, ...(progress ? { onProgress: progress } : {}) });
  if (progress) process.stderr.write('\n');
  const text = await renderMany(result, o['format'] as CheckFormat, { verbose: !!o['verbose'], version: await packageVersion() });
  if (o['output']) writeOutput(String(o['output']), text);
  else io.out(text);
  if (o['failOn'] === 'review' && result.summary.review > 0) return Math.max(result.exitCode, EXIT.breaking);
  return result.exitCode;
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new ApicompatError('usage', `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function packageVersion(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
