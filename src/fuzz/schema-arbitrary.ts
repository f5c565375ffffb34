/**
 * fast-check arbitraries producing values valid against OpenAPI 3.0 / 3.1 schemas.
 *
 * Recursion is bounded by a budget that only shrinks when a `$ref` into a recursive schema is
 * followed; once it is spent, generation takes the shortest way out (optional properties
 * omitted, arrays at minItems, null where allowed, non-recursive union branches). Arbitraries
 * are memoised per (schema object, budget), so each schema of a large document is built once
 * per level.
 */
import fc from 'fast-check';
import { LazyArbitrary, guardedFilter, identifierArbitrary, objectFromEntries, smallJsonArbitrary } from './arbitrary-utils.js';
import { canonicalJson } from './canonical-json.js';
import { NUMBER_FORMATS, STRING_FORMATS } from './formats.js';
import { isMultipleOf, numberArbitrary } from './number-arbitrary.js';
import { ContextCache, isSchemaObject, type DataContext, type Schema, type SchemaContext } from './schema-context.js';
import { viewFor, type SchemaView, type Discriminator, type Flat, type JsonType } from './schema-view.js';
import { codePointLength, stringArbitrary } from './string-arbitrary.js';
import { oracleFor } from './validate.js';

export type Arb = fc.Arbitrary<unknown>;
/** `null` stands for "no value can be generated". */
type MaybeArb = Arb | null;

export const DEFAULT_MAX_DEPTH = 3;
/** How far past an exhausted budget required recursion may go before we give up. */
const OVERDRAFT = 12;
/** Extra array items beyond minItems, and extra keys where additionalProperties allows. */
const EXTRA_ITEMS = 3;
const EXTRA_KEYS = 2;

export class UnsatisfiableSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsatisfiableSchemaError';
  }
}

export class SchemaGenerator {
  readonly view: SchemaView;
  private readonly maxDepth: number;
  private readonly memo = new WeakMap<object, Map<string, MaybeArb>>();
  private readonly building = new WeakMap<object, Set<string>>();

  constructor(readonly ctx: SchemaContext) {
    this.view = viewFor(ctx);
    this.maxDepth = Math.max(0, ctx.maxDepth ?? DEFAULT_MAX_DEPTH);
  }

  /** Values valid against `schema`; throws UnsatisfiableSchemaError when none can be produced. */
  arbitrary(schema: unknown): Arb {
    if (typeof schema !== 'boolean' && !isSchemaObject(schema)) throw new TypeError('schemaArbitrary expects a schema object or boolean');
    const arb = this.build(schema, this.maxDepth, false);
    if (!arb) throw new UnsatisfiableSchemaError('no value can be generated for this schema');
    return arb;
  }

  private childBudget(child: Schema, budget: number): number {
    if (typeof child === 'boolean') return budget;
    const target = this.view.deref(child);
    if (target !== child && typeof target !== 'boolean') {
      return this.view.graph.isCyclicNode(target) ? budget - 1 : this.maxDepth;
    }
    return this.view.flatten(child).crossesCycle ? budget - 1 : budget;
  }

  private child(child: Schema, budget: number): MaybeArb {
    return this.build(child, this.childBudget(child, budget), false);
  }

