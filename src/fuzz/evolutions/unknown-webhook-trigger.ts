/**
 * A webhook delivers an event type the integration never subscribed to knowingly: the trigger
 * field (`ctx.triggerField`, else `trigger` or `type`), at the top level or in `events[]`,
 * takes an unknown value, and the event may carry a payload of unknown shape.
 */
import fc from 'fast-check';
import { objectFromEntries, smallJsonArbitrary } from '../arbitrary-utils.js';
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { knownValues, newWordLike } from '../evolution-helpers.js';
import { formatPath, setAt, type PathSegment } from '../json-path.js';
import { viewFor } from '../schema-view.js';
import { isPlainObject, locations } from '../value-walker.js';

const DEFAULT_FIELDS = ['trigger', 'type'];
/** Fields an event keeps whatever its type: identity, timing and routing. */
const ENVELOPE_FIELDS = new Set(['id', 'createdAt', 'created_at', 'timestamp', 'version', 'app', 'webhook', 'source']);

interface Candidate {
  /** Path of the event object. */
  event: PathSegment[];
  field: string;
  known: Set<string>;
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Candidate[] {
  const fields = ctx.triggerField ? [ctx.triggerField] : DEFAULT_FIELDS;
  const events: PathSegment[][] = [];
  if (isPlainObject(value)) {
    events.push([]);
    if (Array.isArray(value.events)) value.events.forEach((e, i) => isPlainObject(e) && events.push(['events', i]));
  }
  const view = viewFor(ctx);
  const schemaAt = new Map(locations(value, schema, ctx).map((loc) => [formatPath(loc.path), loc.schema]));
  const seen = new Set<string>();
  const found: Array<Omit<Candidate, 'known'>> = [];
  for (const path of events) {
    const event = path.length === 0 ? value : (value as { events: unknown[] }).events[path[1] as number];
    const field = fields.find((f) => isPlainObject(event) && typeof event[f] === 'string');
    if (!field) continue;
    const trigger = (event as Record<string, string>)[field]!;
    seen.add(trigger);
    for (const v of knownValues(view, schemaAt.get(formatPath([...path, field]))) ?? []) if (typeof v === 'string') seen.add(v);
    found.push({ event: path, field });
  }
  return found.map((c) => ({ ...c, known: seen }));
}

export const unknownWebhookTrigger: BodyEvolution = {
  id: 'unknown-webhook-trigger',
  target: 'body',
  summary: 'A webhook payload carries an event type (trigger) the client does not know.',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) =>
    atCandidate('unknown-webhook-trigger', candidates(value, schema, ctx), ({ event, field, known }) => {
      const original = (event.length === 0 ? value : (value as { events: unknown[] }).events[event[1] as number]) as Record<string, unknown>;
      const payloadKey = Object.prototype.hasOwnProperty.call(original, 'payload') ? 'payload' : 'data';
      return fc.tuple(newWordLike([...known], known), fc.option(smallJsonArbitrary, { nil: undefined })).map(([next, payload]) => {
        let entries: Array<[string, unknown]> = Object.entries(original).map(([k, v]) => [k, k === field ? next : v]);
        if (payload !== undefined) {
          // An unknown event type brings its own payload: keep only the envelope fields.
          entries = entries.filter(([k]) => k === field || ENVELOPE_FIELDS.has(k));
          entries.push([payloadKey, payload]);
        }
        const path = [...event, field];
        return {
          value: setAt(value, event, objectFromEntries(entries)),
          path: formatPath(path),
          description:
            `unknown trigger ${JSON.stringify(next)} (was ${JSON.stringify(original[field])})` +
            (payload !== undefined ? ` with an unknown ${payloadKey}` : ''),
        };
      });
    }),
};
