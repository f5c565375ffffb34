/**
 * Webhook tolerance suite: posts signed events generated from a spec's webhooks to the
 * integrator's handler, and checks what a provider's policy lets it expect of a receiver:
 *
 * - every valid event (`baseline`) and every event evolved as the policy allows (unknown
 *   trigger, unknown property, more array items, ...) is acknowledged with a 2xx;
 * - an unsigned event, one signed with another key, and (when the signature covers the body)
 *   one whose body changed after signing are rejected, and not processed;
 * - a redelivered event (same body and event id, next retry count) is acknowledged again and
 *   processed once; the integrator says what "processed" means with the `processed` probe.
 *
 * Each failure names the check, the webhook, the evolution with the JSON path it changed, the
 * seed and the shrunk delivery (fast-check), so it replays with `seed` and `replay`.
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import {
  appliesToExchange,
  evolveExchange,
  parsePath,
  schemaArbitrary,
  type Evolution,
  type EvolutionContext,
  type EvolutionId,
  type Exchange,
  type PathSegment,
} from '../fuzz/index.js';
import type { Policy } from '../policy/policy.js';
import { loadPolicyEvolutions } from './policy-evolutions.js';
import type { WebhookSigner } from './signers-common.js';
import { detectTriggerField, eventIds, withFreshIds } from './webhook-events.js';
import { loadWebhookSpec, type WebhookEntry, type WebhookSpec } from './webhook-spec.js';
import { WebhookTarget, type DeliveryResponse, type RequestListener } from './webhook-target.js';

export type ForgeryCheckId = 'unsigned' | 'bad-signature' | 'tampered-body';
export type WebhookCheckId = 'baseline' | EvolutionId | ForgeryCheckId | 'redelivery';

export type WebhookFailureKind =
  /** A valid (baseline or evolved) event was not acknowledged with a 2xx. */
  | 'valid-delivery-rejected'
  /** A forged event was acknowledged with a 2xx. */
  | 'forgery-accepted'
  /** A forged event moved the `processed` probe, whatever the status. */
  | 'forgery-processed'
  /** The redelivery of an acknowledged event was not acknowledged with a 2xx. */
  | 'redelivery-rejected'
  /** The redelivery moved the `processed` probe again. */
  | 'redelivery-processed-again'
  /** No first delivery of any webhook moved the `processed` probe, so redeliveries cannot be judged. */
  | 'probe-never-moved';

export interface WebhookFailure {
  check: WebhookCheckId;
  kind: WebhookFailureKind;
  webhook: string;
  evolution?: EvolutionId;
  /** Where the evolution changed the event: a JSON path into the body, or `headers['x-name']`. */
  path?: string;
  /** What the evolution (or the forgery) changed. */
  change?: string;
  status?: number;
  responseBody?: string;
  /** Transport problem: no response, timeout. */
  error?: string;
  /** What the handler threw while handling the delivery. */
  handlerError?: string;
  /** The shrunk delivery that failed: the exact headers and body posted. */
  delivery?: { method: string; headers: Record<string, string>; body: unknown; raw: string };
  /** fast-check seed and counterexample path: pass `{ seed, replay: { check, webhook, path } }` to replay. */
  seed: number;
  replayPath?: string;
  message: string;
}

export interface WebhookCheckResult {
  check: WebhookCheckId;
  title: string;
  /** Webhooks the check delivered to. */
  webhooks: string[];
  /** Deliveries the handler received for this check (shrinking included). */
  deliveries: number;
  failures: WebhookFailure[];
  notes: string[];
}

export interface WebhookReport {
  ok: boolean;
  spec: string;
  signer: string;
  policy: string;
  seed: number;
  checks: WebhookCheckResult[];
  failures: WebhookFailure[];
  notes: string[];
}