  build(schema: Schema, budget: number, noDispatch: boolean): MaybeArb {
    if (schema === true) return smallJsonArbitrary;
    if (schema === false) return null;
    // Required recursion this deep has no finite way out: treat it as unsatisfiable, so an
    // optional property or another branch is chosen instead.
    if (budget < -OVERDRAFT) return null;
    const key = `${budget}:${noDispatch ? 1 : 0}`;
    let byKey = this.memo.get(schema);
    if (!byKey) this.memo.set(schema, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    let inProgress = this.building.get(schema);
    if (!inProgress) this.building.set(schema, (inProgress = new Set()));
    if (inProgress.has(key)) {
      // Only reachable through shapes the budget does not see; tie the knot lazily.
      return new LazyArbitrary(() => byKey.get(key) ?? fc.constant(null));
    }
    inProgress.add(key);
    try {
      const arb = this.buildFlat(this.view.flatten(schema), budget, noDispatch);
      byKey.set(key, arb);
      return arb;
    } finally {
      inProgress.delete(key);
    }
  }

  private buildFlat(flat: Flat, budget: number, noDispatch: boolean): MaybeArb {
    if (flat.never) return null;
    const exhausted = budget <= 0;
    // Null is the shortest way out of a recursion.
    if (exhausted && flat.nullOk) return fc.constant(null);
    let arb: MaybeArb;
    if (flat.unions.length > 0) arb = this.unionArbitrary(flat, budget);
    else if (flat.inheritance && !noDispatch) arb = this.inheritanceArbitrary(flat, flat.inheritance, budget);
    else arb = this.valueArbitrary(flat, budget);

    if (flat.nullOk) {
      if (!arb) arb = fc.constant(null);
      else arb = fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
    }
    if (arb && flat.needsFilter) {
      const check = oracleFor(this.ctx).check(flat.source);
      arb = guardedFilter(arb, check);
    }
    return arb;
  }

  /** Prefer options that do not lead back into recursion when the budget is spent. */
  private preferTerminating<T extends { schema: Schema }>(options: T[], budget: number): T[] {
    if (budget > 0) return options;
    const terminating = options.filter((o) => !this.view.graph.reachesCycle(o.schema) && !this.view.flatten(o.schema).crossesCycle);
    return terminating.length > 0 ? terminating : options;
  }

  private unionArbitrary(flat: Flat, budget: number): MaybeArb {
    const union = flat.unions[0]!;
    const disc = union.discriminator && union.discriminator.mapping.size > 0 ? union.discriminator : undefined;
    type Option = { schema: Schema; branchIndex: number; key?: string };
    let options: Option[] = [];
    union.branches.forEach((branch, branchIndex) => {
      if (!disc) {
        options.push({ schema: branch, branchIndex });
        return;
      }
      const target = this.view.deref(branch);
      for (const [key, mapped] of disc.mapping) if (mapped === target) options.push({ schema: branch, branchIndex, key });
    });
    if (options.length === 0) return null;
    options = this.preferTerminating(options, budget);

    const exclusive = union.kind === 'oneOf' && !disc;
    const oracle = exclusive ? oracleFor(this.ctx) : undefined;
    const arbs: Arb[] = [];
    for (const option of options) {
      const merged = this.view.branchSchema(flat.source, option.branchIndex);
      let arb = this.build(merged, this.childBudget(option.schema, budget), false);
      if (!arb) continue;
      if (option.key !== undefined) arb = arb.map(withDiscriminator(disc!.propertyName, option.key));
      if (oracle) {
        const others = union.branches.filter((_, i) => i !== option.branchIndex).map((b) => oracle.check(b));
        arb = guardedFilter(arb, (v) => others.every((matches) => !matches(v)));
        if (!arb) continue;
      }
      arbs.push(arb);
    }
    return arbs.length === 0 ? null : arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  }

  /** A base schema with a discriminator mapping: generate one of its mapped subtypes. */
  private inheritanceArbitrary(flat: Flat, disc: Discriminator, budget: number): MaybeArb {
    const self = flat.source;
    const options = this.preferTerminating(
      [...disc.mapping].map(([key, schema]) => ({ key, schema })),
      budget,
    );
    const arbs: Arb[] = [];
    for (const { key, schema } of options) {
      const arb = schema === self ? this.build(self, budget, true) : this.child(schema, budget);
      if (arb) arbs.push(arb.map(withDiscriminator(disc.propertyName, key)));
    }
    if (arbs.length === 0) return this.build(self, budget, true);
    return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  }

  private valueArbitrary(flat: Flat, budget: number): MaybeArb {
    if (flat.enum !== undefined) {
      const values = flat.enum.filter((v) => v !== null && typeMatches(v, flat.types) && withinBounds(v, flat));
      return values.length === 0 ? null : fc.constantFrom(...values);
    }
    const types = this.typesToGenerate(flat);
    // Nothing constrains the type: any JSON value will do.
    if (types.length === 0) return flat.nullOk ? null : smallJsonArbitrary;
    const arbs: Arb[] = [];
    for (const type of types) {
      const arb = this.typedArbitrary(type, flat, budget);
      if (arb) arbs.push(arb);
    }
    if (arbs.length === 0) return null;
    return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  }

  private typesToGenerate(flat: Flat): Exclude<JsonType, 'null'>[] {
    if (flat.types) return [...flat.types];
    const inferred: Exclude<JsonType, 'null'>[] = [];
    if (flat.properties.size > 0 || flat.required.size > 0 || flat.additional === false || flat.explicitAdditional) inferred.push('object');
    if (flat.items.length > 0 || flat.prefixItems.length > 0 || flat.minItems !== undefined || flat.maxItems !== undefined) inferred.push('array');
    if (flat.minLength !== undefined || flat.maxLength !== undefined || flat.patterns.length > 0 || (STRING_FORMATS as readonly string[]).includes(flat.format ?? '')) {
      inferred.push('string');
    }
    if (flat.minimum !== undefined || flat.maximum !== undefined || flat.multipleOf.length > 0 || (NUMBER_FORMATS as readonly string[]).includes(flat.format ?? '')) {
      inferred.push('number');
    }
    return inferred;
  }

  private typedArbitrary(type: Exclude<JsonType, 'null'>, flat: Flat, budget: number): MaybeArb {
    switch (type) {
      case 'string':
        return stringArbitrary(flat);
      case 'number':
        return numberArbitrary(flat, false);
      case 'integer':
        return numberArbitrary(flat, true);
      case 'boolean':
        return fc.boolean();
      case 'object':
        return this.objectArbitrary(flat, budget);
      case 'array':
        return this.arrayArbitrary(flat, budget);
    }
  }

  private objectArbitrary(flat: Flat, budget: number): MaybeArb {
    const exhausted = budget <= 0;
    const source = flat.source as object;
    const model: Record<string, Arb> = {};
    const requiredKeys: string[] = [];
    const names = new Set([...flat.properties.keys(), ...flat.required]);
    for (const name of names) {
      const required = flat.required.has(name);
      // fast-check records cannot carry this key safely.
      if (name === '__proto__') {
        if (required) return null;
        continue;
      }
      const declared = flat.properties.get(name);
      if (flat.forbidden.has(name) || (!declared && flat.additional === false)) {
        if (required) return null;
        continue;
      }
      const constraints = declared ?? (flat.additional === false ? [] : flat.additional);
      const schema: Schema = constraints.length === 0 ? true : this.view.allOf(source, `property:${name}`, constraints);
      if (declared && this.view.isHidden(schema)) continue;
      if (exhausted && !required) continue;
      const arb = this.child(schema, budget);
      if (!arb) {
        if (required) return null;
        continue;
      }
      model[name] = arb;
      if (required) requiredKeys.push(name);
    }
    let arb: Arb = fc.record(model, { requiredKeys, noNullPrototype: true });
    if (flat.explicitAdditional && flat.additional !== false && !exhausted) {
      const valueSchema: Schema = flat.additional.length === 0 ? true : this.view.allOf(source, 'additional', flat.additional);
      const valueArb = this.child(valueSchema, budget);
      if (valueArb) {
        const keyArb = identifierArbitrary.filter((k) => !names.has(k));
        const extras = fc.dictionary(keyArb, valueArb, { maxKeys: EXTRA_KEYS, noNullPrototype: true });
        arb = fc.tuple(arb, extras).map(([declared, extra]) => objectFromEntries([...Object.entries(declared as object), ...Object.entries(extra)]));
      }
    }
    const { minProperties, maxProperties } = flat;
    if (minProperties !== undefined || maxProperties !== undefined) {
      return guardedFilter(arb, (v) => {
        const n = Object.keys(v as object).length;
        return n >= (minProperties ?? 0) && n <= (maxProperties ?? Infinity);
      });
    }
    return arb;
  }

  private arrayArbitrary(flat: Flat, budget: number): MaybeArb {
    const exhausted = budget <= 0;
    const source = flat.source as object;
    const minItems = flat.minItems ?? 0;
    const maxItems = flat.maxItems ?? Infinity;
    if (maxItems < minItems) return null;
    const prefix: Arb[] = [];
    for (const [i, list] of flat.prefixItems.entries()) {
      if (prefix.length >= maxItems || (exhausted && prefix.length >= minItems)) break;
      const arb = this.child(this.view.allOf(source, `prefix:${i}`, list), budget);
      if (!arb) {
        if (prefix.length < minItems) return null;
        break;
      }
      prefix.push(arb);
    }
    const fullPrefix = prefix.length === flat.prefixItems.length;
    const itemSchema: Schema = flat.items.length === 0 ? true : this.view.allOf(source, 'items', flat.items);
    const tailMin = Math.max(0, minItems - prefix.length);
    const itemArb = fullPrefix && !(exhausted && tailMin === 0) ? this.child(itemSchema, budget) : null;
    if (!itemArb && tailMin > 0) return null;
    const tailMax = !itemArb ? 0 : Math.max(tailMin, Math.min(maxItems - prefix.length, exhausted ? tailMin : tailMin + EXTRA_ITEMS));
    const tail: fc.Arbitrary<unknown[]> =
      !itemArb || tailMax === 0
        ? fc.constant([])
        : flat.uniqueItems
          ? fc.uniqueArray(itemArb, { minLength: tailMin, maxLength: tailMax, selector: canonicalJson })
          : fc.array(itemArb, { minLength: tailMin, maxLength: tailMax });
    const arb = prefix.length === 0 ? tail : fc.tuple(fc.tuple(...prefix), tail).map(([p, t]) => [...p, ...t]);
    if (flat.uniqueItems && prefix.length > 0) {
      return guardedFilter(arb, (v) => new Set(v.map(canonicalJson)).size === v.length);
    }
    return arb;
  }
}

function withDiscriminator(property: string, value: string): (v: unknown) => unknown {
  return (v) => {
    if (!isSchemaObject(v)) return v;
    if (Object.prototype.hasOwnProperty.call(v, property)) return objectFromEntries(Object.entries(v).map(([k, x]) => [k, k === property ? value : x]));
    return objectFromEntries([[property, value], ...Object.entries(v)]);
  };
}

/** Whether an enum value also meets the other constraints of the schema (enum schemas rarely conflict). */
function withinBounds(value: unknown, flat: Flat): boolean {
  if (typeof value === 'string') {
    const length = codePointLength(value);
    if (length < (flat.minLength ?? 0) || length > (flat.maxLength ?? Infinity)) return false;
    return flat.patterns.every((p) => {
      try {
        return new RegExp(p).test(value);
      } catch {
        return true;
      }
    });
  }
  if (typeof value === 'number') {
    const { minimum: lo, maximum: hi } = flat;
    if (lo && (value < lo.value || (lo.exclusive && value === lo.value))) return false;
    if (hi && (value > hi.value || (hi.exclusive && value === hi.value))) return false;
    return flat.multipleOf.every((m) => isMultipleOf(value, m));
  }
  return true;
}

function typeMatches(value: unknown, types: Set<Exclude<JsonType, 'null'>> | undefined): boolean {
  if (!types) return true;
  if (typeof value === 'string') return types.has('string');
  if (typeof value === 'boolean') return types.has('boolean');
  if (typeof value === 'number') return types.has('number') || (types.has('integer') && Number.isInteger(value));
  if (Array.isArray(value)) return types.has('array');
  return typeof value === 'object' && types.has('object');
}

const generators = new ContextCache<SchemaGenerator>();

/** The generator for a context (shared by every copy of the context, so caches are reused). */
export function generatorFor(ctx: SchemaContext): SchemaGenerator {
  return generators.get(ctx, () => new SchemaGenerator(ctx));
}

export interface SchemaArbitraryOptions {
  /** Overrides `ctx.context`: `response` omits writeOnly properties, `request` readOnly ones. */
  context?: DataContext;
}

/**
 * An arbitrary of values valid against the OpenAPI `schema` (3.0 or 3.1, per `ctx.dialect`).
 * Throws UnsatisfiableSchemaError when no value can be generated.
 */
export function schemaArbitrary(schema: unknown, ctx: SchemaContext, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const effective = options.context && options.context !== ctx.context ? { ...ctx, context: options.context } : ctx;
  return generatorFor(effective).arbitrary(schema);
}
