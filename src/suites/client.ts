/**
 * The client tolerance suite: serves valid responses of an operation, and responses changed by
 * each evolution the policy allows, through nock to the integrator's real client call, and
 * judges what the client does. Framework-neutral: `runClientTolerance` returns a report, and
 * `planClientTolerance` gives one runnable case per (operation, evolution) plus a baseline case
 * per operation, which the vitest adapter turns into one test each.
 */
import fc from 'fast-check';
import { ApicompatError } from '../errors.js';
import { appliesToExchange, evolveExchange, type Evolution, type EvolutionContext, type EvolutionId, type Evolved, type Exchange } from '../fuzz/evolution.js';
import { DEFAULT_ERROR_STATUSES } from '../fuzz/evolutions/changed-error-status.js';
import { UnsatisfiableSchemaError, schemaArbitrary } from '../fuzz/schema-arbitrary.js';
import type { SchemaContext } from '../fuzz/schema-context.js';
import type { Policy } from '../policy/policy.js';
import { serve } from './nock-server.js';
import { loadPolicyEvolutions } from './policy-evolutions.js';
import { findOperation, loadSpecForSuite, type SpecHeader, type SpecOperation, type SpecResponse } from './spec-operations.js';
import { describeOutcome, describeValue, knownFieldsDifference, preview } from './client-report.js';

export type { EvolutionId, Exchange } from '../fuzz/evolution.js';

/** What the client call did. */
export type ClientOutcome = { kind: 'resolved'; value: unknown } | { kind: 'rejected'; error: unknown };

/**
 * Judges the client's outcome for one served response: throw (an `expect` failure, say) or
 * return `false` to fail; anything else passes.
 */
export type OutcomeCheck = (outcome: ClientOutcome, response: Exchange) => unknown;

/** The integrator's call of one operation through their own client. */
export type ClientCall = () => unknown;

export interface ClientOperationOptions {
  call: ClientCall;
  /** Checks what the client returned for a success response (it must resolve in any case). */
  expectResult?: (value: unknown, response: Exchange) => unknown;
  /**
   * What the client must do with an error response (status 400 and above). Default: reject
   * with an `Error` that is not a runtime error (`TypeError`, `SyntaxError`, `RangeError`,
   * `ReferenceError`), i.e. the client reports the error rather than crashing on it.
   */
  expectError?: OutcomeCheck;
  /** Documented statuses to serve (`200`, `404`, `4XX`, `default`); default all of them. */
  statuses?: Array<string | number>;
  /**
   * Invariance check: for evolutions that change nothing the client knows (unknown
   * property, reordered keys, extra header), the result must be the same on every field the
   * baseline result has. `true` compares the results; a function compares its projections.
   */
  invariance?: boolean | ((value: unknown) => unknown);
}

export type ClientOperation = ClientCall | ClientOperationOptions;

/** Reruns one failing case exactly: copy it from a failure message. */
export interface ReplayOptions {
  operation: string;
  evolution: EvolutionId | 'baseline';
  seed: number;
  /** fast-check's counterexample path. */
  path: string;
}

export interface ClientToleranceOptions {
  /** The OpenAPI document (path, relative to `cwd`). */
  spec: string;
  /** `strict`, `tolerant-reader` (default), a policy file path, or a loaded policy. */
  policy?: string | Policy;
  /** Where the client sends requests; default the spec's first server URL. */
  baseUrl?: string;
  /** Keyed by operationId or `METHOD /path`. */
  operations: Record<string, ClientOperation>;
  /** Run only these of the evolutions the policy allows. */
  evolutions?: EvolutionId[];
  /** Generated responses per case (default 20). */
  numRuns?: number;
  /** fast-check seed shared by every case; default a random one, printed with any failure. */
  seed?: number;
  replay?: ReplayOptions;
  /** Default for every operation's `invariance`. */
  invariance?: boolean;
  /** Default for every operation's `expectError`. */
  expectError?: OutcomeCheck;
  /** Statuses an error may turn into (changed-error-status). */
  errorStatuses?: number[];
  /** How long one client call may take (default 5000 ms). */
  callTimeout?: number;
  cwd?: string;
}

