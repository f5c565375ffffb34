/**
 * The real history: the last master v1.1 swagger.json (entry 081) against the first bundled v2
 * (entry 083). The guide finds the renames and moves of the v2 changelog on its own; the only hint
 * it may get is a path mapping. Skips, saying why, when ../shared/corpus is absent.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changelogSpecs, type Changelog, type ChangelogLine } from '../../src/changelog/guide.js';
import { loadSpec } from '../../src/load/spec.js';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
const dir = path.join(corpus, 'sunshine-conversations');
const present = existsSync(path.join(dir, 'index.json'));
if (!present) console.warn(`changelog corpus tests skipped: ${corpus} is absent (it ships beside the project in CI)`);

interface Entry {
  file: string;
  api: string;
  branch: string;
}

/** The entry whose file name starts with the given number. */
function entry(entries: Entry[], n: string): Entry {
  const e = entries.find((x) => path.basename(x.file).startsWith(`${n}-`));
  if (!e) throw new Error(`no corpus entry ${n}`);
  return e;
}

/** A path mapping only: the operations of the shipped v1.1 -> v2 mapping, nothing about schemas or webhooks. */
function pathMapping(): string {
  const shipped = parse(readFileSync(path.resolve(import.meta.dirname, '../../specs/sunshine-conversations/mapping-v1.1-v2.yaml'), 'utf8')) as { operations: Record<string, string> };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'apicompat-corpus-')), 'paths.yaml');
  writeFileSync(file, stringify({ apicompat: 'mapping/v1', operations: shipped.operations }));
  return file;
}

const one = (c: Changelog, kind: string, test: (l: ChangelogLine) => boolean): ChangelogLine[] => c.lines.filter((l) => l.kind === kind && test(l));
const names = (l: ChangelogLine): string[] => [l.subject, l.baseSubject ?? ''];

describe.skipIf(!present)('changelog on the real Sunshine history (081 -> 083)', () => {
  const entries: Entry[] = present ? JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) : [];
  const guides = new Map<string, Promise<Changelog>>();
  const guide = (withPaths: boolean): Promise<Changelog> => {
    const key = String(withPaths);
    let g = guides.get(key);
    if (!g) {
      g = (async () => {
        const old = entry(entries, '081');
        const rev = entry(entries, '083');
        expect(old.api).toBe('v1.1');
        expect(old.file).toMatch(/\.json$/);
        expect(rev.api).toBe('v2');
        const [a, b] = await Promise.all([loadSpec(path.join(dir, old.file)), loadSpec(path.join(dir, rev.file))]);
        return changelogSpecs(a, b, { policy: 'tolerant-reader', ...(withPaths ? { mappingFile: pathMapping() } : {}) });
      })();
      guides.set(key, g);
    }
    return g;
  };

  for (const withPaths of [false, true]) {
    const label = withPaths ? 'with a path mapping' : 'with no mapping at all';

    it(`${label}: renamed fields are one breaking line each`, async () => {
      const c = await guide(withPaths);
      const cases: Array<[string, string, string]> = [
        ['App', '_id', 'id'],
        ['App', 'name', 'displayName'],
        ['SecretKey', '_id', 'id'],
        ['SecretKey', 'name', 'displayName'],
        ['Integration', '_id', 'id'],
        ['Webhook', '_id', 'id'],
        ['Webhook', 'includeFullAppUser', 'includeFullUser'],
        ['AppCreate', 'name', 'displayName'],
      ];
      for (const [schema, from, to] of cases) {
        const hits = one(c, 'property-renamed', (l) => names(l).includes(schema) && l.from[0] === from && l.to[0] === to);
        expect(hits, `${schema}: ${from} -> ${to}`).toHaveLength(1);
        expect(hits[0]!.verdict).toBe('breaking');
      }
    });

    it(`${label}: fields moved into a sub-object are one line`, async () => {
      const c = await guide(withPaths);
      const attachment = one(c, 'property-moved', (l) => names(l).includes('AttachmentResponse'));
      expect(attachment).toHaveLength(1);
      expect(attachment[0]!.to).toEqual(['attachment.mediaUrl', 'attachment.mediaType']);
      expect(attachment[0]!.verdict).toBe('breaking');
      const meta = one(c, 'property-moved', (l) => names(l).includes('ListAppsResponse'));
      expect(meta.map((l) => l.to)).toEqual([['meta.hasMore']]);
    });

    it(`${label}: PUT -> PATCH and moved paths are reported`, async () => {
      const c = await guide(withPaths);
      const put = one(c, 'method-changed', (l) => l.baseSubject === 'PUT /v1.1/apps/{appId}');
      expect(put).toHaveLength(1);
      expect([put[0]!.from, put[0]!.to, put[0]!.verdict]).toEqual([['PUT'], ['PATCH'], 'breaking']);
      const webhooks = one(c, 'operation-renamed', (l) => l.baseSubject === 'GET /v1.1/apps/{appId}/webhooks');
      expect(webhooks.map((l) => l.subject)).toEqual(['GET /v2/apps/{appId}/integrations/{integrationId}/webhooks']);
    });
  }
});
