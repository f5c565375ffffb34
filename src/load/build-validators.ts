/**
 * Build step: writes the structural validators of every spec version as standalone modules into
 * dist/validators/, so a run loads them instead of compiling the official schemas (which costs
 * more than validating a large spec). Runs after `tsc` in `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { PRECOMPILED, validatorSource } from './validate.js';
import type { SpecVersion } from './spec.js';

const require = createRequire(import.meta.url);
const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: unknown, v: unknown) => string }).default;

const out = fileURLToPath(new URL('../validators/', import.meta.url));
mkdirSync(out, { recursive: true });
for (const version of Object.keys(PRECOMPILED) as SpecVersion[]) {
  const { ajv, schema } = validatorSource(version, { code: { source: true } });
  writeFileSync(out + PRECOMPILED[version], standaloneCode(ajv, ajv.compile(schema)));
}
