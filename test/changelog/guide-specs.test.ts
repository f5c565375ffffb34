/**
 * The migration guides of our shipped specs express the items of the providers' own changelogs:
 * every item of specs/<api>/expected-changes.yaml appears as exactly one line of
 * `changelog <old> <new>`, with the verdict the item gives. Items the guide cannot express yet are
 * listed in GAPS with the reason; they are asserted to still be missing so the list stays true.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changelog, type Changelog } from '../../src/changelog/guide.js';
import { linesFor, type ExpectedItem } from './expected-items.js';

const specs = path.resolve(import.meta.dirname, '../../specs');

function items(api: string, between?: string[]): ExpectedItem[] {
  const raw = parse(readFileSync(path.join(specs, api, 'expected-changes.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  return raw
    .filter((e) => !between || JSON.stringify(e['between']) === JSON.stringify(between))
    .map((e) => ({
      id: String(e['id']),
      kind: String(e['kind']),
      subject: String(e['schema'] ?? e['subject']),
      ...(typeof e['fromSchema'] === 'string' ? { fromSchema: e['fromSchema'] } : {}),
      from: (e['from'] as string | null) ?? null,
      to: (e['to'] as string | null) ?? null,
      verdict: String(e['verdict']),
    }));
}

/** Items not expressed yet, by id, with the reason. */
const GAPS: Record<string, string> = {
};

function suite(title: string, api: string, old: string, rev: string, mapping: string, between?: string[]): void {
  describe(title, () => {
    let guide: Changelog | undefined;
    const get = async (): Promise<Changelog> =>
      (guide ??= await changelog(path.join(specs, api, old), path.join(specs, api, rev), {
        policy: path.join(specs, api, 'policy.yaml'),
        mappingFile: path.join(specs, api, mapping),
      }));
    const list = items(api, between);

    it('lists the items to look for', () => {
      expect(list.length).toBeGreaterThan(40);
    });

    for (const e of list) {
      const run = async (): Promise<void> => {
        const hits = linesFor((await get()).lines, e);
        expect(hits.map((h) => `${h.verdict} ${h.kind} ${h.subject}: ${h.text}`), `${e.id}: one line`).toHaveLength(1);
        expect(hits[0]!.verdict, e.id).toBe(e.verdict);
      };
      const gap = GAPS[e.id];
      if (gap) it.fails(`${e.id} (not expressed yet: ${gap})`, run);
      else it(`${e.id}: ${e.kind} ${e.subject} is one ${e.verdict} line`, run);
    }
  });
}

suite('Sunshine Conversations v1.1 -> v2 guide', 'sunshine-conversations', 'v1.1.yaml', 'v2.yaml', 'mapping-v1.1-v2.yaml', ['v1.1', 'v2']);
suite('8x8 Chat v1 -> v2 guide', '8x8-chat', 'v1.yaml', 'v2.yaml', 'mapping-v1-v2.yaml');
