/**
 * Walks a JSON value together with its schema and lists every location (the root, each
 * property value, each array item) with the schema that describes it there. Union branches
 * are chosen by discriminator value or, failing that, by the first branch the oracle accepts.
 */
import type { PathSegment } from './json-path.js';
import { isSchemaObject, type Schema, type SchemaContext } from './schema-context.js';
import { viewFor, type SchemaView } from './schema-view.js';
import { oracleFor } from './validate.js';

export interface Location {
  path: PathSegment[];
  value: unknown;
  /** The schema for this location as declared (undefined where the schema says nothing). */
  schema: Schema | undefined;
  /** The schema after choosing union branches and discriminated subtypes for this value. */
  effective: Schema | undefined;
  parent: Location | undefined;
  /** The property name or index under which the value sits in its parent. */
  key: PathSegment | undefined;
}

const MAX_SELECTIONS = 8;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isSchemaObject(value);
}

/** Every location inside `root`, parents before children (document order). */
export function locations(root: unknown, schema: unknown, ctx: SchemaContext): Location[] {
  const view = viewFor(ctx);
  const out: Location[] = [];
  const start = typeof schema === 'boolean' || isSchemaObject(schema) ? schema : undefined;
  const visit = (value: unknown, declared: Schema | undefined, path: PathSegment[], parent: Location | undefined, key: PathSegment | undefined): void => {
    const effective = declared === undefined ? undefined : select(view, ctx, declared, value);
    const loc: Location = { path, value, schema: declared, effective, parent, key };
    out.push(loc);
    const flat = effective === undefined ? undefined : view.flatten(effective);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        let itemSchema: Schema | undefined;
        if (flat) {
          const prefix = flat.prefixItems[i];
          const list = prefix ?? flat.items;
          itemSchema = list.length > 0 ? view.allOf(flat.source as object, prefix ? `prefix:${i}` : 'items', list) : undefined;
        }
        visit(item, itemSchema, [...path, i], loc, i);
      });
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        let propSchema: Schema | undefined;
        if (flat) {
          const list = flat.properties.get(k) ?? (flat.additional === false ? [] : flat.additional);
          propSchema = list.length > 0 ? view.allOf(flat.source as object, flat.properties.has(k) ? `property:${k}` : 'additional', list) : undefined;
        }
        visit(v, propSchema, [...path, k], loc, k);
      }
    }
  };
  visit(root, start, [], undefined, undefined);
  return out;
}

/** The schema describing `value` once unions and discriminated subtypes are resolved. */
export function select(view: SchemaView, ctx: SchemaContext, schema: Schema, value: unknown): Schema {
  let current = schema;
  for (let i = 0; i < MAX_SELECTIONS; i++) {
    const flat = view.flatten(current);
    const union = flat.unions[0];
    if (union) {
      const index = branchFor(view, ctx, union.branches, union.discriminator, value);
      if (index === undefined) return current;
      current = view.branchSchema(current, index);
      continue;
    }
    const inheritance = flat.inheritance;
    if (inheritance && isPlainObject(value)) {
      const target = inheritance.mapping.get(String(value[inheritance.propertyName]));
      if (target === undefined || target === current || target === view.deref(current)) return current;
      current = target;
      continue;
    }
    return current;
  }
  return current;
}

function branchFor(
  view: SchemaView,
  ctx: SchemaContext,
  branches: Schema[],
  disc: { propertyName: string; mapping: Map<string, Schema> } | undefined,
  value: unknown,
): number | undefined {
  if (disc && isPlainObject(value)) {
    const target = disc.mapping.get(String(value[disc.propertyName]));
    if (target !== undefined) {
      const index = branches.findIndex((b) => view.deref(b) === target);
      if (index >= 0) return index;
    }
  }
  const oracle = oracleFor(ctx);
  const index = branches.findIndex((b) => oracle.check(b)(value));
  return index >= 0 ? index : undefined;
}
