/**
 * A flattened view of an OpenAPI schema: `$ref`s followed, `allOf` parts merged into one set of
 * constraints, unions and discriminators described. Shared by the generator, the validation
 * oracle and the evolution walker so all three read a schema the same way. Every result is
 * memoised per schema object, so a large document is read once.
 */
import { ContextCache, hasOwn, isSchemaObject, own, type Schema, type SchemaContext, type SchemaObject } from './schema-context.js';
import { RefGraph } from './ref-graph.js';
import { canonicalJson } from './canonical-json.js';

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
export const JSON_TYPES: readonly JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

export interface Discriminator {
  propertyName: string;
  /** Discriminator value -> the schema it selects (explicit mapping plus implicit names). */
  mapping: Map<string, Schema>;
}

export interface Union {
  kind: 'oneOf' | 'anyOf';
  branches: Schema[];
  discriminator?: Discriminator;
}

export interface Bound {
  value: number;
  exclusive: boolean;
}

/** Keywords the generator does not model; values are then filtered through the oracle. */
const FILTERED_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'contains',
  'propertyNames',
  'patternProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
] as const;

export interface Flat {
  /** The schema this view describes. */
  source: Schema;
  /** No value can satisfy it. */
  never: boolean;
  /** Allowed non-null types; undefined when no part constrains the type. */
  types: Set<Exclude<JsonType, 'null'>> | undefined;
  /** Null is explicitly allowed (nullable, type null, enum with null) and not excluded. */
  nullOk: boolean;
  enum: unknown[] | undefined;
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  format?: string;
  minimum?: Bound;
  maximum?: Bound;
  multipleOf: number[];
  items: Schema[];
  prefixItems: Schema[][];
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
  /** Property name -> every constraint declared for it (all must hold). */
  properties: Map<string, Schema[]>;
  required: Set<string>;
  /** Properties some part forbids through `additionalProperties: false`. */
  forbidden: Set<string>;
  /** Constraints on undeclared keys; false when none are allowed. */
  additional: Schema[] | false;
  /** Some part says `additionalProperties: true` or gives a schema. */
  explicitAdditional: boolean;
  minProperties?: number;
  maxProperties?: number;
  readOnly: boolean;
  writeOnly: boolean;
  unions: Union[];
  /** A discriminator with a mapping on a base schema (subtypes extend it through allOf). */
  inheritance?: Discriminator;
  /** The generator cannot model everything here: check values with the oracle. */
  needsFilter: boolean;
  /** A `$ref` to a recursive schema was crossed while flattening. */
  crossesCycle: boolean;
  /** The parts merged (schemas without their allOf), in order. */
  atoms: Schema[];
}

const SCHEMA_PREFIX = '#/components/schemas/';

export class SchemaView {
  readonly graph: RefGraph;
  private readonly flatCache = new WeakMap<object, Flat>();
  private readonly derefCache = new WeakMap<object, Schema>();
  private readonly allOfCache = new WeakMap<object, Map<string, SchemaObject>>();
  private readonly strippedCache = new WeakMap<object, Map<string, SchemaObject>>();
  /** Stripped copy -> the part it was copied from (so a flatten never merges both). */
  private readonly origin = new WeakMap<object, object>();
  private readonly discCache = new WeakMap<object, Discriminator | null>();
  private readonly hiddenCache = new WeakMap<object, { readOnly: boolean; writeOnly: boolean }>();

  constructor(readonly ctx: SchemaContext) {
    this.graph = new RefGraph((ref) => ctx.resolve(ref));
  }

  resolveRef(ref: string): Schema {
    const target = this.ctx.resolve(ref);
    if (typeof target === 'boolean' || isSchemaObject(target)) return target;
    throw new TypeError(`$ref ${ref} does not point to a schema`);
  }

