/**
 * Rewrites OpenAPI schemas (3.0 or 3.1) into plain JSON Schema that ajv accepts:
 * `nullable` becomes a null alternative, boolean exclusive bounds become numbers,
 * discriminated unions dispatch on the discriminator value, OpenAPI-only keywords and
 * `x-*` extensions are dropped, readOnly/writeOnly properties stop being required in the
 * direction that never sees them, and every `$ref` points to a schema registered under its
 * own id (each referenced schema is converted once, so cycles stay cycles).
 */
import { hasOwn, isSchemaObject, own, type Schema, type SchemaObject } from './schema-context.js';
import { isKnownFormat } from './formats.js';
import { JSON_TYPES, type SchemaView } from './schema-view.js';

const DROPPED = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'nullable',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$id',
  '$schema',
  '$comment',
  '$anchor',
  '$dynamicAnchor',
  'default',
  'title',
  'description',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_SINGLE = new Set([
  'additionalProperties',
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentSchema',
]);

export const ORACLE_BASE = 'https://apicompat.invalid/schema/';

export class OracleSchemas {
  private readonly converted = new WeakMap<object, unknown>();
  private readonly ids = new WeakMap<object, string>();
  private readonly inProgress = new Set<object>();
  private readonly pending = new Map<object, string>();
  private next = 0;

  constructor(
    private readonly view: SchemaView,
    private readonly register: (id: string, schema: unknown) => void,
  ) {}

  /** The id under which the converted `target` is registered (converting it on first use). */
  idFor(target: Schema): string {
    if (typeof target === 'boolean') return `${ORACLE_BASE}${target ? 'true' : 'false'}`;
    let id = this.ids.get(target);
    if (id) return id;
    id = `${ORACLE_BASE}${this.next++}`;
    this.ids.set(target, id);
    // A schema being converted right now is registered when its conversion completes.
    if (this.inProgress.has(target)) this.pending.set(target, id);
    else this.registerConverted(id, this.convert(target));
    return id;
  }

  private registerConverted(id: string, schema: unknown): void {
    this.register(id, typeof schema === 'boolean' ? (schema ? {} : { not: {} }) : schema);
  }

  convert(node: unknown): unknown {
    if (typeof node === 'boolean') return node;
    if (!isSchemaObject(node)) return {};
    const cached = this.converted.get(node);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(node)) return { $ref: this.idFor(node) };
    this.inProgress.add(node);
    try {
      const out = this.convertObject(node);
      this.converted.set(node, out);
      const id = this.pending.get(node);
      if (id !== undefined) {
        this.pending.delete(node);
        this.registerConverted(id, out);
      }
      return out;
    } finally {
      this.inProgress.delete(node);
    }
  }

  private refTo(ref: string): SchemaObject {
    return { $ref: this.idFor(this.view.resolveRef(ref)) };
  }

  private convertObject(node: SchemaObject): unknown {
    const dialect = this.view.ctx.dialect;
    if (typeof node.$ref === 'string' && dialect === '3.0') return this.refTo(node.$ref);
    const out: SchemaObject = {};
    const allOf: unknown[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') allOf.push(this.refTo(value));
      else if (SCHEMA_MAPS.has(key) && isSchemaObject(value)) {
        const map: SchemaObject = {};
        for (const [k, v] of Object.entries(value)) map[k] = this.convert(v);
        out[key] = map;
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map((v) => this.convert(v));
      else if (key === 'items' && Array.isArray(value)) out[key] = value.map((v) => this.convert(v));
      else if (SCHEMA_SINGLE.has(key)) out[key] = this.convert(value);
      else if (key === 'format') {
        if (isKnownFormat(value)) out.format = value;
      } else if (key === 'type') {
        const type = sanitizeType(value);
        if (type !== undefined) out.type = type;
      } else if (key === 'required') {
        const required = this.visibleRequired(node, value);
        if (required.length > 0) out.required = required;
      } else out[key] = value;
    }
    if (dialect === '3.0') fixExclusiveBounds(node, out);
    this.dispatchDiscriminator(node, out, allOf);
    if (allOf.length > 0) out.allOf = [...((out.allOf as unknown[] | undefined) ?? []), ...allOf];
    if (dialect === '3.0' && node.nullable === true) return { anyOf: [{ type: 'null' }, out] };
    return out;
  }

  /** Required properties minus those the current direction never sees. */
  private visibleRequired(node: SchemaObject, value: unknown): string[] {
    if (!Array.isArray(value)) return [];
    const props = own(node, 'properties');
    return value.filter((name): name is string => {
      if (typeof name !== 'string') return false;
      const prop = isSchemaObject(props) ? own(props, name) : undefined;
      return !(typeof prop === 'boolean' || isSchemaObject(prop)) || !this.view.isHidden(prop);
    });
  }

  /** A discriminated oneOf/anyOf checks the branch the discriminator value selects. */
  private dispatchDiscriminator(node: SchemaObject, out: SchemaObject, allOf: unknown[]): void {
    for (const kind of ['oneOf', 'anyOf'] as const) {
      const branches = own(node, kind);
      if (!Array.isArray(branches)) continue;
      const disc = this.view.discriminatorOf(node, branches as Schema[]);
      if (!disc || disc.mapping.size === 0) continue;
      delete out[kind];
      const prop = disc.propertyName;
      allOf.push({ required: [prop], properties: { [prop]: { enum: [...disc.mapping.keys()] } } });
      for (const [value, target] of disc.mapping) {
        allOf.push({
          if: { required: [prop], properties: { [prop]: { const: value } } },
          then: { $ref: this.idFor(target) },
        });
      }
      return;
    }
  }
}

function sanitizeType(value: unknown): unknown {
  const valid = (t: unknown): boolean => typeof t === 'string' && (JSON_TYPES as readonly string[]).includes(t);
  if (typeof value === 'string') return valid(value) ? value : undefined;
  if (Array.isArray(value)) {
    const list = value.filter(valid);
    return list.length > 0 ? list : undefined;
  }
  return undefined;
}

/** 3.0 writes `exclusiveMinimum: true` next to `minimum`; JSON Schema wants the number. */
function fixExclusiveBounds(node: SchemaObject, out: SchemaObject): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (!hasOwn(node, exclusive) || typeof node[exclusive] !== 'boolean') continue;
    delete out[exclusive];
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      out[exclusive] = node[bound];
      delete out[bound];
    }
  }
}
