/**
 * The validation oracle: ajv validators for OpenAPI schemas in either dialect (3.0 through
 * ajv's draft-07 engine, 3.1 through its 2020-12 engine), with `$ref`s resolved against the
 * root document. Used by the tests to check generated values and by the generator where it
 * must filter (exclusive oneOf branches, `not`, keywords it does not model).
 */
import AjvDraft07Module from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ContextCache, isSchemaObject, type SchemaContext } from './schema-context.js';
import { NUMBER_FORMATS, STRING_FORMATS } from './formats.js';
import { OracleSchemas } from './oracle-schema.js';
import { SchemaView, viewFor } from './schema-view.js';

type AjvInstance = InstanceType<typeof AjvDraft07Module.default>;
type AjvConstructor = new (options: object) => AjvInstance;
const AjvDraft07 = (AjvDraft07Module.default ?? AjvDraft07Module) as unknown as AjvConstructor;
const Ajv2020 = (Ajv2020Module.default ?? Ajv2020Module) as unknown as AjvConstructor;
const addFormats = (addFormatsModule.default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void;

export interface ValidationResult {
  valid: boolean;
  /** `instancePath message` lines, empty when valid. */
  errors: string[];
}

export type ValueCheck = (value: unknown) => boolean;

export interface Oracle {
  /** A compiled check for `schema` (memoised per schema object). */
  check(schema: unknown): ValueCheck;
  validate(schema: unknown, value: unknown): ValidationResult;
  /** The JSON Schema the oracle compiles for `schema` (for debugging and reports). */
  jsonSchema(schema: unknown): unknown;
}

interface Compiled {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}

class AjvOracle implements Oracle {
  private readonly ajv: AjvInstance;
  private readonly schemas: OracleSchemas;
  private readonly compiled = new WeakMap<object, Compiled>();
  private readonly booleans = new Map<boolean, Compiled>();

  constructor(view: SchemaView) {
    const Engine = view.ctx.dialect === '3.1' ? Ajv2020 : AjvDraft07;
    this.ajv = new Engine({
      strict: false,
      validateSchema: false,
      allErrors: false,
      allowUnionTypes: true,
      addUsedSchema: false,
      inlineRefs: false,
      // Same regex semantics as the generator (specs often escape characters u-mode rejects).
      unicodeRegExp: false,
    });
    addFormats(this.ajv, [...STRING_FORMATS, ...NUMBER_FORMATS]);
    this.schemas = new OracleSchemas(view, (id, schema) => this.ajv.addSchema(schema as object, id));
  }

  jsonSchema(schema: unknown): unknown {
    return this.schemas.convert(schema);
  }

  private compile(schema: unknown): Compiled {
    if (typeof schema === 'boolean') {
      let fn = this.booleans.get(schema);
      if (!fn) this.booleans.set(schema, (fn = this.ajv.compile(schema ? {} : { not: {} }) as Compiled));
      return fn;
    }
    if (!isSchemaObject(schema)) throw new TypeError('not a schema');
    let fn = this.compiled.get(schema);
    if (!fn) {
      const converted = this.schemas.convert(schema);
      const root = typeof converted === 'boolean' ? (converted ? {} : { not: {} }) : (converted as object);
      fn = this.ajv.compile(root) as Compiled;
      this.compiled.set(schema, fn);
    }
    return fn;
  }

  check(schema: unknown): ValueCheck {
    const fn = this.compile(schema);
    return (value) => fn(value) === true;
  }

  validate(schema: unknown, value: unknown): ValidationResult {
    const fn = this.compile(schema);
    if (fn(value)) return { valid: true, errors: [] };
    return { valid: false, errors: (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`) };
  }
}

const oracles = new ContextCache<Oracle>();

/** The oracle for a document context (shared by every copy of the context). */
export function oracleFor(ctx: SchemaContext): Oracle {
  return oracles.get(ctx, () => new AjvOracle(viewFor(ctx)));
}

/** One-off validation of `value` against an OpenAPI `schema` of the context's document. */
export function validateValue(schema: unknown, value: unknown, ctx: SchemaContext): ValidationResult {
  return oracleFor(ctx).validate(schema, value);
}