  /** Follows a chain of pure `$ref`s (3.0 ignores siblings of `$ref`). */
  deref(schema: Schema): Schema {
    if (typeof schema === 'boolean') return schema;
    const cached = this.derefCache.get(schema);
    if (cached !== undefined) return cached;
    let node: Schema = schema;
    const seen = new Set<object>();
    while (isSchemaObject(node) && typeof node.$ref === 'string' && (this.ctx.dialect === '3.0' || onlyRef(node))) {
      if (seen.has(node)) break;
      seen.add(node);
      node = this.resolveRef(node.$ref);
    }
    this.derefCache.set(schema, node);
    return node;
  }

  /** A memoised synthetic `{ allOf: parts }` (the same parts give the same object). */
  allOf(owner: object, key: string, parts: Schema[]): Schema {
    if (parts.length === 1) return parts[0]!;
    let byKey = this.allOfCache.get(owner);
    if (!byKey) this.allOfCache.set(owner, (byKey = new Map()));
    let node = byKey.get(key);
    if (!node) byKey.set(key, (node = { allOf: parts }));
    return node;
  }

  /**
   * A shallow copy of an already flattened part without its structural keywords (`allOf`,
   * `$ref`) and, when `union` is given, without that union and its discriminator.
   */
  stripped(atom: SchemaObject, union?: 'oneOf' | 'anyOf'): SchemaObject {
    const drop = union ? ['allOf', '$ref', union, 'discriminator'] : ['allOf', '$ref'];
    if (!drop.some((k) => hasOwn(atom, k))) return atom;
    let byMode = this.strippedCache.get(atom);
    if (!byMode) this.strippedCache.set(atom, (byMode = new Map()));
    const mode = union ?? 'structure';
    let copy = byMode.get(mode);
    if (!copy) {
      copy = {};
      for (const [k, v] of Object.entries(atom)) if (!drop.includes(k)) copy[k] = v;
      byMode.set(mode, copy);
      this.origin.set(copy, atom);
    }
    return copy;
  }

  /**
   * The schema for one branch of the first union of `schema`: the branch merged with every
   * other part, so the branch is generated or checked together with the common constraints.
   */
  branchSchema(schema: Schema, branchIndex: number): Schema {
    const flat = this.flatten(schema);
    const union = flat.unions[0];
    if (!union || typeof schema === 'boolean') return schema;
    const branch = union.branches[branchIndex]!;
    let owner = false;
    const parts: Schema[] = [];
    for (const atom of flat.atoms) {
      if (typeof atom === 'boolean') {
        parts.push(atom);
      } else if (!owner && atom[union.kind] === union.branches) {
        owner = true;
        parts.push(this.stripped(atom, union.kind));
      } else parts.push(this.stripped(atom));
    }
    parts.push(branch);
    return this.allOf(schema, `branch:${branchIndex}`, parts);
  }

  /** The discriminator of a union-bearing or base schema, with its mapping made explicit. */
  discriminatorOf(atom: SchemaObject, branches: Schema[] | undefined): Discriminator | undefined {
    const cached = this.discCache.get(atom);
    if (cached !== undefined) return cached ?? undefined;
    const raw = own(atom, 'discriminator');
    const propertyName = own(raw, 'propertyName');
    let result: Discriminator | undefined;
    if (typeof propertyName === 'string') {
      const mapping = new Map<string, Schema>();
      const explicit = own(raw, 'mapping');
      const mapped = new Set<Schema>();
      if (isSchemaObject(explicit)) {
        for (const [key, target] of Object.entries(explicit)) {
          if (typeof target !== 'string') continue;
          const ref = target.includes('/') || target.startsWith('#') ? target : SCHEMA_PREFIX + target;
          try {
            const node = this.deref(this.resolveRef(ref));
            mapping.set(key, node);
            mapped.add(node);
          } catch {
            // An unresolvable mapping entry is skipped; the rest still dispatch.
          }
        }
      }
      for (const branch of branches ?? []) {
        if (!isSchemaObject(branch) || typeof branch.$ref !== 'string') continue;
        const node = this.deref(branch);
        if (mapped.has(node)) continue;
        const name = branch.$ref.split('/').pop();
        if (name && !mapping.has(name)) mapping.set(decodeURIComponent(name.replace(/~1/g, '/').replace(/~0/g, '~')), node);
      }
      result = { propertyName, mapping };
    }
    this.discCache.set(atom, result ?? null);
    return result;
  }

