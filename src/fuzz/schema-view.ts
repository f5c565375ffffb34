/**
 * A flattened view of an OpenAPI schema: `$ref`s followed, `allOf` parts merged into one set of
 * constraints, unions and discriminators described. Shared by the generator, the validation
 * oracle and the evolution walker so all three read a schema the same way. Every result is
 * memoised per schema object, so a large document is read once.
 */
import { ContextCache, hasOwn, isSchemaObject, own, type Schema, type SchemaContext, type SchemaObject } from './schema-context.js';
import { RefGraph } from './ref-graph.js';
import { unescapeToken } from '../util/json-pointer.js';
import { booleanFlat, mergeAtoms } from './schema-merge.js';
import type { Discriminator, Flat } from './schema-flat.js';

export { JSON_TYPES, type Bound, type Discriminator, type Flat, type JsonType, type Union } from './schema-flat.js';

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
        if (name && !mapping.has(name)) mapping.set(decodeURIComponent(unescapeToken(name)), node);
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

const views = new ContextCache<SchemaView>();

/** The view for a document context (shared by every copy of the context). */
export function viewFor(ctx: SchemaContext): SchemaView {
  return views.get(ctx, () => new SchemaView(ctx));
}
