/** Small guards for reading spec documents in tests, with messages that say what was wrong. */
import { getAtPointer } from '../../src/util/json-pointer.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown, what: string): Json {
  if (!isObject(value)) throw new Error(`${what} is not an object`);
  return value;
}

export function str(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${what} is not a non-empty string`);
  return value;
}

/** Follows local `#/...` references inside `doc`, chained ones included. */
export function deref(doc: Json, value: unknown): unknown {
  let current = value;
  for (let depth = 0; isObject(current) && typeof current['$ref'] === 'string'; depth++) {
    if (depth > 20) throw new Error('reference chain too long');
    const ref = current['$ref'];
    if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
    current = getAtPointer(doc, ref.slice(1));
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current;
}
