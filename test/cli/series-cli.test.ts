/** `changelog --series` on the command line: an index naming API majors, and --major. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';
import { tempFolder } from '../support/temp.js';

const spec = (version: string, prop: string): string => `openapi: 3.0.3
info: {title: t, version: ${version}}
paths:
  /things:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  ${prop}: {type: string}
`;

describe('changelog --series from the command line', () => {
  const { dir, write } = tempFolder('series-cli');
  const files: Array<[string, string, string, string]> = [
    ['a.yaml', '1.0.0', 'id', 'v1'],
    ['b.yaml', '2.0.0', 'id', 'v2'],
    ['c.yaml', '2.0.1', 'name', 'v2'],
    ['d.yaml', '1.1.0', 'code', 'v1'],
  ];
  files.forEach(([f, v, p], i) => write(spec(v, p) + `# ${i}\n`, f));
  const index = write(JSON.stringify(files.map(([file, version, , api], i) => ({ file, version, api, date: `2024-01-0${i + 1}` }))), 'index.json');

  it('--major keeps the versions of one API major', async () => {
    const r = await run('changelog', '--series', index, '--major', '2', '--format', 'json');
    const out = JSON.parse(r.out) as { versions: Array<{ file?: string; source?: string }> };
    const names = JSON.stringify(out.versions);
    expect(names).toContain('b.yaml');
    expect(names).toContain('c.yaml');
    expect(names).not.toContain('a.yaml');
    expect(names).not.toContain('d.yaml');
    // 2.0.0 -> 2.0.1 removed a response property: a breaking change in a patch is flagged.
    expect(r.code).toBe(1);
    expect(r.out).toContain('breaking-without-major');
  });

  it('--major without --series is a usage error', async () => {
    const r = await run('changelog', path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'), '--major', '2');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
