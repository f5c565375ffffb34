/**
 * Evolutions: changes a tolerant-reader policy lets a provider make at any time. Each one
 * turns a valid response or webhook payload into an evolved one, as a shrinkable fast-check
 * arbitrary that also says where it changed the value (a JSON path) and how.
 */
import fc from 'fast-check';
import type { SchemaContext } from './schema-context.js';

/** An HTTP response or webhook delivery as a client sees it. */
export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type EvolutionId =
  | 'unknown-property'
  | 'unknown-enum-value'
  | 'unknown-discriminator-value'
  | 'unknown-webhook-trigger'
  | 'more-array-items'
  | 'id-format'
  | 'reordered-keys'
  | 'unknown-error-code'
  | 'changed-error-status'
  | 'extra-header';

/** Policy knobs and facts about the exchange the evolutions may use. */
export interface EvolutionOptions {
  /** Longest id the policy allows (id-format). Default 255. */
  maxIdLength?: number;
  /** Keep arrays within maxItems (more-array-items). Default false: the policy may exceed it. */
  respectMaxItems?: boolean;
  /** The field that names a webhook event type. Default: `trigger` or `type`, top level or in `events[]`. */
  triggerField?: string;
  /** Status of the response the body belongs to; error evolutions look at it. */
  status?: number;
  /** Statuses an error response may switch to (changed-error-status). */
  errorStatuses?: number[];
}

export type EvolutionContext = SchemaContext & EvolutionOptions;

/** One evolved value: what changed and where. */
export interface Evolved<T = unknown> {
  value: T;
  /** `$.messages[0].content` for body changes, `status` or `headers['x-name']` for envelope changes. */
  path: string;
  description: string;
}

interface EvolutionBase<T> {
  id: EvolutionId;
  summary: string;
  /** Whether the evolution has somewhere to act in `value`. */
  applies(value: T, schema: unknown, ctx: EvolutionContext): boolean;
  /** Evolved versions of `value`; only call when `applies` is true. */
  arbitrary(value: T, schema: unknown, ctx: EvolutionContext): fc.Arbitrary<Evolved<T>>;
}

/** Changes the body (`schema` is the body schema). */
export interface BodyEvolution extends EvolutionBase<unknown> {
  target: 'body';
}

/** Changes the envelope: status or headers (`schema` is the body schema, usually unused). */
export interface ExchangeEvolution extends EvolutionBase<Exchange> {
  target: 'exchange';
}

export type Evolution = BodyEvolution | ExchangeEvolution;

export class EvolutionNotApplicableError extends Error {
  constructor(id: EvolutionId) {
    super(`evolution ${id} has nowhere to apply in this value`);
    this.name = 'EvolutionNotApplicableError';
  }
}

/**
 * Picks one candidate with a shrinkable index (shrinking moves towards the first candidate)
 * and evolves the value there.
 */
export function atCandidate<C, T>(id: EvolutionId, candidates: readonly C[], evolve: (candidate: C) => fc.Arbitrary<Evolved<T>>): fc.Arbitrary<Evolved<T>> {
  if (candidates.length === 0) throw new EvolutionNotApplicableError(id);
  if (candidates.length === 1) return evolve(candidates[0]!);
  return fc.integer({ min: 0, max: candidates.length - 1 }).chain((i) => evolve(candidates[i]!));
}

export function appliesToExchange(evolution: Evolution, exchange: Exchange, schema: unknown, ctx: EvolutionContext): boolean {
  if (evolution.target === 'exchange') return evolution.applies(exchange, schema, ctx);
  return evolution.applies(exchange.body, schema, { ...ctx, status: exchange.status });
}

/** Evolves a whole exchange: body evolutions change the body, envelope ones status or headers. */
export function evolveExchange(evolution: Evolution, exchange: Exchange, schema: unknown, ctx: EvolutionContext): fc.Arbitrary<Evolved<Exchange>> {
  if (evolution.target === 'exchange') return evolution.arbitrary(exchange, schema, ctx);
  return evolution
    .arbitrary(exchange.body, schema, { ...ctx, status: exchange.status })
    .map((e) => ({ value: { ...exchange, body: e.value }, path: e.path, description: e.description }));
}