export type CaseStatus = 'passed' | 'failed' | 'not-applicable' | 'skipped';

export interface ToleranceFailure {
  operation: string;
  /** `GET /v2/apps/{appId}` */
  endpoint: string;
  evolution: EvolutionId | 'baseline';
  /** Where the evolution acted: a JSON path in the body, `status` or `headers['x-…']`; `$` for the baseline. */
  path: string;
  /** What the evolution did, or which valid response was served. */
  change: string;
  /** Why the client's behaviour failed. */
  reason: string;
  outcome: ClientOutcome;
  /** The (shrunk) response served to the client. */
  response: Exchange;
  /** The valid response it was evolved from. */
  baseline?: Exchange;
  seed: number;
  /** fast-check counterexample path. */
  replayPath: string;
  replay: ReplayOptions;
  runs: number;
  shrinks: number;
  message: string;
}

export interface CaseResult {
  operation: string;
  endpoint: string;
  evolution: EvolutionId | 'baseline';
  title: string;
  status: CaseStatus;
  /** Why the case did not run. */
  reason?: string;
  runs: number;
  failure?: ToleranceFailure;
}

export interface PlannedCase {
  operation: string;
  endpoint: string;
  evolution: EvolutionId | 'baseline';
  title: string;
  /** Set when the case will not run: not applicable, or left out while replaying another case. */
  skip?: { status: 'not-applicable' | 'skipped'; reason: string };
  run(): Promise<CaseResult>;
}

export interface ClientTolerancePlan {
  spec: string;
  policy: string;
  baseUrl: string;
  seed: number;
  cases: PlannedCase[];
}

export interface ClientToleranceReport {
  spec: string;
  policy: string;
  baseUrl: string;
  seed: number;
  cases: CaseResult[];
  failures: ToleranceFailure[];
  ok: boolean;
}

export const DEFAULT_NUM_RUNS = 20;
export const DEFAULT_CALL_TIMEOUT = 5000;
/** Bodies generated per response to find where an evolution can act. */
const APPLICABILITY_SAMPLES = 40;
const APPLICABILITY_SEED = 20240611;
/** Evolutions that change nothing a client reads: the invariance check applies to them. */
const INVARIANT: ReadonlySet<EvolutionId> = new Set(['unknown-property', 'reordered-keys', 'extra-header']);
/** Evolutions of webhook deliveries: the webhook suite runs them, responses never carry them. */
const WEBHOOK_ONLY: ReadonlySet<EvolutionId> = new Set(['unknown-webhook-trigger']);
const RUNTIME_ERRORS = ['TypeError', 'SyntaxError', 'RangeError', 'ReferenceError'];

interface Servable {
  response: SpecResponse;
  exchange: fc.Arbitrary<Exchange>;
  samples: Exchange[];
}

interface Sample {
  response: SpecResponse;
  baseline: Exchange;
  evolved?: Evolved<Exchange>;
}

class Judgement extends Error {
  constructor(
    readonly reason: string,
    readonly outcome: ClientOutcome,
  ) {
    super(reason);
    this.name = 'Judgement';
  }
}

function normalise(op: ClientOperation): ClientOperationOptions {
  return typeof op === 'function' ? { call: op } : op;
}

function isRuntimeError(error: unknown): boolean {
  return error instanceof Error && RUNTIME_ERRORS.includes(error.name);
}

/** The default error expectation: the client rejects with an Error of its own making. */
export const rejectsWithError: OutcomeCheck = (outcome) => {
  if (outcome.kind === 'resolved') throw new Error(`the client returned ${preview(outcome.value)} instead of reporting the error`);
  if (!(outcome.error instanceof Error)) throw new Error(`the client rejected with ${preview(outcome.error)}, not an Error`);
  if (isRuntimeError(outcome.error)) throw new Error(`the client crashed (${outcome.error.name}) instead of reporting the error`);
  return true;
};

/** The client call did not settle in time. */
class CallTimeout extends Error {
  constructor(readonly timeout: number) {
    super(`no answer within ${timeout} ms`);
    this.name = 'CallTimeout';
  }
}

