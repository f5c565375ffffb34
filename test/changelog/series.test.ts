/**
 * Release notes over a series: order of the walk, version-bump flags, versions that fail to
 * load, the index format with dates and API majors, and the markdown and JSON renderings.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcesBreaking, bumpFlags, bumpKind } from '../../src/changelog/bump.js';
import { renderSeriesJson, renderSeriesMarkdown, runSeries, terminalProgress, type SeriesResult } from '../../src/changelog/series.js';

const root = mkdtempSync(path.join(tmpdir(), 'apicompat-series-'));

/** A one-operation spec; `props` are the properties of the response object. */
function spec(version: string, props: Record<string, object>): string {
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Items', version },
    paths: {
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: props } } } } },
        },
      },
    },
  });
}

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const id = { type: 'string' };
const name = { type: 'string' };
const size = { type: 'integer' };

// file names sort differently from the versions they hold
const history = folder('history', {
  'a.yaml': spec('1.1.1', { id, size }), // 1.1.0 -> 1.1.1 removes `name`: breaking in a patch
  'b.yaml': spec('1.0.0', { id, name }),
  'c.yaml': spec('2.0.0', { id, size }), // 1.1.1 -> 2.0.0 changes nothing: major without change
  'd.yaml': spec('1.1.0', { id, name, size }), // 1.0.0 -> 1.1.0 adds `size`: agrees
});

const byFile = (r: SeriesResult, f: string) => r.versions.find((v) => v.file === f)!;
const codes = (r: SeriesResult, f: string): string[] => byFile(r, f).flags.map((x) => x.code);

describe('bump reading', () => {
  it('classifies the bump and reads versions leniently', () => {
    expect(bumpKind('1.0.0', '2.0.0')).toBe('major');
    expect(bumpKind('9.4', '9.4.2')).toBe('patch');
    expect(bumpKind('v2', '2.1')).toBe('minor');
    expect(bumpKind('1.0.0', '1.0.0')).toBe('none');
    expect(bumpKind('2.0.0', '1.9.0')).toBe('decreased');
    expect(bumpKind('1.0.0', '1.0.1-rc.1')).toBe('patch');
    expect(bumpKind('1.0.1-rc.1', '1.0.1')).toBe('prerelease');
    expect(bumpKind('1.0.0', 'latest')).toBe('unknown');
    expect(bumpKind(undefined, '1.0.0')).toBe('unknown');
  });

  it('under 0.x a minor bump announces breaking changes, as semver allows', () => {
    expect(announcesBreaking('0.1.0', '0.2.0')).toBe(true);
    expect(announcesBreaking('0.1.0', '0.1.5')).toBe(false);
    expect(announcesBreaking('1.1.0', '1.9.0')).toBe(false);
    expect(announcesBreaking('1.9.0', '2.0.0')).toBe(true);
    expect(announcesBreaking('2.0.0', '1.0.0')).toBe(false);
  });

  it('flags exactly the disagreements', () => {
    const none = { breaking: 0, review: 0, compatible: 0 };
    expect(bumpFlags('1.0.0', '1.0.1', { ...none, breaking: 1 }).map((f) => f.code)).toEqual(['breaking-without-major']);
    expect(bumpFlags('1.0.0', '2.0.0', { ...none, breaking: 1 })).toEqual([]);
    expect(bumpFlags('1.0.0', '2.0.0', none).map((f) => f.code)).toEqual(['major-without-change']);
    expect(bumpFlags('1.0.0', '2.0.0', { ...none, review: 1 })).toEqual([]);
    expect(bumpFlags('1.0.0', '1.0.0', { ...none, compatible: 2 }).map((f) => f.code)).toEqual(['version-not-bumped']);
    expect(bumpFlags('1.0.0', '1.0.0', { ...none, breaking: 1 }).map((f) => f.code)).toEqual(['breaking-without-major', 'version-not-bumped']);
    expect(bumpFlags('2.0.0', '1.0.0', none).map((f) => f.code)).toEqual(['version-decreased']);
    expect(bumpFlags('0.1.0', '0.2.0', none).map((f) => f.code)).toEqual(['major-without-change']);
    expect(bumpFlags('1.0.0', 'next', { ...none, breaking: 3 })).toEqual([]);
    expect(bumpFlags('1.0.0', '1.1.0', { ...none, compatible: 4 })).toEqual([]);
  });
});

