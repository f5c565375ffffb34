/**
 * The CI formats of `check`: GitHub workflow annotations and job summary, SARIF 2.1.0 (validated
 * against the official schema), JUnit XML (validated against an XSD of the format), GitLab Code
 * Quality, HTML and YAML. Every format locates changes in the file that holds them, escapes spec
 * strings, and carries stable fingerprints.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../src/check.js';
import { renderCheck, type CheckFormat } from '../../src/cli/check-formats.js';
import { toJson } from '../../src/render/json.js';
import { loadRules } from '../../src/rules/registry.js';
import { runCli } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const HOSTILE = '<img src=x onerror=alert(1)>';

function spec(opts: { values: string[]; extraPath?: boolean; reordered?: boolean; required?: string[] }): string {
  const pet = [
    '    Pet:',
    '      type: object',
    `      required: [${(opts.required ?? ['id']).join(', ')}]`,
    '      properties:',
    '        id: { type: string }',
    `        kind: { type: string, enum: [${opts.values.map((v) => JSON.stringify(v)).join(', ')}] }`,
    '        name: { type: string }',
  ];
  const pets = ['  /pets:', '    get:', '      operationId: listPets', "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } } }"];
  const owners = ['  /owners/{id}:', '    get:', '      operationId: getOwner', '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]', "      responses: { '200': { description: ok } }"];
  const extra = opts.extraPath ? ['  /stores:', '    get:', '      operationId: listStores', "      responses: { '200': { description: ok } }"] : [];
  const paths = opts.reordered ? [...extra, ...owners, ...pets] : [...pets, ...owners, ...extra];
  return ['openapi: 3.0.3', 'info: { title: "Pets & <Owners>", version: 1.0.0 }', 'paths:', ...paths, 'components:', '  schemas:', ...pet, ''].join('\n');
}

const dir = tempFolder('formats');
const basePath = dir.write(spec({ values: ['cat', 'dog', HOSTILE] }), 'base.yaml');
const revPath = dir.write(spec({ values: ['cat', 'bird'], required: ['id', 'name'] }), 'revision.yaml');
const ignorePath = dir.write(['apicompat: ignore/v1', 'ignore:', '  - rule: response-property-became-required', '    reason: "name is always sent <b>already</b>"', '    expires: 2099-01-01', ''].join('\n'), 'ignore.yaml');

async function result(): Promise<CheckResult> {
  return check(basePath, revPath, { policy: 'strict', ignoreFile: ignorePath });
}

describe('check formats', async () => {
  const r = await result();
  const rules = await loadRules();

  it('the pair has breaking, accepted and located changes to render', () => {
    expect(r.summary.breaking).toBeGreaterThan(0);
    expect(r.summary.ignored).toBeGreaterThan(0);
    expect(r.changes.every((c) => c.location.line !== undefined)).toBe(true);
  });

  it('github: one annotation per listed change with file, line, column and the rule as title; job summary appended', async () => {
    const summary = dir.write('# earlier step\n', 'summary.md');
    const out = await renderCheck(r, 'github', { env: { GITHUB_STEP_SUMMARY: summary } });
    const lines = out.trim().split('\n');
    const annotations = lines.filter((l) => l.startsWith('::'));
    const listed = r.changes.filter((c) => !c.ignored && c.verdict !== 'compatible');
    expect(annotations.length).toBe(new Set(listed.map((c) => `${c.rule} ${c.pointer} ${c.message}`)).size);
    for (const a of annotations) {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(a);
      expect(m, a).not.toBeNull();
      const props = Object.fromEntries(m![2]!.split(',').map((kv) => kv.split('=') as [string, string]));
      expect(props['file']).toBe(revPath.replace(/:/g, '%3A').replace(/,/g, '%2C'));
      expect(Number(props['line'])).toBeGreaterThan(0);
      expect(Number(props['col'])).toBeGreaterThan(0);
      expect(rules.some((x) => x.id === props['title'])).toBe(true);
    }
    expect(annotations.some((a) => a.startsWith('::error') && a.includes('title=response-enum-value-added'))).toBe(true);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# earlier step\n')).toBe(true);
    expect(written).toContain('### Breaking changes');
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, rules with help text and a link into docs/rules', async () => {
    const sarif = JSON.parse(await renderCheck(r, 'sarif')) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; help: { text: string }; helpUri: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; suppressions?: unknown[]; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // The official schema is draft-04; its language-tag pattern is not a valid unicode regexp.
    const AjvDraft4 = require('ajv-draft-04') as typeof import('ajv').default;
    const addFormats = require('ajv-formats') as (ajv: InstanceType<typeof AjvDraft4>) => void;
    const ajv = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0]!;
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(10);
      const doc = rule.helpUri.slice(rule.helpUri.lastIndexOf('/') + 1);
      expect(existsSync(path.join(root, 'docs/rules', doc)), rule.helpUri).toBe(true);
    }
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(Object.values(res.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(run.results.filter((x) => x.suppressions).length).toBeGreaterThan(0);
  });

  it('junit: valid against the JUnit XSD, one test case per operation, a failure per breaking change', async () => {
    const xml = await renderCheck(r, 'junit');
    using xsdDoc = XmlDocument.fromString(readFileSync(path.join(import.meta.dirname, 'schemas/junit.xsd'), 'utf8'));
    using validator = XsdValidator.fromDoc(xsdDoc);
    using doc = XmlDocument.fromString(xml);
    expect(() => validator.validate(doc)).not.toThrow();
    const cases = [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]!);
    for (const op of r.operations) expect(cases).toContain(op.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    expect(cases.length).toBe(new Set(cases).size);
    const failures = (xml.match(/<failure /g) ?? []).length;
    const breakingPerOp = r.changes.filter((c) => c.verdict === 'breaking' && !c.ignored).reduce((n, c) => n + Math.max(1, (c.operations ?? (c.operation ? [c.operation] : [])).length), 0);
    expect(failures).toBe(breakingPerOp);
    expect(xml).not.toContain(HOSTILE);
  });

  it('gitlab: code quality issues with fingerprints, severities and locations', async () => {
    const issues = JSON.parse(await renderCheck(r, 'gitlab')) as Array<{ check_name: string; description: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    expect(issues.length).toBe(new Set(r.changes.filter((c) => !c.ignored).map((c) => `${c.rule} ${c.pointer} ${c.message}`)).size);
    for (const i of issues) {
      expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
      expect(i.location.path).toBe(revPath);
      expect(i.location.lines.begin).toBeGreaterThan(0);
      expect(i.description.length).toBeGreaterThan(0);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('html: self-contained, every spec string escaped, accepted changes with reason and expiry', async () => {
    const html = await renderCheck(r, 'html');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html).toContain('name is always sent &lt;b&gt;already&lt;/b&gt;');
    expect(html).toContain('2099-01-01');
  });

  it('yaml: the JSON report as YAML', async () => {
    expect(parseYaml(await renderCheck(r, 'yaml'))).toEqual(JSON.parse(JSON.stringify(toJson(r))));
  });

  it('every format is accepted by the command line and -o writes the report to a file', async () => {
    for (const f of ['github', 'sarif', 'junit', 'gitlab', 'html', 'yaml'] as CheckFormat[]) {
      const out = path.join(dir.dir, `report.${f}`);
      const res = await runCli('check', basePath, revPath, '--format', f, '-o', out);
      expect(res.code, `${f}: ${res.err}`).toBe(1);
      expect(res.out).toBe('');
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(20);
    }
  });
});

describe('fingerprints', () => {
  const fingerprints = async (base: string, rev: string): Promise<Map<string, string>> => {
    const r = await check(base, rev, { policy: 'strict' });
    return new Map(r.changes.filter((c) => c.rule !== 'info-version-bump-insufficient').map((c) => [`${c.rule} ${c.message}`, c.fingerprint!]));
  };

  it('are the same across runs, key reorderings and unrelated edits', async () => {
    const first = await fingerprints(basePath, revPath);
    expect(first.size).toBeGreaterThan(1);
    expect(await fingerprints(basePath, revPath)).toEqual(first);
    const reordered = dir.write(spec({ values: ['cat', 'bird'], required: ['id', 'name'], reordered: true }), 'revision-reordered.yaml');
    expect(await fingerprints(basePath, reordered)).toEqual(first);
    const baseExtra = dir.write(spec({ values: ['cat', 'dog', HOSTILE], extraPath: true }), 'base-extra.yaml');
    const revExtra = dir.write(spec({ values: ['cat', 'bird'], required: ['id', 'name'], extraPath: true, reordered: true }), 'revision-extra.yaml');
    expect(await fingerprints(baseExtra, revExtra)).toEqual(first);
  });

  it('differ between different changes', async () => {
    const first = await fingerprints(basePath, revPath);
    expect(new Set(first.values()).size).toBe(first.size);
  });
});

describe('locations in multi-file specs', () => {
  it('point into the file that holds the change, in every located format', async () => {
    const mf = tempFolder('formats-multifile');
    const root = (v: string): string =>
      mf.write(
        ['openapi: 3.0.3', 'info: { title: mf, version: 1.0.0 }', 'paths:', '  /pets:', '    get:', "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: './pet.yaml' } } } } }", ''].join('\n'),
        `${v}/openapi.yaml`,
      );
    const { mkdirSync } = await import('node:fs');
    for (const v of ['a', 'b']) mkdirSync(path.join(mf.dir, v));
    const a = root('a');
    const b = root('b');
    mf.write('type: object\nproperties:\n  kind: { type: string, enum: [cat, dog] }\n', 'a/pet.yaml');
    const pet = mf.write('type: object\nproperties:\n  kind: { type: string, enum: [cat, dog, bird] }\n', 'b/pet.yaml');
    const r = await check(a, b, { policy: 'strict' });
    const added = r.changes.find((c) => c.rule === 'response-enum-value-added')!;
    expect(added.location).toMatchObject({ file: pet, line: 3 });
    expect(await renderCheck(r, 'github')).toContain(`file=${pet.replace(/:/g, '%3A')},line=3`);
    const gitlab = JSON.parse(await renderCheck(r, 'gitlab')) as Array<{ check_name: string; location: { path: string } }>;
    expect(gitlab.find((i) => i.check_name === 'response-enum-value-added')!.location.path).toBe(pet);
    const sarif = JSON.parse(await renderCheck(r, 'sarif')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const res = sarif.runs[0]!.results.find((x) => x.ruleId === 'response-enum-value-added')!;
    expect(res.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('b/pet.yaml')).toBe(true);
  });
});
