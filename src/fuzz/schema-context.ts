/**
 * What the fuzz layer needs to know about the document a schema lives in: the dialect and a
 * way to follow `$ref`s. Kept independent of load/ so it also works on plain parsed objects.
 */
import { ApicompatError } from '../errors.js';
import { unescapeToken } from '../util/json-pointer.js';

export type Dialect = '3.0' | '3.1';
/** Who reads the generated data: `response` omits writeOnly properties, `request` readOnly. */
export type DataContext = 'request' | 'response';
export type SchemaObject = { [key: string]: unknown };
/** A schema as found in a document: an object, or a boolean in 3.1. */
export type Schema = SchemaObject | boolean;

export interface SchemaContext {
  dialect: Dialect;
  /** Resolves a `$ref` value such as `#/components/schemas/Pet` in the root document. */
  resolve(ref: string): unknown;
  /** How many times a recursive schema may unfold before generation takes the shortest way out. */
  maxDepth?: number;
  /** Omit writeOnly properties (`response`) or readOnly properties (`request`). */
  context?: DataContext;
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Own property lookup that never walks the prototype chain (so `__proto__` is only data). */
export function own(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  return hasOwn(obj, key) ? (obj as SchemaObject)[key] : undefined;
}

/** `3.1` for OpenAPI 3.1.x documents, `3.0` otherwise. */
export function dialectOf(doc: unknown): Dialect {
  const version = own(doc, 'openapi');
  return typeof version === 'string' && /^3\.[1-9]/.test(version) ? '3.1' : '3.0';
}

/** Decodes a JSON pointer (`/a/b~1c`) into its segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new ApicompatError('ref-unresolved', `not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map(unescapeToken);
}

/** A resolver for local refs (`#/...`) inside `doc`; other refs raise `ref-unresolved`. */
export function localResolver(doc: unknown): (ref: string) => unknown {
  const cache = new Map<string, unknown>();
  return (ref: string) => {
    if (cache.has(ref)) return cache.get(ref);
    if (!ref.startsWith('#')) throw new ApicompatError('ref-unresolved', `only local refs can be resolved here: ${ref}`);
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      throw new ApicompatError('ref-unresolved', `malformed ref: ${ref}`);
    }
    let node: unknown = doc;
    for (const segment of parsePointer(pointer)) {
      if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(segment)) node = node[Number(segment)];
      else node = own(node, segment);
      if (node === undefined) throw new ApicompatError('ref-unresolved', `ref does not resolve: ${ref}`);
    }
    cache.set(ref, node);
    return node;
  };
}

/** A context for a whole parsed OpenAPI 3.x document. */
export function documentContext(doc: unknown, options: Partial<Omit<SchemaContext, 'resolve'>> = {}): SchemaContext {
  return { dialect: options.dialect ?? dialectOf(doc), resolve: localResolver(doc), ...withoutUndefined(options) };
}

function withoutUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Caches keyed by what defines a context (its resolver, dialect, direction and depth), so
 * copies of a context (`{ ...ctx, status }`) share one generator, view and oracle.
 */
export class ContextCache<T> {
  private readonly byResolver = new WeakMap<object, Map<string, T>>();

  get(ctx: SchemaContext, create: () => T): T {
    let byKey = this.byResolver.get(ctx.resolve);
    if (!byKey) this.byResolver.set(ctx.resolve, (byKey = new Map()));
    const key = `${ctx.dialect}|${ctx.context ?? ''}|${ctx.maxDepth ?? ''}`;
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = create()));
    return value;
  }
}