  /** Whether the property schema is marked readOnly / writeOnly (through refs and allOf). */
  hidden(schema: Schema): { readOnly: boolean; writeOnly: boolean } {
    if (typeof schema === 'boolean') return { readOnly: false, writeOnly: false };
    let result = this.hiddenCache.get(schema);
    if (!result) {
      const flat = this.flatten(schema);
      result = { readOnly: flat.readOnly, writeOnly: flat.writeOnly };
      this.hiddenCache.set(schema, result);
    }
    return result;
  }

  isHidden(schema: Schema): boolean {
    const context = this.ctx.context;
    if (!context) return false;
    const h = this.hidden(schema);
    return context === 'response' ? h.writeOnly : h.readOnly;
  }

  flatten(schema: Schema): Flat {
    if (typeof schema === 'boolean') return booleanFlat(schema);
    const cached = this.flatCache.get(schema);
    if (cached) return cached;
    const flat = mergeAtoms(this, schema);
    this.flatCache.set(schema, flat);
    return flat;
  }

  /** The parts of `schema` to merge: itself and (recursively) its allOf parts and ref targets. */
  collectAtoms(schema: Schema, seen: Set<object>, crossing: { cycle: boolean }): Schema[] {
    if (typeof schema === 'boolean') return [schema];
    if (seen.has(schema)) return [];
    seen.add(schema);
    const from = this.origin.get(schema);
    if (from) seen.add(from);
    const atoms: Schema[] = [];
    if (typeof schema.$ref === 'string') {
      const target = this.resolveRef(schema.$ref);
      if (this.graph.isCyclic(schema.$ref)) crossing.cycle = true;
      atoms.push(...this.collectAtoms(target, seen, crossing));
      if (this.ctx.dialect === '3.0' || onlyRef(schema)) return atoms;
    }
    atoms.unshift(schema);
    const parts = own(schema, 'allOf');
    if (Array.isArray(parts)) {
      for (const part of parts) if (typeof part === 'boolean' || isSchemaObject(part)) atoms.push(...this.collectAtoms(part, seen, crossing));
    }
    return atoms;
  }
}

function onlyRef(node: SchemaObject): boolean {
  for (const key of Object.keys(node)) {
    if (key !== '$ref' && key !== 'description' && key !== 'summary' && !key.startsWith('x-')) return false;
  }
  return true;
}

function booleanFlat(value: boolean): Flat {
  return { ...emptyFlat(value), never: !value };
}

function emptyFlat(source: Schema): Flat {
  return {
    source,
    never: false,
    types: undefined,
    nullOk: false,
    enum: undefined,
    patterns: [],
    multipleOf: [],
    items: [],
    prefixItems: [],
    uniqueItems: false,
    properties: new Map(),
    required: new Set(),
    forbidden: new Set(),
    additional: [],
    explicitAdditional: false,
    readOnly: false,
    writeOnly: false,
    unions: [],
    needsFilter: false,
    crossesCycle: false,
    atoms: [],
  };
}

function atomTypes(view: SchemaView, atom: SchemaObject): { types: Set<JsonType> | undefined; nullable: boolean } {
  const raw = own(atom, 'type');
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : undefined;
  const nullable = view.ctx.dialect === '3.0' && own(atom, 'nullable') === true;
  if (!list) return { types: undefined, nullable };
  const types = new Set<JsonType>(list.filter((t): t is JsonType => (JSON_TYPES as readonly string[]).includes(t)));
  if (nullable) types.add('null');
  return { types, nullable };
}