export interface WebhookToleranceOptions {
  /** OpenAPI 3.x document (path, or parsed object) whose `webhooks` / `x-webhooks` are delivered. */
  spec: string | object;
  /** Built-in policy name, policy file, or loaded policy. Default `tolerant-reader`. */
  policy?: string | Policy;
  /** The integrator's node request listener (an express app is one). */
  handler: RequestListener;
  /** Signs deliveries as the provider does (`sunshineWebhookSigner`, `eightByEightWebhookSigner`, or your own). */
  sign: WebhookSigner;
  /**
   * How many times the handler has processed the event with this id, or simply how many events
   * it has processed in total (only differences are compared). Read after each response; if the
   * handler works after acknowledging, make the probe wait for that work. Without it the
   * redelivery check only checks acknowledgement, and forged events are judged by status alone.
   */
  processed?: (eventId: string) => number | Promise<number>;
  /** Path the handler serves webhooks on. Default `/`. */
  path?: string;
  /** Only these webhooks (keys under `webhooks`). */
  webhooks?: string[];
  /** Only these checks. */
  checks?: WebhookCheckId[];
  /** Generated events per webhook and check (forgeries and redeliveries use a third of it). Default 10. */
  numRuns?: number;
  /** Smaller events tried (each one a delivery) while shrinking a failure. Default 100. */
  shrinkBudget?: number;
  /** fast-check seed; random by default and printed with every failure. */
  seed?: number;
  /** Replays one failure: the `check`, `webhook` and `replayPath` a report gave, with its `seed`. */
  replay?: { check: WebhookCheckId; webhook: string; path: string };
  /** Field naming the event type. Default: `trigger`, `eventType`, `event_type`, `type` or `event`, found in the events. */
  triggerField?: string;
  /** Field holding the event id. Default: `eventId`, `event_id` or `id`, at the top level or in `events[]`. */
  eventIdField?: string;
  /** Per-delivery timeout. Default 10 s. */
  timeoutMs?: number;
  /** Folder a spec path and a policy file are relative to. Default `process.cwd()`. */
  cwd?: string;
}

export interface PlannedCheck {
  id: WebhookCheckId;
  title: string;
}

/** What a run will do, computed before any server starts (so a test runner can list one test per check). */
export interface WebhookTolerancePlan {
  spec: WebhookSpec;
  policy: Policy;
  seed: number;
  checks: PlannedCheck[];
  /** Checks that do not apply here (e.g. a body change when the credential does not cover the body), with the reason. */
  skipped: Array<PlannedCheck & { reason: string }>;
  notes: string[];
  /** Runs one check against a started target. */
  run(check: WebhookCheckId, target: WebhookTarget): Promise<WebhookCheckResult>;
}

interface PreparedWebhook {
  entry: WebhookEntry;
  arbitrary: fc.Arbitrary<unknown>;
  ctx: EvolutionContext;
  /** Whether generated bodies carry event ids (the redelivery and probe checks need them). */
  hasIds: boolean;
  /** Evolutions that found somewhere to act in the sampled bodies. */
  applicable: Set<EvolutionId>;
}

const SAMPLE_SIZE = 30;
const FORGERY_TITLES: Record<ForgeryCheckId, string> = {
  unsigned: 'rejects unsigned events',
  'bad-signature': 'rejects events signed with another key',
  'tampered-body': 'rejects events whose body changed after signing',
};

function exchangeOf(entry: WebhookEntry, body: unknown): Exchange {
  return { status: 200, headers: { 'content-type': entry.mediaType }, body };
}

function is2xx(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

function withoutHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !drop.has(k.toLowerCase())));
}

function pickHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const keep = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([k]) => keep.has(k.toLowerCase())));
}

function answer(response: DeliveryResponse): string {
  if (response.status === undefined) return `no response (${response.error ?? 'connection failed'})`;
  const threw = response.handlerError ? `; the handler threw ${response.handlerError}` : '';
  const body = response.body ? `: ${response.body.slice(0, 200)}` : '';
  return `${response.status}${body}${threw}`;
}

/** What a failing run found, before the failure is named and located. */
interface Finding {
  kind: WebhookFailureKind;
  what: string;
  sent?: Sent;
  evolution?: EvolutionId;
  path?: string;
  change?: string;
}

interface Sent {
  request: { method: string; headers: Record<string, string>; body: unknown; raw: string };
  response: DeliveryResponse;
}