describe('runSeries over a directory', () => {
  it('walks by info.version, compares consecutive versions and flags the bumps that disagree', async () => {
    const progress: Array<[number, number, string]> = [];
    const r = await runSeries(history, { onProgress: (d, t, l) => progress.push([d, t, l]) });
    expect(r.kind).toBe('directory');
    expect(r.order).toBe('version');
    expect(r.policy.name).toBe('strict');
    expect(r.versions.map((v) => v.infoVersion)).toEqual(['1.0.0', '1.1.0', '1.1.1', '2.0.0']);
    expect(r.versions.map((v) => v.file)).toEqual(['b.yaml', 'd.yaml', 'a.yaml', 'c.yaml']);
    expect(r.versions.map((v) => v.status)).toEqual(['baseline', 'compared', 'compared', 'compared']);
    expect(byFile(r, 'd.yaml').previous).toEqual({ file: 'b.yaml', infoVersion: '1.0.0' });
    expect(r.versions.map((v) => v.bump ?? null)).toEqual([null, 'minor', 'patch', 'major']);

    expect(codes(r, 'd.yaml')).toEqual([]);
    expect(byFile(r, 'd.yaml').summary).toMatchObject({ breaking: 0, compatible: 1 });
    expect(codes(r, 'a.yaml')).toEqual(['breaking-without-major']);
    expect(byFile(r, 'a.yaml').changes[0]!.verdict).toBe('breaking');
    expect(byFile(r, 'a.yaml').changes[0]!.location.line).toBeGreaterThan(0);
    expect(byFile(r, 'a.yaml').flags[0]!.message).toBe('1 breaking change but info.version 1.1.0 → 1.1.1 is a patch bump');
    expect(codes(r, 'c.yaml')).toEqual(['major-without-change']);
    expect(byFile(r, 'c.yaml').changes).toEqual([]);
    // the info.version finding of `check` becomes the flag, not a change of its own
    expect(r.versions.flatMap((v) => v.changes).some((c) => c.rule === 'info-version-bump-insufficient')).toBe(false);

    expect(r.summary).toMatchObject({ versions: 4, compared: 3, errors: 0, mismatches: 2 });
    expect(r.summary.flags).toEqual({ 'breaking-without-major': 1, 'major-without-change': 1, 'version-not-bumped': 0, 'version-decreased': 0 });
    expect(r.exitCode).toBe(1);
    expect(progress.map(([d, t]) => `${d}/${t}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(progress.map(([, , l]) => l)).toEqual(['b.yaml', 'd.yaml', 'a.yaml', 'c.yaml']);
  });

  it('locations: false leaves changes without line numbers and finds the same changes', async () => {
    const r = await runSeries(history, { locations: false });
    expect(byFile(r, 'a.yaml').changes[0]!.location.line).toBeUndefined();
    expect(codes(r, 'a.yaml')).toEqual(['breaking-without-major']);
  });

  it('order "name" walks by file name instead, and then sees a version going down', async () => {
    const r = await runSeries(history, { order: 'name' });
    expect(r.versions.map((v) => v.file)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
    expect(codes(r, 'b.yaml')).toContain('version-decreased');
    expect(codes(r, 'd.yaml')).toContain('version-decreased');
  });

  it('the policy decides what is breaking, and so what is flagged', async () => {
    const dir = folder('enum', {
      '1.yaml': spec('3.0.0', { id, kind: { type: 'string', enum: ['a'] } }),
      '2.yaml': spec('3.0.1', { id, kind: { type: 'string', enum: ['a', 'b'] } }),
    });
    const strict = await runSeries(dir);
    expect(codes(strict, '2.yaml')).toEqual(['breaking-without-major']);
    const tolerant = await runSeries(dir, { policy: 'tolerant-reader' });
    expect(tolerant.policy.name).toBe('tolerant-reader');
    expect(codes(tolerant, '2.yaml')).toEqual([]);
    expect(tolerant.exitCode).toBe(0);
  });

  it('a version that fails to load is recorded and the next is compared with the last good one', async () => {
    const dir = folder('broken', {
      '01.yaml': spec('1.0.0', { id, name }),
      '02.yaml': 'openapi: 3.0.3\ninfo: {title: x, version: 1.0.1\npaths: {}\n',
      '03.json': '{"not": "a spec"}',
      '10.yaml': spec('1.0.2', { id }),
    });
    const r = await runSeries(dir);
    // no readable info.version: the broken files keep the places their names give them
    expect(r.versions.map((v) => `${v.file}:${v.status}`)).toEqual(['01.yaml:baseline', '02.yaml:error', '03.json:error', '10.yaml:compared']);
    expect(byFile(r, '02.yaml').error!.code).toBe('parse-error');
    expect(byFile(r, '03.json').error!.code).toBe('not-openapi');
    const last = byFile(r, '10.yaml');
    expect(last.previous).toEqual({ file: '01.yaml', infoVersion: '1.0.0' });
    expect(last.skipped).toEqual(['02.yaml', '03.json']);
    expect(last.flags.map((f) => f.code)).toEqual(['breaking-without-major']);
    expect(r.summary).toMatchObject({ versions: 4, compared: 1, errors: 2 });
    const md = renderSeriesMarkdown(r);
    expect(md).toContain('could not be loaded');
    expect(md).toContain('skipped `02.yaml`, `03.json` (not loaded)');
  });

  it('a multi-file spec in a sub-directory is one version; dates come from the file names', async () => {
    const dir = folder('dated', {
      '2024-01-05-api.json': spec('1.0.0', { id }),
      '2024-03-01/openapi.yaml': spec('1.1.0', { id, name }),
      'notes.txt': 'not a spec',
    });
    const r = await runSeries(dir);
    expect(r.versions.map((v) => [v.file, v.date])).toEqual([
      ['2024-01-05-api.json', '2024-01-05'],
      ['2024-03-01/openapi.yaml', '2024-03-01'],
    ]);
  });

  it('refuses what it cannot walk, with a usage error', async () => {
    await expect(runSeries(path.join(root, 'nowhere'))).rejects.toMatchObject({ code: 'file-not-found' });
    await expect(runSeries(folder('empty', {}))).rejects.toMatchObject({ code: 'usage' });
    await expect(runSeries(history, { major: '2' })).rejects.toMatchObject({ code: 'usage' });
    await expect(runSeries(history, { order: 'date' })).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('runSeries over an index', () => {
  const dir = folder('indexed', {
    'specs/v1-a.yaml': spec('1.0.0', { id, name }),
    'specs/v2-a.yaml': spec('5.0.0', { id }),
    'specs/v2-b.yaml': spec('5.1.0', { id, size }),
    'specs/v2-c.yaml': spec('5.1.1', { id, size, name }),
    'specs/v2-d.yaml': spec('6.0.0', { id, size, name }),
  });
  const entries = [
    { file: 'specs/v2-c.yaml', date: '2024-03-01', version: '5.1.1', api: 'v2' },
    { file: 'specs/v1-a.yaml', date: '2023-01-01', version: '1.0.0', api: 'v1' },
    { file: 'specs/v2-a.yaml', date: '2024-01-01', version: '5.0.0', api: 'v2' },
    { file: 'specs/v2-missing.yaml', date: '2024-02-01', version: '5.0.5', api: 'v2' },
    { file: 'specs/v2-b.yaml', date: '2024-02-01', version: '5.1.0', api: 'v2' },
    { file: 'specs/v2-d.yaml', date: '2024-04-01', version: '6.0.0', api: 'v2' },
  ];
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(entries));
  writeFileSync(path.join(dir, 'series.yaml'), `versions:\n${entries.map((e) => `  - {file: ${e.file}, date: '${e.date}', api: ${e.api}}`).join('\n')}\n`);

  it('walks by date (same date: index order), keeps one API major, and carries dates into the changelog', async () => {
    const r = await runSeries(path.join(dir, 'index.json'), { major: '2' });
    expect(r.kind).toBe('index');
    expect(r.order).toBe('date');
    expect(r.versions.map((v) => v.file)).toEqual(['specs/v2-a.yaml', 'specs/v2-missing.yaml', 'specs/v2-b.yaml', 'specs/v2-c.yaml', 'specs/v2-d.yaml']);
    expect(r.versions.map((v) => v.date)).toEqual(['2024-01-01', '2024-02-01', '2024-02-01', '2024-03-01', '2024-04-01']);
    const missing = byFile(r, 'specs/v2-missing.yaml');
    expect(missing).toMatchObject({ status: 'error', infoVersion: '5.0.5', error: { code: 'file-not-found' } });
    expect(byFile(r, 'specs/v2-b.yaml').previous?.file).toBe('specs/v2-a.yaml');
    // 5.0.0 -> 5.1.0 adds `size`: a compatible change in a minor bump
    expect(codes(r, 'specs/v2-b.yaml')).toEqual([]);
    // 5.1.0 -> 5.1.1 adds `name` (strict: compatible in a response), 6.0.0 changes nothing
    expect(codes(r, 'specs/v2-c.yaml')).toEqual([]);
    expect(codes(r, 'specs/v2-d.yaml')).toEqual(['major-without-change']);

    const md = renderSeriesMarkdown(r);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## 6.0.0 — 2024-04-01', '## 5.1.1 — 2024-03-01', '## 5.1.0 — 2024-02-01', '## 5.0.5 — 2024-02-01 (not loaded)', '## 5.0.0 — 2024-01-01']);
    expect(md).toMatch(/^# Changelog: Items\n/);
    expect(md).toContain('(API major 2)');
    expect(md).toContain('- ⚠ 1 major bump without any API change');
    expect(md).toContain('> ⚠ **Major bump without any API change:** info.version 5.1.1 → 6.0.0 is a major bump but the API did not change.');
    expect(md).toContain('`specs/v2-d.yaml`, compared with 5.1.1 (`specs/v2-c.yaml`): major bump.');
    expect(md).toContain('No API change.');
    expect(md).toContain('`specs/v2-a.yaml`, first version of the series.');

    const json = JSON.parse(renderSeriesJson(r)) as { versions: Array<{ file: string; flags: Array<{ code: string; level: string }>; changes: unknown[] }>; summary: { mismatches: number }; exitCode: number };
    expect(json.versions.map((v) => v.file)[0]).toBe('specs/v2-a.yaml');
    expect(json.versions.at(-1)!.flags).toEqual([{ code: 'major-without-change', level: 'mismatch', message: 'info.version 5.1.1 → 6.0.0 is a major bump but the API did not change' }]);
    expect(json.summary.mismatches).toBe(1);
    expect(json.exitCode).toBe(1);
  });

  it('without a major, each version is compared with the previous one of its own API major', async () => {
    const r = await runSeries(path.join(dir, 'index.json'));
    expect(r.versions.map((v) => `${v.file}:${v.status}`)).toEqual([
      'specs/v1-a.yaml:baseline',
      'specs/v2-a.yaml:baseline',
      'specs/v2-missing.yaml:error',
      'specs/v2-b.yaml:compared',
      'specs/v2-c.yaml:compared',
      'specs/v2-d.yaml:compared',
    ]);
    expect(byFile(r, 'specs/v2-b.yaml')).toMatchObject({ previous: { file: 'specs/v2-a.yaml' }, skipped: ['specs/v2-missing.yaml'] });
    const md = renderSeriesMarkdown(r);
    expect(md).toContain('## 6.0.0 (API v2) — 2024-04-01');
    expect(md).toContain('`specs/v1-a.yaml`, first version of the series for API v1.');
  });

  it('reads a YAML index, a directory holding index.json, and lists the known majors when none match', async () => {
    const y = await runSeries(path.join(dir, 'series.yaml'), { major: 'v1' });
    expect(y.versions.map((v) => v.file)).toEqual(['specs/v1-a.yaml']);
    expect(y.versions[0]!.status).toBe('baseline');
    const d = await runSeries(dir, { major: '2', order: 'listed' });
    expect(d.kind).toBe('index');
    expect(d.versions.map((v) => v.file)[0]).toBe('specs/v2-c.yaml');
    await expect(runSeries(path.join(dir, 'index.json'), { major: '3' })).rejects.toThrow(/no version of API major '3'.*v2, v1/);
    writeFileSync(path.join(dir, 'bad.json'), '{"versions": [{"date": "2024-01-01"}]}');
    await expect(runSeries(path.join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('terminal progress', () => {
  it('writes an updating line on a TTY and nothing elsewhere', () => {
    let text = '';
    const tty = terminalProgress({ isTTY: true, write: (s: string) => (text += s) })!;
    tty(1, 2, 'a.yaml');
    tty(2, 2, 'b.yaml');
    expect(text).toContain('[1/2] a.yaml');
    expect(text).toContain('[2/2] b.yaml');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
    expect(terminalProgress({ isTTY: false, write: () => undefined })).toBeUndefined();
  });
});

/**
 * The published Sunshine Conversations v2 history (../shared/corpus). The cases asserted were
 * checked by hand against the files:
 * - 11.0.0 -> 12.0.0 (history/144) and 16.0.1 -> 17.0.0 (history/192) differ from the version
 *   before only in info.version and description text: majors with no API change;
 * - 9.4.0 -> 9.4.2 (history/096) renames the request property `messageSchema` to `schema` of
 *   the message-sending and client-linking operations: a breaking change in a patch bump.
 */
const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
const corpusIndex = path.join(corpus, 'sunshine-conversations/index.json');
const corpusPresent = existsSync(corpusIndex);
if (!corpusPresent) console.warn(`series corpus test skipped: ${corpus} is absent (it ships beside the project in CI)`);

describe.skipIf(!corpusPresent)('runSeries over the Sunshine Conversations v2 history', () => {
  it('finds majors with no API change and breaking changes shipped without a major bump', async () => {
    const started = Date.now();
    const policy = path.resolve(import.meta.dirname, '../../specs/sunshine-conversations/policy.yaml');
    const r = await runSeries(corpusIndex, { major: '2', policy, skipValidation: true, locations: false });
    const v2 = (JSON.parse(readFileSync(corpusIndex, 'utf8')) as Array<{ api: string }>).filter((e) => e.api === 'v2');
    expect(r.order).toBe('date');
    expect(r.policy.name).toBe('sunshine-conversations');
    expect(r.summary).toMatchObject({ versions: v2.length, compared: v2.length - 1, errors: 0 });
    const dates = r.versions.map((v) => v.date!);
    expect([...dates].sort()).toEqual(dates);

    const flagged = (code: string) => r.versions.filter((v) => v.flags.some((f) => f.code === code));
    const majors = flagged('major-without-change');
    expect(majors.length).toBeGreaterThanOrEqual(2);
    for (const v of majors) expect(v.changes).toEqual([]);
    expect(majors.map((v) => `${v.previous!.infoVersion} -> ${v.infoVersion} ${v.file}`)).toEqual(
      expect.arrayContaining(['11.0.0 -> 12.0.0 history/144-2023-11-15-12.0.0.yaml', '16.0.1 -> 17.0.0 history/192-2025-08-27-17.0.0.yaml']),
    );

    const breaking = flagged('breaking-without-major');
    expect(breaking.filter((v) => v.bump === 'patch' || v.bump === 'minor').length).toBeGreaterThanOrEqual(3);
    const patch = byFile(r, 'history/096-2021-01-06-9.4.2.yaml');
    expect(patch).toMatchObject({ infoVersion: '9.4.2', bump: 'patch', previous: { infoVersion: '9.4.0' } });
    expect(patch.flags.map((f) => f.code)).toEqual(['breaking-without-major']);
    const renamed = patch.changes.filter((c) => c.verdict === 'breaking' && c.rule === 'request-property-renamed');
    expect(renamed.flatMap((c) => c.operations ?? [c.operation])).toEqual(expect.arrayContaining(['POST /v2/apps/{appId}/conversations/{conversationId}/messages', 'POST /v2/apps/{appId}/users/{userIdOrExternalId}/clients']));
    expect(renamed[0]!.args).toEqual({ from: 'messageSchema', to: 'schema' });

    const md = renderSeriesMarkdown(r);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toHaveLength(v2.length);
    expect(headings[0]).toBe(`## ${r.versions.at(-1)!.infoVersion} — ${r.versions.at(-1)!.date}`);
    expect(md).toMatch(/^> ⚠ \*\*Breaking change without a major bump:\*\* \d+ breaking changes but info\.version 9\.4\.0 → 9\.4\.2 is a patch bump\.$/m);
    console.log(
      `Sunshine v2 series: ${r.summary.versions} versions in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${majors.length} majors without change, ${breaking.length} versions with breaking changes and no major bump`,
    );
  }, 180_000);
});
