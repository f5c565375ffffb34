/** Merges the parts of a schema (itself, its allOf parts, its ref targets) into one Flat. */
import { hasOwn, isSchemaObject, own, type Schema, type SchemaObject } from './schema-context.js';
import { canonicalJson } from './canonical-json.js';
import { JSON_TYPES, type Bound, type Flat, type JsonType, type Union } from './schema-flat.js';
import type { SchemaView } from './schema-view.js';

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

export function booleanFlat(value: boolean): Flat {
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

export function mergeAtoms(view: SchemaView, schema: SchemaObject): Flat {
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
