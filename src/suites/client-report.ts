/** How the client suite describes values, outcomes and differences in its failure messages. */
import type { ClientOutcome } from './client.js';

const MAX_PAYLOAD = 2000;
const MAX_PREVIEW = 200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** A served body as JSON text (clipped), or `(no body)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(no body)';
  return clip(JSON.stringify(value), MAX_PAYLOAD);
}

/** A short rendering of any value the client returned or threw. */
export function preview(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    return clip(JSON.stringify(value) ?? String(value), MAX_PREVIEW);
  } catch {
    return clip(String(value), MAX_PREVIEW);
  }
}

export function describeOutcome(outcome: ClientOutcome): string {
  return outcome.kind === 'resolved' ? `returned ${preview(outcome.value)}` : `threw ${preview(outcome.error)}`;
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function key(path: string, k: string | number): string {
  if (typeof k === 'number') return `${path}[${k}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

/**
 * Where `after` differs from `before` on what `before` holds: every key and item of `before`
 * must be in `after` with the same value; keys only `after` has are ignored, and so is key order.
 * Returns a description of the first difference, or undefined.
 */
export function knownFieldsDifference(before: unknown, after: unknown, path = '$'): string | undefined {
  if (Object.is(before, after)) return undefined;
  const differs = (): string => `${path}: ${preview(before)} became ${preview(after)}`;
  if (before instanceof Date || after instanceof Date) {
    return before instanceof Date && after instanceof Date && Object.is(before.getTime(), after.getTime()) ? undefined : differs();
  }
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return differs();
    for (let i = 0; i < before.length; i++) {
      const d = knownFieldsDifference(before[i], after[i], key(path, i));
      if (d) return d;
    }
    return undefined;
  }
  if (before instanceof Map) {
    if (!(after instanceof Map)) return differs();
    for (const [k, v] of before) {
      if (!after.has(k)) return `${path}: key ${preview(k)} is gone`;
      const d = knownFieldsDifference(v, after.get(k), `${path}.get(${preview(k)})`);
      if (d) return d;
    }
    return undefined;
  }
  if (before instanceof Set) {
    if (!(after instanceof Set)) return differs();
    for (const v of before) if (!after.has(v)) return `${path}: ${preview(v)} is gone`;
    return undefined;
  }
  if (isRecordLike(before)) {
    if (!isRecordLike(after)) return differs();
    for (const k of Object.keys(before)) {
      if (!Object.prototype.hasOwnProperty.call(after, k)) return `${key(path, k)}: ${preview(before[k])} is gone`;
      const d = knownFieldsDifference(before[k], after[k], key(path, k));
      if (d) return d;
    }
    return undefined;
  }
  return differs();
}