/** Prepares the checks the spec, the policy and the options call for. */
export async function planWebhookTolerance(options: WebhookToleranceOptions): Promise<WebhookTolerancePlan> {
  if (!options.sign || typeof options.sign.sign !== 'function') throw new TypeError('sign must be a webhook signer, e.g. sunshineWebhookSigner(secret)');
  const cwd = options.cwd ?? process.cwd();
  const spec = await loadWebhookSpec(options.spec, cwd);
  const { policy, evolutions: allowed } = await loadPolicyEvolutions(options.policy ?? 'tolerant-reader', cwd);
  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
  const numRuns = Math.max(1, options.numRuns ?? 10);
  const smallRuns = Math.max(2, Math.ceil(numRuns / 3));
  const shrinkBudget = Math.max(0, options.shrinkBudget ?? 100);
  const notes = [...spec.notes];
  const signer = options.sign;
  const wanted = options.checks ? new Set<WebhookCheckId>(options.checks) : undefined;
  const want = (id: WebhookCheckId) => (!wanted || wanted.has(id)) && (!options.replay || options.replay.check === id);

  let entries = spec.webhooks;
  if (options.webhooks) {
    const names = new Set(options.webhooks);
    for (const name of names) if (!entries.some((e) => e.name === name)) throw new TypeError(`the spec has no webhook named ${JSON.stringify(name)}`);
    entries = entries.filter((e) => names.has(e.name));
  }
  if (options.replay) entries = entries.filter((e) => e.name === options.replay!.webhook);
  if (entries.length === 0) throw new TypeError(`${spec.display} declares no webhook with a JSON body (under webhooks or x-webhooks)`);

  const prepared: PreparedWebhook[] = entries.map((entry) => {
    const arbitrary = schemaArbitrary(entry.schema, spec.ctx);
    const samples = fc.sample(arbitrary, { numRuns: SAMPLE_SIZE, seed });
    const triggerField = options.triggerField ?? samples.map((s) => detectTriggerField(s)).find((f) => f !== undefined);
    const ctx: EvolutionContext = { ...spec.ctx, maxIdLength: policy.maxIdLength, ...(triggerField ? { triggerField } : {}) };
    const applicable = new Set<EvolutionId>();
    for (const { evolution } of allowed) {
      if (samples.some((s) => appliesToExchange(evolution, exchangeOf(entry, s), entry.schema, ctx))) applicable.add(evolution.id);
    }
    const hasIds = samples.some((s) => eventIds(s, options.eventIdField).length > 0);
    return { entry, arbitrary, ctx, hasIds, applicable };
  });

  const evolutionById = new Map<EvolutionId, Evolution>(allowed.map((a) => [a.evolution.id, a.evolution]));
  const checks: PlannedCheck[] = [];
  const skipped: Array<PlannedCheck & { reason: string }> = [];
  if (want('baseline')) checks.push({ id: 'baseline', title: 'acknowledges valid events with 2xx' });
  for (const { evolution } of allowed) {
    if (!want(evolution.id)) continue;
    if (prepared.some((p) => p.applicable.has(evolution.id))) checks.push({ id: evolution.id, title: `acknowledged with 2xx: ${evolution.summary}` });
    else if (!options.replay) skipped.push({ id: evolution.id, title: `acknowledged with 2xx`, reason: 'allowed by the policy, but has nowhere to act in these webhooks' });
  }
  for (const id of ['unsigned', 'bad-signature', 'tampered-body'] as const) {
    if (!want(id)) continue;
    if (id === 'tampered-body' && !signer.coversBody) {
      skipped.push({ id, title: FORGERY_TITLES[id], reason: `the ${signer.name} credential does not cover the body` });
      continue;
    }
    checks.push({ id, title: FORGERY_TITLES[id] });
  }
  if (want('redelivery')) {
    checks.push({
      id: 'redelivery',
      title: options.processed
        ? 'acknowledges a redelivered event and processes it once'
        : 'acknowledges a redelivered event (processing not observed: no `processed` probe)',
    });
  }

  const probe = async (ids: string[]): Promise<number> => {
    if (!options.processed) return 0;
    let total = 0;
    for (const id of ids) total += Number(await options.processed(id));
    return total;
  };

  let impostor: WebhookSigner | undefined;

  async function send(
    target: WebhookTarget,
    entry: WebhookEntry,
    body: unknown,
    extra: { headers?: Record<string, string>; attempt?: number; signer?: WebhookSigner; raw?: string } = {},
  ): Promise<Sent> {
    const raw = extra.raw ?? JSON.stringify(body);
    const eventId = eventIds(body, options.eventIdField)[0];
    const signed = await (extra.signer ?? signer).sign({ body: raw, ...(eventId !== undefined ? { eventId } : {}), attempt: extra.attempt ?? 0, sentAt: new Date() });
    const headers = { 'content-type': entry.mediaType, ...extra.headers, ...signed };
    const response = await target.deliver({ method: entry.method, headers, body: raw });
    return { request: { method: entry.method, headers, body, raw }, response };
  }

  function failure(
    check: WebhookCheckId,
    kind: WebhookFailureKind,
    entry: WebhookEntry,
    sent: Sent | undefined,
    what: string,
    details: { evolution?: EvolutionId; path?: string; change?: string; replayPath?: string },
  ): WebhookFailure {
    const replay = details.replayPath !== undefined ? `{ seed: ${seed}, replay: { check: '${check}', webhook: '${entry.name}', path: '${details.replayPath}' } }` : `{ seed: ${seed} }`;
    const lines = [`${check} on webhook ${entry.name}: ${what}`];
    if (details.change) lines.push(`  change: ${details.path ? `${details.path}: ` : ''}${details.change}`);
    lines.push(`  replay with options ${replay}`);
    if (sent) {
      lines.push(`  delivery: ${sent.request.method} ${JSON.stringify(sent.request.headers)}`);
      lines.push(`  body: ${sent.request.raw.length > 4000 ? `${sent.request.raw.slice(0, 4000)}...` : sent.request.raw}`);
    }
    const response = sent?.response;
    return {
      check,
      kind,
      webhook: entry.name,
      ...(details.evolution ? { evolution: details.evolution } : {}),
      ...(details.path ? { path: details.path } : {}),
      ...(details.change ? { change: details.change } : {}),
      ...(response?.status !== undefined ? { status: response.status } : {}),
      ...(response?.body ? { responseBody: response.body } : {}),
      ...(response?.error ? { error: response.error } : {}),
      ...(response?.handlerError ? { handlerError: response.handlerError } : {}),
      ...(sent ? { delivery: sent.request } : {}),
      seed,
      ...(details.replayPath !== undefined ? { replayPath: details.replayPath } : {}),
      message: lines.join('\n'),
    };
  }

  /**
   * Runs one property per webhook; the last failing run fast-check saw is the shrunk one, and
   * `onFail` keeps what it delivered.
   */
  async function property<T>(
    check: WebhookCheckId,
    p: PreparedWebhook,
    arbitrary: fc.Arbitrary<T>,
    runs: number,
    predicate: (value: T) => Promise<Finding | undefined>,
    result: WebhookCheckResult,
  ): Promise<void> {
    let last: Finding | undefined;
    const details = await fc.check(
      // The shrink budget bounds the candidates tried (each one a delivery), not just the failing ones.
      fc.asyncProperty(fc.limitShrink(arbitrary, shrinkBudget), async (value) => {
        const failed = await predicate(value);
        if (failed) last = failed;
        return failed === undefined;
      }),
      {
        numRuns: runs,
        seed,
        ...(options.replay ? { path: options.replay.path, endOnFailure: true } : {}),
      },
    );
    result.webhooks.push(p.entry.name);
    if (details.failed && last) {
      result.failures.push(
        failure(check, last.kind, p.entry, last.sent, last.what, {
          ...(last.evolution ? { evolution: last.evolution } : {}),
          ...(last.path ? { path: last.path } : {}),
          ...(last.change ? { change: last.change } : {}),
          ...(details.counterexamplePath ? { replayPath: details.counterexamplePath } : {}),
        }),
      );
    } else if (details.failed) {
      const error = (details.errorInstance as Error | undefined)?.message ?? 'unknown error';
      result.failures.push(failure(check, 'valid-delivery-rejected', p.entry, undefined, `the suite could not run: ${error}`, {}));
    }
  }

  async function run(check: WebhookCheckId, target: WebhookTarget): Promise<WebhookCheckResult> {
    const planned = checks.find((c) => c.id === check);
    if (!planned) throw new TypeError(`check ${check} is not part of this plan (${checks.map((c) => c.id).join(', ')})`);
    const result: WebhookCheckResult = { check, title: planned.title, webhooks: [], deliveries: 0, failures: [], notes: [] };
    const count = async (sent: Promise<Sent>): Promise<Sent> => {
      result.deliveries++;
      return sent;
    };

    if (check === 'baseline') {
      for (const p of prepared) {
        await property(check, p, p.arbitrary, numRuns, async (body) => {
          const sent = await count(send(target, p.entry, withFreshIds(body, options.eventIdField)));
          if (is2xx(sent.response.status)) return undefined;
          return { kind: 'valid-delivery-rejected', sent, what: `a valid event was answered ${answer(sent.response)}` };
        }, result);
      }
    } else if (evolutionById.has(check as EvolutionId)) {
      const evolution = evolutionById.get(check as EvolutionId)!;
      for (const p of prepared) {
        if (!p.applicable.has(evolution.id)) continue;
        const arbitrary = p.arbitrary
          .filter((body) => appliesToExchange(evolution, exchangeOf(p.entry, body), p.entry.schema, p.ctx))
          .chain((body) => evolveExchange(evolution, exchangeOf(p.entry, body), p.entry.schema, p.ctx));
        await property(check, p, arbitrary, numRuns, async (evolved) => {
          let keep: PathSegment[] | undefined;
          if (evolution.target === 'body') {
            try {
              keep = parsePath(evolved.path);
            } catch {
              keep = undefined;
            }
          }
          const body = withFreshIds(evolved.value.body, options.eventIdField, keep);
          const extraHeaders = withoutHeaders(evolved.value.headers, ['content-type']);
          const sent = await count(send(target, p.entry, body, { headers: extraHeaders }));
          if (is2xx(sent.response.status)) return undefined;
          return {
            kind: 'valid-delivery-rejected',
            evolution: evolution.id,
            path: evolved.path,
            change: evolved.description,
            sent,
            what: `an event the policy allows (${evolution.id}) was answered ${answer(sent.response)}`,
          };
        }, result);
      }
    } else if (check === 'unsigned' || check === 'bad-signature' || check === 'tampered-body') {
      if (check === 'bad-signature') impostor ??= await signer.impostor();
      for (const p of prepared) {
        const withIds = p.hasIds ? p.arbitrary.filter((b) => eventIds(b, options.eventIdField).length > 0) : p.arbitrary;
        const arbitrary = check === 'tampered-body' ? fc.tuple(withIds, withIds) : withIds.map((b) => [b, b] as const);
        await property(check, p, arbitrary, smallRuns, async ([signedBody, postedBody]) => {
          const original = withFreshIds(signedBody, options.eventIdField);
          let sent: Sent;
          let change: string;
          let ids: string[];
          if (check === 'unsigned') {
            const raw = JSON.stringify(original);
            const eventId = eventIds(original, options.eventIdField)[0];
            const signed = await signer.sign({ body: raw, ...(eventId !== undefined ? { eventId } : {}), attempt: 0, sentAt: new Date() });
            const headers = { 'content-type': p.entry.mediaType, ...withoutHeaders(signed, signer.authHeaders) };
            ids = eventIds(original, options.eventIdField);
            const before = await probe(ids);
            result.deliveries++;
            const response = await target.deliver({ method: p.entry.method, headers, body: raw });
            sent = { request: { method: p.entry.method, headers, body: original, raw }, response };
            change = `removed ${signer.authHeaders.join(', ')}`;
            return judgeForgery(before, ids, sent, change);
          }
          if (check === 'bad-signature') {
            ids = eventIds(original, options.eventIdField);
            const before = await probe(ids);
            sent = await count(send(target, p.entry, original, { signer: impostor! }));
            change = 'signed with a key the receiver does not trust';
            return judgeForgery(before, ids, sent, change);
          }
          // tampered-body: the signature of one event, the body of another.
          let posted = withFreshIds(postedBody, options.eventIdField);
          let raw = JSON.stringify(posted);
          const signedRaw = JSON.stringify(original);
          if (raw === signedRaw) {
            posted = { ...(posted as object), tampered: true };
            raw = JSON.stringify(posted);
          }
          const signedId = eventIds(original, options.eventIdField)[0];
          const postedId = eventIds(posted, options.eventIdField)[0];
          const signedHeaders = await signer.sign({ body: signedRaw, ...(signedId !== undefined ? { eventId: signedId } : {}), attempt: 0, sentAt: new Date() });
          const ownHeaders = await signer.sign({ body: raw, ...(postedId !== undefined ? { eventId: postedId } : {}), attempt: 0, sentAt: new Date() });
          const headers = { 'content-type': p.entry.mediaType, ...withoutHeaders(ownHeaders, signer.authHeaders), ...pickHeaders(signedHeaders, signer.authHeaders) };
          ids = eventIds(posted, options.eventIdField);
          const before = await probe(ids);
          result.deliveries++;
          const response = await target.deliver({ method: p.entry.method, headers, body: raw });
          sent = { request: { method: p.entry.method, headers, body: posted, raw }, response };
          return judgeForgery(before, ids, sent, 'the body was replaced after signing; the signature is that of another body');
        }, result);
      }

      async function judgeForgery(before: number, ids: string[], sent: Sent, change: string) {
        if (is2xx(sent.response.status)) {
          return { kind: 'forgery-accepted' as const, sent, change, what: `a forged event (${change}) was accepted with ${answer(sent.response)}` };
        }
        const after = await probe(ids);
        if (after !== before) {
          return { kind: 'forgery-processed' as const, sent, change, what: `a forged event (${change}) was answered ${answer(sent.response)} but processed (the probe moved from ${before} to ${after})` };
        }
        return undefined;
      }
    } else if (check === 'redelivery') {
      let moved = false;
      const candidates = prepared.filter((p) => p.hasIds);
      for (const p of prepared.filter((q) => !q.hasIds)) result.notes.push(`${p.entry.name}: its events carry no id; redelivery not checked`);
      for (const p of candidates) {
        const arbitrary = p.arbitrary.filter((b) => eventIds(b, options.eventIdField).length > 0);
        await property(check, p, arbitrary, smallRuns, async (generated) => {
          const body = withFreshIds(generated, options.eventIdField);
          const raw = JSON.stringify(body);
          const ids = eventIds(body, options.eventIdField);
          const before = await probe(ids);
          const first = await count(send(target, p.entry, body, { raw, attempt: 0 }));
          if (!is2xx(first.response.status)) {
            return { kind: 'valid-delivery-rejected' as const, sent: first, what: `the first delivery of a valid event was answered ${answer(first.response)}` };
          }
          const mid = await probe(ids);
          if (mid !== before) moved = true;
          const second = await count(send(target, p.entry, body, { raw, attempt: 1 }));
          const change = `the same body and event id ${ids[0]} delivered again as attempt 1`;
          if (!is2xx(second.response.status)) {
            return { kind: 'redelivery-rejected' as const, sent: second, change, what: `a redelivery was answered ${answer(second.response)}; a provider retries until it gets a 2xx` };
          }
          const after = await probe(ids);
          if (after !== mid) {
            return {
              kind: 'redelivery-processed-again' as const,
              sent: second,
              change,
              what: `the redelivered event was processed again (the probe went ${before} -> ${mid} on the first delivery, ${mid} -> ${after} on the redelivery)`,
            };
          }
          return undefined;
        }, result);
      }
      if (options.processed && candidates.length > 0 && !moved && result.failures.length === 0) {
        const entry = candidates[0]!.entry;
        result.failures.push(
          failure(check, 'probe-never-moved', entry, undefined, 'no first delivery moved the `processed` probe, so processing cannot be observed; check that it counts what the handler does', {}),
        );
      }
      if (!options.processed) result.notes.push('processing not observed: pass `processed` to check that a redelivery is processed once');
    }
    return result;
  }

  return { spec, policy, seed, checks, skipped, notes, run };
}