async function settle(call: ClientCall, timeout: number): Promise<ClientOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<ClientOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'rejected', error: new CallTimeout(timeout) }), timeout);
  });
  const run = (async (): Promise<ClientOutcome> => {
    try {
      return { kind: 'resolved', value: await call() };
    } catch (error) {
      return { kind: 'rejected', error };
    }
  })();
  try {
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function check(fn: () => unknown, what: string): Promise<string | undefined> {
  try {
    const verdict = await fn();
    return verdict === false ? `${what} returned false` : undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function seedOf(options: ClientToleranceOptions): number {
  if (options.replay) return options.replay.seed;
  if (options.seed !== undefined) return options.seed;
  return (Date.now() ^ Math.floor(Math.random() * 0x100000000)) | 0;
}

/** Loads the spec and policy, finds the operations and decides which cases apply. */
export async function planClientTolerance(options: ClientToleranceOptions): Promise<ClientTolerancePlan> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadSpecForSuite(options.spec, cwd);
  const { policy, evolutions: allowed } = await loadPolicyEvolutions(options.policy ?? 'tolerant-reader', cwd);
  const baseUrl = options.baseUrl ?? loaded.serverUrl;
  if (!baseUrl) throw new ApicompatError('usage', `${options.spec} names no absolute server URL: give baseUrl`);
  try {
    new URL(baseUrl);
  } catch {
    throw new ApicompatError('usage', `baseUrl is not a URL: ${baseUrl}`);
  }
  let evolutions = allowed.map((a) => a.evolution).filter((e) => !WEBHOOK_ONLY.has(e.id));
  if (options.evolutions) {
    const refused = options.evolutions.filter((id) => !evolutions.some((e) => e.id === id));
    if (refused.length > 0) throw new ApicompatError('usage', `policy ${policy.name} does not allow: ${refused.join(', ')}`);
    evolutions = evolutions.filter((e) => options.evolutions!.includes(e.id));
  }
  const names = Object.keys(options.operations);
  if (names.length === 0) throw new ApicompatError('usage', 'no operations to test');
  if (options.replay && !names.includes(options.replay.operation)) throw new ApicompatError('usage', `replay names an operation not in the suite: ${options.replay.operation}`);
  const seed = seedOf(options);
  const numRuns = Math.max(1, options.numRuns ?? DEFAULT_NUM_RUNS);
  const evolutionCtx: EvolutionContext = {
    ...loaded.ctx,
    maxIdLength: policy.maxIdLength,
    errorStatuses: options.errorStatuses ?? DEFAULT_ERROR_STATUSES,
  };
  const settings: Settings = { options, baseUrl, seed, numRuns, ctx: evolutionCtx, timeout: options.callTimeout ?? DEFAULT_CALL_TIMEOUT };
  const cases: PlannedCase[] = [];
  for (const name of names) {
    const op = findOperation(loaded, name);
    const client = normalise(options.operations[name]!);
    const servable = servableResponses(op, client, loaded.ctx);
    const target = { settings, op, client, servable };
    cases.push(baselineCase(target));
    for (const evolution of evolutions) cases.push(evolutionCase(target, evolution));
  }
  if (options.replay) {
    const { operation, evolution } = options.replay;
    for (const c of cases) {
      if (c.skip || (c.operation === operation && c.evolution === evolution)) continue;
      c.skip = { status: 'skipped', reason: `replaying ${operation} ${evolution}` };
    }
  }
  return { spec: options.spec, policy: policy.name, baseUrl, seed, cases };
}

/** Runs every case in turn and gathers the results. */
export async function runClientTolerance(options: ClientToleranceOptions): Promise<ClientToleranceReport> {
  const plan = await planClientTolerance(options);
  const cases: CaseResult[] = [];
  for (const c of plan.cases) cases.push(await c.run());
  const failures = cases.flatMap((c) => (c.failure ? [c.failure] : []));
  return { spec: plan.spec, policy: plan.policy, baseUrl: plan.baseUrl, seed: plan.seed, cases, failures, ok: failures.length === 0 };
}

interface Settings {
  options: ClientToleranceOptions;
  baseUrl: string;
  seed: number;
  numRuns: number;
  ctx: EvolutionContext;
  timeout: number;
}

interface Target {
  settings: Settings;
  op: SpecOperation;
  client: ClientOperationOptions;
  servable: Servable[];
}

function servableResponses(op: SpecOperation, client: ClientOperationOptions, ctx: SchemaContext): Servable[] {
  const wanted = client.statuses?.map((s) => String(s).toUpperCase());
  const out: Servable[] = [];
  for (const response of op.responses) {
    if (wanted && !wanted.includes(response.documented.toUpperCase())) continue;
    let body: fc.Arbitrary<unknown>;
    try {
      body = response.schema === undefined ? fc.constant(undefined) : schemaArbitrary(response.schema, ctx);
    } catch (error) {
      if (error instanceof UnsatisfiableSchemaError) continue;
      throw error;
    }
    const contentType: Record<string, string> = response.mediaType ? { 'content-type': response.mediaType } : {};
    const headers = headersArbitrary(response.headers, ctx);
    if (!headers) continue;
    const exchange = fc.tuple(body, headers).map(([b, h]): Exchange => ({ status: response.status, headers: { ...contentType, ...h }, body: b }));
    out.push({ response, exchange, samples: fc.sample(exchange, { numRuns: APPLICABILITY_SAMPLES, seed: APPLICABILITY_SEED }) });
  }
  if (wanted) {
    const missing = wanted.filter((s) => !op.responses.some((r) => r.documented.toUpperCase() === s));
    if (missing.length > 0) throw new ApicompatError('usage', `${op.name}: ${op.display} documents no ${missing.join(', ')} response`);
  }
  return out;
}

/** A header value a fetch client receives unchanged: visible ASCII, no surrounding spaces. */
const HEADER_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;

/** Documented headers: required ones always, optional ones sometimes; undefined when a required one cannot be generated. */
function headersArbitrary(headers: SpecHeader[], ctx: SchemaContext): fc.Arbitrary<Record<string, string>> | undefined {
  const model: Record<string, fc.Arbitrary<string>> = {};
  const requiredKeys: string[] = [];
  for (const header of headers) {
    let arb: fc.Arbitrary<string> | undefined;
    try {
      arb = schemaArbitrary(header.schema ?? { type: 'string' }, ctx)
        .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        .map(String)
        .filter((v) => HEADER_VALUE.test(v));
    } catch (error) {
      if (!(error instanceof UnsatisfiableSchemaError)) throw error;
    }
    if (!arb) {
      if (header.required) return undefined;
      continue;
    }
    model[header.name] = arb;
    if (header.required) requiredKeys.push(header.name);
  }
  if (Object.keys(model).length === 0) return fc.constant({});
  return fc.record(model, { requiredKeys, noNullPrototype: true }) as fc.Arbitrary<Record<string, string>>;
}

function titleOf(op: SpecOperation, what: string): string {
  return `${op.name} ${what}`;
}

function endpointOf(op: SpecOperation): string {
  return op.display;
}

function result(target: Target, evolution: EvolutionId | 'baseline', title: string, status: CaseStatus, runs: number, extra: { reason?: string; failure?: ToleranceFailure } = {}): CaseResult {
  return { operation: target.op.name, endpoint: endpointOf(target.op), evolution, title, status, runs, ...extra };
}

function baselineCase(target: Target): PlannedCase {
  const { op, servable } = target;
  const statuses = servable.map((s) => s.response.documented).join(', ');
  const title = titleOf(op, `baseline: accepts valid responses (${statuses || 'none'})`);
  const planned: PlannedCase = {
    operation: op.name,
    endpoint: endpointOf(op),
    evolution: 'baseline',
    title,
    run: async () => {
      if (planned.skip) return result(target, 'baseline', title, planned.skip.status, 0, { reason: planned.skip.reason });
      const arb = fc.oneof(...servable.map((s) => s.exchange.map((baseline): Sample => ({ response: s.response, baseline }))));
      return runProperty(target, 'baseline', title, arb);
    },
  };
  if (servable.length === 0) planned.skip = { status: 'not-applicable', reason: 'no response documented with a body that can be generated' };
  return planned;
}

function notApplicableReason(target: Target, evolution: Evolution): string {
  const errors = target.servable.filter((s) => s.response.status >= 400);
  if ((evolution.id === 'changed-error-status' || evolution.id === 'unknown-error-code') && errors.length === 0) {
    return target.op.responses.some((r) => r.status >= 400) ? 'no error response among the statuses served' : 'no error response documented';
  }
  const statuses = target.servable.map((s) => s.response.documented).join('/');
  return `nowhere to apply in ${APPLICABILITY_SAMPLES} generated ${statuses} responses`;
}

function evolutionCase(target: Target, evolution: Evolution): PlannedCase {
  const { op, settings } = target;
  const schemaOf = (s: Servable): unknown => s.response.schema ?? true;
  const hosts = target.servable.filter((s) => s.samples.some((ex) => appliesToExchange(evolution, ex, schemaOf(s), settings.ctx)));
  const title = titleOf(op, `tolerates ${evolution.id}`);
  const planned: PlannedCase = {
    operation: op.name,
    endpoint: endpointOf(op),
    evolution: evolution.id,
    title,
    run: async () => {
      if (planned.skip) return result(target, evolution.id, title, planned.skip.status, 0, { reason: planned.skip.reason });
      const arb = fc.oneof(
        ...hosts.map((s) =>
          s.exchange
            .filter((ex) => appliesToExchange(evolution, ex, schemaOf(s), settings.ctx))
            .chain((baseline) => evolveExchange(evolution, baseline, schemaOf(s), settings.ctx).map((evolved): Sample => ({ response: s.response, baseline, evolved }))),
        ),
      );
      return runProperty(target, evolution.id, title, arb);
    },
  };
  if (hosts.length === 0) planned.skip = { status: 'not-applicable', reason: notApplicableReason(target, evolution) };
  return planned;
}

async function exercise(target: Target, sample: Sample, exchange: Exchange): Promise<ClientOutcome> {
  const { settings, op, client } = target;
  const served = serve({ baseUrl: settings.baseUrl, method: op.method, path: op.path }, exchange, sample.response.mediaType);
  let outcome: ClientOutcome;
  try {
    outcome = await settle(client.call, settings.timeout);
  } finally {
    served.close();
  }
  if (served.requests.length === 0) {
    throw new Judgement(`the client made no request matching ${op.method} ${settings.baseUrl.replace(/\/+$/, '')}${op.path} (${describeOutcome(outcome)})`, outcome);
  }
  return outcome;
}

/** Serves `exchange` and judges the outcome; throws a Judgement on failure, returns the outcome otherwise. */
async function judge(target: Target, sample: Sample, exchange: Exchange): Promise<ClientOutcome> {
  const { client, settings } = target;
  const outcome = await exercise(target, sample, exchange);
  if (outcome.kind === 'rejected' && outcome.error instanceof CallTimeout) {
    throw new Judgement(`the client did not answer a ${exchange.status} response within ${outcome.error.timeout} ms`, outcome);
  }
  if (exchange.status < 400) {
    if (outcome.kind === 'rejected') throw new Judgement(`the client threw on a ${exchange.status} response`, outcome);
    if (client.expectResult) {
      const problem = await check(() => client.expectResult!(outcome.value, exchange), 'expectResult');
      if (problem) throw new Judgement(`expectResult failed: ${problem}`, outcome);
    }
    return outcome;
  }
  const expectError = client.expectError ?? settings.options.expectError ?? rejectsWithError;
  const problem = await check(() => expectError(outcome, exchange), 'expectError');
  if (problem) throw new Judgement(`wrong handling of a ${exchange.status} error response: ${problem}`, outcome);
  return outcome;
}

function invarianceOf(target: Target): ((value: unknown) => unknown) | undefined {
  const setting = target.client.invariance ?? target.settings.options.invariance ?? false;
  if (setting === false) return undefined;
  return setting === true ? (v) => v : setting;
}

async function property(target: Target, evolution: EvolutionId | 'baseline', sample: Sample): Promise<void> {
  if (!sample.evolved) {
    await judge(target, sample, sample.baseline);
    return;
  }
  const project = invarianceOf(target);
  const compare = project && INVARIANT.has(evolution as EvolutionId) && sample.evolved.value.status < 400;
  let before: ClientOutcome | undefined;
  if (compare) {
    try {
      before = await judge(target, sample, sample.baseline);
    } catch (error) {
      if (error instanceof Judgement) throw new Judgement(`the client rejected the valid response this one evolved from: ${error.reason}`, error.outcome);
      throw error;
    }
  }
  const after = await judge(target, sample, sample.evolved.value);
  if (compare && before?.kind === 'resolved' && after.kind === 'resolved') {
    const difference = knownFieldsDifference(project!(before.value), project!(after.value));
    if (difference) throw new Judgement(`the result changed on a known field: ${difference}`, after);
  }
}

async function runProperty(target: Target, evolution: EvolutionId | 'baseline', title: string, arb: fc.Arbitrary<Sample>): Promise<CaseResult> {
  const { settings, op } = target;
  const replay = settings.options.replay;
  const replaying = replay && replay.operation === op.name && replay.evolution === evolution;
  const details = await fc.check(
    fc.asyncProperty(arb, (sample) => property(target, evolution, sample)),
    { numRuns: settings.numRuns, seed: settings.seed, ...(replaying ? { path: replay.path } : {}) },
  );
  if (!details.failed) return result(target, evolution, title, 'passed', details.numRuns);
  const sample = details.counterexample?.[0];
  const error = details.errorInstance;
  if (!sample || !(error instanceof Judgement)) {
    // Not a judgement: our own machinery failed; say so rather than blame the client.
    const why = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`${title}: the suite failed to run: ${why}`);
  }
  const failure = toFailure(target, evolution, sample, error, details);
  return result(target, evolution, title, 'failed', details.numRuns, { failure });
}

function toFailure(target: Target, evolution: EvolutionId | 'baseline', sample: Sample, judgement: Judgement, details: fc.RunDetails<[Sample]>): ToleranceFailure {
  const { op } = target;
  const response = sample.evolved?.value ?? sample.baseline;
  const replay: ReplayOptions = { operation: op.name, evolution, seed: details.seed, path: details.counterexamplePath ?? '' };
  const failure: Omit<ToleranceFailure, 'message'> = {
    operation: op.name,
    endpoint: endpointOf(op),
    evolution,
    path: sample.evolved?.path ?? '$',
    change: sample.evolved?.description ?? `valid ${sample.response.documented} response`,
    reason: judgement.reason,
    outcome: judgement.outcome,
    response,
    ...(sample.evolved ? { baseline: sample.baseline } : {}),
    seed: details.seed,
    replayPath: replay.path,
    replay,
    runs: details.numRuns,
    shrinks: details.numShrinks,
  };
  return { ...failure, message: failureMessage(failure) };
}

function failureMessage(f: Omit<ToleranceFailure, 'message'>): string {
  const head =
    f.evolution === 'baseline'
      ? `${f.operation} (${f.endpoint}): the client rejected valid data`
      : `${f.operation} (${f.endpoint}): the client does not tolerate ${f.evolution}`;
  const lines = [
    head,
    ...(f.evolution === 'baseline' ? [] : [`  evolution: ${f.evolution} at ${f.path}: ${f.change}`]),
    `  failure:   ${f.reason}`,
    `  client:    ${describeOutcome(f.outcome)}`,
    `  response:  ${f.response.status} ${describeValue(f.response.body)}`,
    `  headers:   ${JSON.stringify(f.response.headers)}`,
    `  seed: ${f.seed}, path: "${f.replayPath}" (failed after ${f.runs} runs, shrunk ${f.shrinks} times)`,
    `  to replay, add to the suite options: replay: ${JSON.stringify(f.replay)}`,
  ];
  return lines.join('\n');
}
