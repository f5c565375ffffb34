/**
 * Where an event keeps its id and its type: at the top level of the body, or in each element of
 * an `events` array (batched deliveries such as Sunshine Conversations v2).
 */
import { randomUUID } from 'node:crypto';
import { getAt, setAt, type PathSegment } from '../fuzz/index.js';

export const DEFAULT_TRIGGER_FIELDS = ['trigger', 'eventType', 'event_type', 'type', 'event'];
export const DEFAULT_EVENT_ID_FIELDS = ['eventId', 'event_id', 'id'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of the event objects in a body: each element of `events[]`, else the body itself. */
export function eventPaths(body: unknown): PathSegment[][] {
  if (!isRecord(body)) return [];
  if (Array.isArray(body.events)) {
    const out: PathSegment[][] = [];
    body.events.forEach((e, i) => isRecord(e) && out.push(['events', i]));
    return out;
  }
  return [[]];
}

/** The first of `fields` an event object holds as a string. */
function stringField(event: unknown, fields: readonly string[]): string | undefined {
  return isRecord(event) ? fields.find((f) => typeof event[f] === 'string') : undefined;
}

/** The field naming the event type in this body, if any of the usual names holds a string. */
export function detectTriggerField(body: unknown, fields: readonly string[] = DEFAULT_TRIGGER_FIELDS): string | undefined {
  for (const path of eventPaths(body)) {
    const found = stringField(getAt(body, path), fields);
    if (found) return found;
  }
  return undefined;
}

/** Paths of the event ids in a body (one per event). */
export function eventIdPaths(body: unknown, idField?: string): PathSegment[][] {
  const fields = idField ? [idField] : DEFAULT_EVENT_ID_FIELDS;
  const out: PathSegment[][] = [];
  for (const path of eventPaths(body)) {
    const field = stringField(getAt(body, path), fields);
    if (field) out.push([...path, field]);
  }
  return out;
}

/** The event ids of a body, in order. */
export function eventIds(body: unknown, idField?: string): string[] {
  return eventIdPaths(body, idField).map((p) => getAt(body, p) as string);
}

/** Whether `path` is `inner` or one of its ancestors. */
function contains(path: readonly PathSegment[], inner: readonly PathSegment[]): boolean {
  return path.length <= inner.length && path.every((s, i) => inner[i] === s);
}

/**
 * The body with a new unique id for every event, so that a handler which ignores ids it has
 * seen still processes each delivery. An id the evolution itself changed (`keep`) stays.
 */
export function withFreshIds(body: unknown, idField?: string, keep?: readonly PathSegment[]): unknown {
  let out = body;
  for (const path of eventIdPaths(body, idField)) {
    if (keep && contains(path, keep)) continue;
    out = setAt(out, path, randomUUID());
  }
  return out;
}
