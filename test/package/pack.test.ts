/**
 * The packed package as a project installs it: `npm pack` carries the built files, LICENSE and
 * no sources; installing it runs no build; and its type declarations check in a fresh strict
 * TypeScript project that has only the package and what the package declares.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.js';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const built = existsSync(path.join(root, 'dist', 'index.d.ts'));
if (!built) console.log('packed package not checked: dist/ is absent (npm ci or npm run build writes it)');

interface PackFile {
  path: string;
}

function pack(dest: string): { filename: string; files: PackFile[] } {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as Array<{ filename: string; files: PackFile[] }>)[0]!;
}

/** Every bare module a declaration file imports (`node:` ones count as @types/node). */
function declaredImports(dir: string, out = new Set<string>()): Set<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) declaredImports(p, out);
    else if (e.name.endsWith('.d.ts')) {
      for (const m of readFileSync(p, 'utf8').matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)) {
        const spec = m[1]!;
        out.add(spec.startsWith('node:') ? '@types/node' : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return out;
}

describe.skipIf(!built)('packed package', () => {
  const work = tempFolder('pack').dir;
  const packed = built ? pack(work) : { filename: '', files: [] };
  const files = packed.files.map((f) => f.path);

  it('carries LICENSE, README, the built entry points and schemas, and no TypeScript sources', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/suites/vitest.js', 'bin/apicompat.js']) expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('schemas/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('installs without running a build: no install-time scripts', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const s of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts[s], s).toBeUndefined();
  });

  it('declares every module its type declarations import', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);
    const missing = [...declaredImports(path.join(root, 'dist'))].filter((m) => !declared.has(m) && !declared.has(`@types/${m}`) && m !== 'vitest');
    expect(missing).toEqual([]);
  });

  it('type-checks in a fresh strict TypeScript project', () => {
    const proj = path.join(work, 'project');
    const modules = path.join(proj, 'node_modules');
    mkdirSync(modules, { recursive: true });
    execFileSync('tar', ['xzf', path.join(work, packed.filename), '-C', work]);
    cpSync(path.join(work, 'package'), path.join(modules, 'apicompat'), { recursive: true });
    // The package's own dependencies (and theirs) as an install would place them.
    for (const name of readdirSync(path.join(root, 'node_modules'))) {
      if (name === '.bin' || name === 'apicompat' || name.startsWith('.')) continue;
      symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name));
    }
    writeFileSync(path.join(proj, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      path.join(proj, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['index.ts'] }),
    );
    writeFileSync(
      path.join(proj, 'index.ts'),
      [
        "import { checkSpecs, loadSpec, changelog, runSeries, fuzz } from 'apicompat';",
        "import { describeClientTolerance, sunshineWebhookSigner } from 'apicompat/vitest';",
        "const spec = await loadSpec('openapi.yaml');",
        'const result = await checkSpecs(spec, spec);',
        'const total: number = result.summary.total;',
        'console.log(total, typeof changelog, typeof runSeries, typeof fuzz, typeof describeClientTolerance, typeof sunshineWebhookSigner);',
        '',
      ].join('\n'),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', proj], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  }, 60_000);
});
