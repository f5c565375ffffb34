/**
 * Path, tag and x-internal filters: a change is reported when one of the operations it affects is
 * kept, shared changes list only the kept operations, document-level changes stay.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { runCli } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

function spec(breaking: boolean): string {
  const status = breaking ? "'201'" : "'200'";
  return [
    'openapi: 3.0.3',
    'info: { title: Filters, version: 1.0.0 }',
    'paths:',
    '  /v2/pets:',
    '    get:',
    '      tags: [pets]',
    `      responses: { ${status}: { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Shared' } } } } }`,
    '  /v2/admin/stats:',
    '    x-internal: true',
    '    get:',
    '      tags: [admin]',
    `      responses: { ${status}: { description: ok } }`,
    '  /v1/legacy:',
    '    get:',
    '      tags: [legacy]',
    `      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Shared' } } } } }`,
    '  /v2/owners:',
    '    get:',
    '      tags: [owners]',
    '      x-internal: true',
    `      responses: { ${status}: { description: ok } }`,
    'components:',
    '  schemas:',
    '    Shared:',
    '      type: object',
    '      required: [id]',
    '      properties:',
    `        id: { type: ${breaking ? 'integer' : 'string'} }`,
    '',
  ].join('\n');
}

const dir = tempFolder('filters');
const base = dir.write(spec(false), 'base.yaml');
const rev = dir.write(spec(true), 'revision.yaml');
const ops = async (filters: Parameters<typeof check>[2] extends infer O ? (O extends { filters?: infer F } ? F : never) : never): Promise<Set<string>> => {
  const r = await check(base, rev, { filters });
  return new Set(r.changes.flatMap((c) => c.operations ?? (c.operation ? [c.operation] : [])));
};

describe('operation filters', () => {
  it('without filters every operation is reported', async () => {
    expect(await ops({})).toEqual(new Set(['GET /v2/pets', 'GET /v2/admin/stats', 'GET /v1/legacy', 'GET /v2/owners']));
  });

  it('--match-path keeps matching paths (glob or regex); a shared change lists only kept operations', async () => {
    expect(await ops({ matchPath: ['/v2/**'] })).toEqual(new Set(['GET /v2/pets', 'GET /v2/admin/stats', 'GET /v2/owners']));
    expect(await ops({ matchPath: ['/^\\/v1\\//'] })).toEqual(new Set(['GET /v1/legacy']));
    const r = await check(base, rev, { filters: { matchPath: ['/v1/*'] } });
    const shared = r.changes.find((c) => c.rule.includes('type'))!;
    expect(shared.operations ?? [shared.operation]).toEqual(['GET /v1/legacy']);
    expect(r.operations).toEqual(['GET /v1/legacy']);
  });

  it('--exclude-path, --exclude-tag and --exclude-internal leave operations out', async () => {
    expect(await ops({ excludePath: ['/v2/admin/**', '/v1/*'] })).toEqual(new Set(['GET /v2/pets', 'GET /v2/owners']));
    expect(await ops({ excludeTag: ['pets', 'legacy'] })).toEqual(new Set(['GET /v2/admin/stats', 'GET /v2/owners']));
    expect(await ops({ excludeInternal: true })).toEqual(new Set(['GET /v2/pets', 'GET /v1/legacy']));
  });

  it('the command line takes repeatable filters; a bad regex is a usage error', async () => {
    const res = await runCli('check', base, rev, '--format', 'json', '--exclude-tag', 'pets', '--exclude-tag', 'legacy', '--exclude-internal');
    const json = JSON.parse(res.out) as { changes: Array<{ operations: string[] }> };
    // every operation is left out: pets and legacy by tag, the other two as internal
    expect(json.changes.flatMap((c) => c.operations)).toEqual([]);
    expect(res.code).toBe(0);
    const bad = await runCli('check', base, rev, '--match-path', '/v2/(/');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--match-path: '\/v2\/\(\/' is not a valid regular expression/);
    expect(bad.err.split('\n').filter(Boolean).length).toBe(1);
  });
});
