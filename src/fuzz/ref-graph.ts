/**
 * The `$ref` graph between schemas, explored lazily: which schemas are recursive (part of a
 * cycle) and which can lead to one. Lets the generator bound recursion only where it exists.
 */
import { isSchemaObject } from './schema-context.js';

/** Keys whose values are data, not schemas: a `$ref` found under them is not an edge. */
const DATA_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

export class RefGraph {
  private readonly edgeCache = new WeakMap<object, object[]>();
  private readonly cyclic = new WeakMap<object, boolean>();
  private readonly reaches = new WeakMap<object, boolean>();

  constructor(private readonly resolve: (ref: string) => unknown) {}

  private target(ref: string): object | undefined {
    try {
      const node = this.resolve(ref);
      return typeof node === 'object' && node !== null ? node : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every schema referenced from inside `node` (not following the refs). */
  edges(node: object): object[] {
    let out = this.edgeCache.get(node);
    if (out) return out;
    const found: object[] = [];
    const visit = (value: unknown, seen: Set<object>): void => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const v of value) visit(v, seen);
        return;
      }
      for (const [key, v] of Object.entries(value)) {
        if (key === '$ref' && typeof v === 'string') {
          const t = this.target(v);
          if (t) found.push(t);
        } else if (!DATA_KEYS.has(key) && !key.startsWith('x-')) visit(v, seen);
      }
    };
    visit(node, new Set());
    out = [...new Set(found)];
    this.edgeCache.set(node, out);
    return out;
  }

  /** Whether the schema `ref` points to can reach itself through refs. */
  isCyclic(ref: string): boolean {
    const node = this.target(ref);
    return node ? this.isCyclicNode(node) : false;
  }

  isCyclicNode(node: object): boolean {
    const known = this.cyclic.get(node);
    if (known !== undefined) return known;
    this.tarjan(node);
    return this.cyclic.get(node) ?? false;
  }

  /** Whether a recursive schema can be reached from inside `node` (itself included). */
  reachesCycle(node: unknown): boolean {
    if (!isSchemaObject(node)) return false;
    const known = this.reaches.get(node);
    if (known !== undefined) return known;
    this.reaches.set(node, false);
    let result = false;
    for (const t of this.edges(node)) {
      if (this.isCyclicNode(t) || this.reachesCycle(t)) {
        result = true;
        break;
      }
    }
    this.reaches.set(node, result);
    return result;
  }

  /** Tarjan's strongly connected components from `start`, marking each node cyclic or not. */
  private tarjan(start: object): void {
    const index = new Map<object, number>();
    const low = new Map<object, number>();
    const stack: object[] = [];
    const onStack = new Set<object>();
    let counter = 0;
    const strong = (v: object): void => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      for (const w of this.edges(v)) {
        if (this.cyclic.has(w)) continue;
        if (!index.has(w)) {
          strong(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
      }
      if (low.get(v) === index.get(v)) {
        const component: object[] = [];
        let w: object;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        const isCycle = component.length > 1 || this.edges(v).includes(v);
        for (const c of component) this.cyclic.set(c, isCycle);
      }
    };
    strong(start);
  }
}