function intersectTypes(a: Set<JsonType> | undefined, b: Set<JsonType>): Set<JsonType> {
  if (!a) return new Set(b);
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

function tighterLower(current: Bound | undefined, next: Bound): Bound {
  if (!current || next.value > current.value || (next.value === current.value && next.exclusive)) return next;
  return current;
}

function tighterUpper(current: Bound | undefined, next: Bound): Bound {
  if (!current || next.value < current.value || (next.value === current.value && next.exclusive)) return next;
  return current;
}

function num(atom: SchemaObject, key: string): number | undefined {
  const v = own(atom, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function mergeAtoms(view: SchemaView, schema: SchemaObject): Flat {
  const crossing = { cycle: false };
  const atoms = view.collectAtoms(schema, new Set(), crossing);
  const flat = emptyFlat(schema);
  flat.atoms = atoms;
  flat.crossesCycle = crossing.cycle;
  let types: Set<JsonType> | undefined;
  let nullExplicit = false;
  let nullExcluded = false;
  const additionalParts: Schema[] = [];
  let additionalFalse = false;
  const first = atoms[0];
  // 3.0: `nullable` on the schema itself admits null whatever its other keywords say.
  const wrapperNullable = view.ctx.dialect === '3.0' && isSchemaObject(first) && own(first, 'nullable') === true;

  for (const atom of atoms) {
    if (atom === true) continue;
    if (atom === false) {
      flat.never = true;
      continue;
    }
    const { types: t, nullable } = atomTypes(view, atom);
    if (t) {
      types = intersectTypes(types, t);
      if (t.has('null')) nullExplicit = true;
      else nullExcluded = true;
    } else if (nullable) nullExplicit = true;

    const values = hasOwn(atom, 'const') ? [atom.const] : Array.isArray(atom.enum) ? (atom.enum as unknown[]) : undefined;
    if (values) {
      const extended = nullable && !values.includes(null) ? [...values, null] : values;
      if (extended.includes(null)) nullExplicit = true;
      else nullExcluded = true;
      flat.enum = flat.enum === undefined ? [...extended] : intersectValues(flat.enum, extended);
    }

    const minLength = num(atom, 'minLength');
    const maxLength = num(atom, 'maxLength');
    flat.minLength = maxOf(flat.minLength, minLength);
    flat.maxLength = minOf(flat.maxLength, maxLength);
    if (typeof atom.pattern === 'string') flat.patterns.push(atom.pattern);
    if (typeof atom.format === 'string' && flat.format === undefined) flat.format = atom.format;

    const minimum = num(atom, 'minimum');
    const maximum = num(atom, 'maximum');
    const exMin = own(atom, 'exclusiveMinimum');
    const exMax = own(atom, 'exclusiveMaximum');
    if (minimum !== undefined) flat.minimum = tighterLower(flat.minimum, { value: minimum, exclusive: exMin === true });
    if (maximum !== undefined) flat.maximum = tighterUpper(flat.maximum, { value: maximum, exclusive: exMax === true });
    if (typeof exMin === 'number') flat.minimum = tighterLower(flat.minimum, { value: exMin, exclusive: true });
    if (typeof exMax === 'number') flat.maximum = tighterUpper(flat.maximum, { value: exMax, exclusive: true });
    const multipleOf = num(atom, 'multipleOf');
    if (multipleOf !== undefined && multipleOf > 0) flat.multipleOf.push(multipleOf);

    const items = own(atom, 'items');
    const prefix = own(atom, 'prefixItems');
    if (Array.isArray(prefix)) {
      prefix.forEach((p, i) => {
        if (typeof p === 'boolean' || isSchemaObject(p)) (flat.prefixItems[i] ??= []).push(p);
      });
    }
    if (typeof items === 'boolean' || isSchemaObject(items)) flat.items.push(items);
    else if (Array.isArray(items)) {
      items.forEach((p, i) => {
        if (typeof p === 'boolean' || isSchemaObject(p)) (flat.prefixItems[i] ??= []).push(p);
      });
    }
    flat.minItems = maxOf(flat.minItems, num(atom, 'minItems'));
    flat.maxItems = minOf(flat.maxItems, num(atom, 'maxItems'));
    if (atom.uniqueItems === true) flat.uniqueItems = true;

    const props = own(atom, 'properties');
    if (isSchemaObject(props)) {
      for (const [name, p] of Object.entries(props)) {
        if (typeof p !== 'boolean' && !isSchemaObject(p)) continue;
        let list = flat.properties.get(name);
        if (!list) flat.properties.set(name, (list = []));
        list.push(p);
      }
    }
    if (Array.isArray(atom.required)) for (const r of atom.required) if (typeof r === 'string') flat.required.add(r);
    const ap = own(atom, 'additionalProperties');
    if (ap === false) additionalFalse = true;
    else if (isSchemaObject(ap)) {
      additionalParts.push(ap);
      flat.explicitAdditional = true;
    } else if (ap === true) flat.explicitAdditional = true;
    flat.minProperties = maxOf(flat.minProperties, num(atom, 'minProperties'));
    flat.maxProperties = minOf(flat.maxProperties, num(atom, 'maxProperties'));
    if (atom.readOnly === true) flat.readOnly = true;
    if (atom.writeOnly === true) flat.writeOnly = true;

    for (const kind of ['oneOf', 'anyOf'] as const) {
      const branches = own(atom, kind);
      if (!Array.isArray(branches)) continue;
      const valid = branches.filter((b): b is Schema => typeof b === 'boolean' || isSchemaObject(b));
      if (valid.length !== branches.length) continue;
      const discriminator = view.discriminatorOf(atom, valid);
      flat.unions.push({ kind, branches, ...(discriminator ? { discriminator } : {}) } as Union);
    }
    if (atom === first && flat.unions.length === 0 && isSchemaObject(atom.discriminator)) {
      const disc = view.discriminatorOf(atom, undefined);
      if (disc && disc.mapping.size > 0) flat.inheritance = disc;
    }
    if (FILTERED_KEYWORDS.some((k) => hasOwn(atom, k))) flat.needsFilter = true;
  }

  // Parts that do not declare a property still constrain it through additionalProperties.
  for (const [name, list] of flat.properties) {
    for (const atom of atoms) {
      if (!isSchemaObject(atom)) continue;
      const declared = isSchemaObject(atom.properties) && hasOwn(atom.properties, name);
      if (declared) continue;
      const ap = own(atom, 'additionalProperties');
      if (ap === false) flat.forbidden.add(name);
      else if (isSchemaObject(ap)) list.push(ap);
    }
  }
  flat.additional = additionalFalse ? false : additionalParts;

  if (types) {
    const nonNull = new Set([...types].filter((t): t is Exclude<JsonType, 'null'> => t !== 'null'));
    flat.types = nonNull;
    if (!types.has('null')) nullExcluded = true;
  }
  flat.nullOk = wrapperNullable || (nullExplicit && !nullExcluded && flat.unions.length === 0);
  if (flat.enum !== undefined && flat.enum.length === 0) flat.never = !flat.nullOk;
  if (flat.types && flat.types.size === 0 && !flat.nullOk) flat.never = true;
  if (flat.patterns.length > 1 || flat.multipleOf.length > 1) flat.needsFilter = true;
  if (flat.patterns.length > 0 && flat.format !== undefined) flat.needsFilter = true;
  return flat;
}

function intersectValues(a: unknown[], b: unknown[]): unknown[] {
  const keys = new Set(b.map(canonicalJson));
  return a.filter((v) => keys.has(canonicalJson(v)));
}

const views = new ContextCache<SchemaView>();

/** The view for a document context (shared by every copy of the context). */
export function viewFor(ctx: SchemaContext): SchemaView {
  return views.get(ctx, () => new SchemaView(ctx));
}