/** Runs the whole suite against `options.handler` on 127.0.0.1 and reports every failure. */
export async function runWebhookTolerance(options: WebhookToleranceOptions): Promise<WebhookReport> {
  const plan = await planWebhookTolerance(options);
  const target = await WebhookTarget.start(options.handler, { ...(options.path ? { path: options.path } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const checks: WebhookCheckResult[] = [];
  try {
    for (const check of plan.checks) checks.push(await plan.run(check.id, target));
  } finally {
    await target.close();
  }
  const failures = checks.flatMap((c) => c.failures);
  return {
    ok: failures.length === 0,
    spec: plan.spec.display,
    signer: options.sign.name,
    policy: plan.policy.name,
    seed: plan.seed,
    checks,
    failures,
    notes: [...plan.notes, ...plan.skipped.map((c) => `${c.id}: not checked, ${c.reason}`), ...checks.flatMap((c) => c.notes.map((n) => `${c.check}: ${n}`))],
  };
}

/** A readable summary of a report: one line per check, then every failure message. */
export function formatWebhookReport(report: WebhookReport): string {
  const lines = [`webhook tolerance of ${report.spec} (${report.signer}, policy ${report.policy}, seed ${report.seed}): ${report.ok ? 'passed' : `${report.failures.length} failure(s)`}`];
  for (const c of report.checks) lines.push(`  ${c.failures.length === 0 ? 'ok  ' : 'FAIL'} ${c.check}: ${c.title} (${c.deliveries} deliveries to ${c.webhooks.length} webhook(s))`);
  for (const n of report.notes) lines.push(`  note: ${n}`);
  for (const f of report.failures) lines.push('', f.message);
  return lines.join('\n');
}

export { WebhookTarget, type DeliveryResponse, type RequestListener } from './webhook-target.js';
