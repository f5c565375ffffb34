/**
 * The package as an integrator installs it: the entry points in package.json resolve to built
 * files with type declarations, load outside this repository's aliases, and vitest is a peer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string } | string>;
  peerDependencies?: Record<string, string>;
  dependencies: Record<string, string>;
  files: string[];
};
const built = existsSync(path.join(root, 'dist', 'index.js'));
if (!built) console.log('package entry points not loaded: dist/ is absent (npm ci or npm run build writes it)');

describe('package entry points', () => {
  it('declare types and a peer dependency on vitest', () => {
    for (const key of ['.', './vitest']) {
      const entry = pkg.exports[key];
      expect(typeof entry === 'object' && entry.types.endsWith('.d.ts')).toBe(true);
    }
    expect(pkg.peerDependencies?.['vitest']).toBeDefined();
    for (const runtime of ['fast-check', 'nock', 'jose']) expect(pkg.dependencies[runtime]).toBeDefined();
    expect(pkg.files).toContain('dist');
  });

  it.skipIf(!built)('resolve to built files that load and export the documented API', async () => {
    for (const key of ['.', './vitest']) {
      const entry = pkg.exports[key] as { types: string; default: string };
      expect(existsSync(path.join(root, entry.types))).toBe(true);
      expect(existsSync(path.join(root, entry.default))).toBe(true);
    }
    const main = (await import(pathToFileURL(path.join(root, (pkg.exports['.'] as { default: string }).default)).href)) as Record<string, unknown>;
    for (const name of ['check', 'checkSpecs', 'changelog', 'runSeries', 'verifySunshineWebhook', 'verifyEightByEightWebhook', 'fuzz']) expect(main[name], name).toBeDefined();
    const suites = (await import(pathToFileURL(path.join(root, (pkg.exports['./vitest'] as { default: string }).default)).href)) as Record<string, unknown>;
    for (const name of ['describeClientTolerance', 'describeWebhookTolerance', 'runClientTolerance', 'runWebhookTolerance', 'sunshineWebhookSigner', 'eightByEightWebhookSigner']) expect(typeof suites[name], name).toBe('function');
  });
});
