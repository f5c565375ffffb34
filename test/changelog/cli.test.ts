/** `apicompat changelog` as a user meets it: formats, output file, usage errors, escaping. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

const specs = path.resolve(import.meta.dirname, '../../specs');
const sc = (f: string): string => path.join(specs, 'sunshine-conversations', f);
const temp = tempFolder('changelog');
const dir = temp.dir;
const write = (name: string, text: string): string => temp.write(text, name);

const hostile = '<script>alert(1)</script>';
const spec = (prop: string, title: string): string => `openapi: 3.0.3
info: {title: "${title}", version: 1.0.0}
tags: [{name: "Items"}]
paths:
  /items/{id}:
    put:
      operationId: updateItem
      tags: [Items]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
components:
  schemas:
    Item:
      type: object
      required: [${prop}]
      properties:
        ${prop}: {type: string, description: "${hostile}"}
`;
const base = write('base.yaml', spec('_id', `Items ${hostile}`));
const rev = write('rev.yaml', spec('id', `Items ${hostile}`).replace('    put:', '    patch:'));

describe('apicompat changelog', () => {
  it('writes a markdown guide by default, one line per composite change, with the verdict', async () => {
    const r = await run('changelog', base, rev);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Migration guide/);
    expect(r.out).toContain('## Resources');
    expect(r.out).toContain('## Schema changes');
    const renamed = r.out.split('\n').filter((l) => l.includes('`_id` → `id`'));
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toContain('**breaking**');
    const method = r.out.split('\n').filter((l) => l.includes('method PUT → PATCH'));
    expect(method).toHaveLength(1);
    expect(method[0]).toContain('**breaking**');
  });

  it('json lists the lines with kind, verdict, subject, from and to', async () => {
    const r = await run('changelog', base, rev, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { schemas: Array<{ name: string; lines: Array<{ kind: string; verdict: string; from: string[]; to: string[] }> }>; resources: Array<{ name: string; lines: Array<{ kind: string }> }> };
    const item = doc.schemas.find((s) => s.name === 'Item');
    expect(item?.lines).toContainEqual(expect.objectContaining({ kind: 'property-renamed', verdict: 'breaking', from: ['_id'], to: ['id'] }));
    expect(doc.resources.find((g) => g.name === 'Items')?.lines.map((l) => l.kind)).toContain('method-changed');
  });

  it('the policy decides the verdicts', async () => {
    const a = write('a.yaml', spec('id', 't'));
    const b = write('b.yaml', spec('id', 't').replace('        id: {type: string', '        size: {type: integer}\n        id: {type: string'));
    const strict = JSON.parse((await run('changelog', a, b, '--format', 'json')).out) as { schemas: Array<{ lines: Array<{ kind: string; verdict: string }> }> };
    const tolerant = JSON.parse((await run('changelog', a, b, '--format', 'json', '--policy', 'tolerant-reader')).out) as typeof strict;
    const verdict = (d: typeof strict): string | undefined => d.schemas.flatMap((s) => s.lines).find((l) => l.kind === 'property-added')?.verdict;
    expect(verdict(strict)).toBeDefined();
    expect(verdict(tolerant)).toBe('compatible');
  });

  it('html escapes every string taken from the specs', async () => {
    const tag = '<img src=x onerror=alert(1)>';
    const named = (text: string): string => text.replace('    Item:', `    "${tag}":`).replace("schemas/Item'", `schemas/${tag}'`);
    const r = await run('changelog', write('evil-base.yaml', named(spec('_id', `x ${hostile}`))), write('evil-rev.yaml', named(spec('id', `x ${hostile}`))), '--format', 'html');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^<!DOCTYPE html>/);
    expect(r.out).not.toContain('<script>');
    expect(r.out).not.toContain('<img');
    expect(r.out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.out).toContain('<code>_id</code>');
  });

  it('--output writes the guide to a file', async () => {
    const file = path.join(dir, 'guide.md');
    const r = await run('changelog', base, rev, '-o', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('# Migration guide');
  });

  it('applies a mapping file, webhook renames included', async () => {
    const r = await run('changelog', sc('v1.1.yaml'), sc('v2.yaml'), '--mapping', sc('mapping-v1.1-v2.yaml'), '--policy', sc('policy.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('| `message:appUser` | `conversation:message` | **breaking** |');
    expect(r.out).toMatch(/`PUT \/v1\.1\/apps\/\{appId\}\/appusers\/\{appUserId\}` → `PATCH \/v2\/apps\/\{appId\}\/users\/\{userIdOrExternalId\}`/);
  });

  it('usage errors are one line with exit 2; a bad spec exits 3; no stack trace', async () => {
    const missing = await run('changelog', base);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('needs <base> and <revision>');
    const both = await run('changelog', base, rev, '--series', dir);
    expect(both.code).toBe(2);
    expect(both.err).toContain('no <base> <revision>');
    const format = await run('changelog', base, rev, '--format', 'pdf');
    expect(format.code).toBe(2);
    const badMapping = await run('changelog', base, rev, '--mapping', path.join(dir, 'nope.yaml'));
    expect(badMapping.code).toBe(2);
    const bad = write('bad.yaml', 'openapi: [');
    const r = await run('changelog', bad, rev);
    expect(r.code).toBe(3);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('--series writes release notes for a directory of versions', async () => {
    const series = tempFolder('series');
    const seriesDir = series.dir;
    series.write(spec('id', 't'), '1.yaml');
    series.write(spec('id', 't').replace('version: 1.0.0', 'version: 1.1.0'), '2.yaml');
    const r = await run('changelog', '--series', seriesDir);
    expect(r.err).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(r.out.length).toBeGreaterThan(0);
    expect(r.out).toContain('1.1.0');
  });
});
