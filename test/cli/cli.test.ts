/** The command line as a user meets it: exit codes, formats, one-line errors on bad input. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

const temp = tempFolder('cli');
const dir = temp.dir;
const write = (name: string, text: string): string => temp.write(text, name);
const spec = (props: string, extra = ''): string => `openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /items/{id}:
    get:
      operationId: getItem
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
${props}
${extra}`;
const base = write('base.yaml', spec('                  id: {type: string}\n                  name: {type: string}'));
const removed = write('removed.yaml', spec('                  id: {type: string}'));
const added = write('added.yaml', spec('                  id: {type: string}\n                  name: {type: string}\n                  size: {type: integer}'));

describe('apicompat check', () => {
  it('exits 0 when nothing breaks and 1 on a breaking change', async () => {
    expect((await run('check', base, added)).code).toBe(0);
    const r = await run('check', base, removed);
    expect(r.code).toBe(1);
    expect(r.out).toContain('response-optional-property-removed');
    expect(r.out).toMatch(/removed\.yaml:\d+:\d+/);
  });

  it('a version against itself reports no change', async () => {
    const r = await run('check', base, base);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No changes.');
  });

  it('json output lists every change with rule, verdict, direction, operation, pointer, location and message', async () => {
    const r = await run('check', base, removed, '--format', 'json');
    const doc = JSON.parse(r.out) as { changes: Array<Record<string, unknown>>; summary: { breaking: number } };
    expect(doc.summary.breaking).toBe(1);
    const c = doc.changes[0]!;
    for (const k of ['rule', 'verdict', 'direction', 'operation', 'pointer', 'location', 'message']) expect(c).toHaveProperty(k);
    expect(c['operation']).toBe('GET /items/{id}');
    expect((c['location'] as { line: number }).line).toBeGreaterThan(0);
  });

  it('markdown output has a table per verdict', async () => {
    const r = await run('check', base, removed, '--format', 'markdown');
    expect(r.out).toContain('### Breaking changes (1)');
    expect(r.out).toContain('| Rule | Operations | Change | Location |');
  });

  it('the tolerant-reader policy accepts what strict refuses', async () => {
    const withEnum = write('enum-a.yaml', spec('                  id: {type: string}\n                  kind: {type: string, enum: [a]}'));
    const moreEnum = write('enum-b.yaml', spec('                  id: {type: string}\n                  kind: {type: string, enum: [a, b]}'));
    expect((await run('check', withEnum, moreEnum)).code).toBe(1);
    expect((await run('check', withEnum, moreEnum, '--policy', 'tolerant-reader')).code).toBe(0);
  });

  it('an ignore entry with a reason accepts a breaking change; one without a reason is a usage error', async () => {
    const ok = write('ignore.yaml', '- rule: response-optional-property-removed\n  reason: never populated\n');
    const r = await run('check', base, removed, '--ignore', ok);
    expect(r.code).toBe(0);
    expect(r.out).toContain('never populated');
    const expired = write('ignore-old.yaml', '- rule: response-optional-property-removed\n  reason: temporary\n  expires: 2001-01-01\n');
    const e = await run('check', base, removed, '--ignore', expired);
    expect(e.code).toBe(1);
    expect(e.out).toContain('expired');
    const bad = write('ignore-bad.yaml', '- rule: response-optional-property-removed\n');
    const b = await run('check', base, removed, '--ignore', bad);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/ignore-bad\.yaml:1:\d+: .*reason/);
  });

  it('a policy file can allow a rule by clause', async () => {
    const p = write('policy.yaml', 'apicompat: policy/v1\nname: demo\nextends: strict\nclauses:\n  - id: removals-ok\n    ref: "demo policy 1"\n    text: optional fields may go\n    allows: [response-optional-property-removed]\n');
    const r = await run('check', base, removed, '--policy', p, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).changes[0].reason).toContain('removals-ok');
    const unknown = write('policy-bad.yaml', 'extends: strict\noverrides:\n  no-such-rule: breaking\n');
    const u = await run('check', base, removed, '--policy', unknown);
    expect(u.code).toBe(2);
    expect(u.err).toContain("unknown rule id 'no-such-rule'");
  });
});

describe('bad input: one line, a location, exit 3, no stack trace', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['missing.yaml', '', /missing\.yaml: no such file/],
    ['malformed.yaml', 'openapi: 3.0.0\ninfo: [unclosed\n', /malformed\.yaml:\d+:\d+: malformed YAML/],
    ['malformed.json', '{"openapi": "3.0.0", }', /malformed\.json:1:\d+: malformed JSON/],
    ['not-openapi.yaml', 'hello: world\n', /not an OpenAPI document/],
    ['bad-ref.yaml', 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n', /bad-ref\.yaml:\d+:\d+: \$ref '#\/components\/responses\/Nope' points to nothing/],
    ['remote-ref.yaml', 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          $ref: https://example.com/r.yaml\n', /remote-ref\.yaml:8:\d+: .*--allow-remote-refs/],
    ['escape-ref.yaml', 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          $ref: ../../etc/passwd\n', /escape-ref\.yaml:8:\d+: .*leaves the spec's folder/],
    ['proto.json', '{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"__proto__": {"type": "object"}}}}', /proto\.json:1:\d+: key "__proto__"/],
    ['bomb.yaml', `openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\nx-a: &a [1,1,1,1,1,1,1,1,1,1]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nx-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nx-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\nx-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nx-h: [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n`, /bomb\.yaml: YAML aliases expand/],
  ];
  for (const [name, text, pattern] of cases) {
    it(name, async () => {
      const p = text ? write(name, text) : path.join(dir, name);
      const r = await run('check', p, base);
      expect(r.code).toBe(3);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('a file over the size bound is refused', async () => {
    const r = await run('check', base, base, '--max-size', '100b');
    expect(r.code).toBe(3);
    expect(r.err).toContain('over the limit');
  });

  it('usage errors exit 2', async () => {
    expect((await run('check', base)).code).toBe(2);
    expect((await run('check', base, base, '--format', 'xml')).code).toBe(2);
    expect((await run('nonsense')).code).toBe(2);
  });

  it('validation problems are warnings unless --strict-spec', async () => {
    const invalid = write('invalid.yaml', spec('                  id: {type: string, required: true}'));
    const r = await run('check', invalid, invalid);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warning .*invalid\.yaml:\d+:\d+: .*required/);
    const s = await run('check', invalid, invalid, '--strict-spec');
    expect(s.code).toBe(3);
    expect(s.err).toMatch(/invalid\.yaml:\d+:\d+: invalid OpenAPI document/);
  });
});

describe('apicompat rules', () => {
  it('lists id, direction, verdict under each built-in policy and summary', async () => {
    const r = await run('rules');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/response-enum-value-added\s+response\s+breaking\s+compatible/);
    const json = JSON.parse((await run('rules', '--format', 'json')).out) as Array<{ id: string }>;
    expect(json.length).toBeGreaterThan(100);
  });
});
