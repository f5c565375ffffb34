/**
 * Operation-level comparison: parameters, request bodies, responses, security and callbacks.
 * Schemas are handed to the SchemaDiffer; this layer records which schema pairs each operation
 * reaches so their deltas can be attributed to it.
 */
import type { NodeRef } from '../load/spec.js';
import type { MediaModel, OperationModel, ParameterModel, SecurityRequirement } from '../model/types.js';
import type { Direction } from '../types.js';
import { place, type Delta, type DeltaArgs } from './delta.js';
import type { PairResult, SchemaDiffer } from './schema-diff.js';
import { STABILITY_LEVELS, validSunset } from './keyword-diff.js';
import { describeWire, parameterShape, wireForm, type ParameterShape, type WireInput } from './parameter-wire.js';
import type { SchemaView } from './schema-view.js';
import { isObject, own } from '../util/guards.js';

export interface OperationDiff {
  base: OperationModel;
  rev: OperationModel;
  own: Delta[];
  roots: PairResult[];
}

const isSuccess = (status: string): boolean => /^[23]/.test(status);
const mediaKey = (mt: string): string => mt.split(';')[0]!.trim().toLowerCase();

/** `json` for a JSON media type, `form` for a form body, undefined for anything else. */
function bodyFamily(mt: string): 'json' | 'form' | undefined {
  const k = mediaKey(mt);
  if (k === 'application/json' || k.endsWith('+json')) return 'json';
  if (k === 'application/x-www-form-urlencoded' || k === 'multipart/form-data') return 'form';
  return undefined;
}

function securityKey(req: SecurityRequirement): string {
  return [...req.keys()].sort().join('+');
}

export class OperationDiffer {
  constructor(private readonly schemas: SchemaDiffer) {}

  compare(base: OperationModel, rev: OperationModel): OperationDiff {
    const out: OperationDiff = { base, rev, own: [], roots: [] };
    const add = (kind: string, direction: Direction | 'none', args: DeltaArgs, b?: NodeRef, r?: NodeRef, data?: Delta['data']): void => {
      const d: Delta = { kind, direction, args };
      const bp = place(b);
      const rp = place(r);
      if (bp) d.base = bp;
      if (rp) d.rev = rp;
      if (data) d.data = data;
      out.own.push(d);
    };
    const inbound: Direction = base.kind === 'operation' ? 'request' : 'webhook';
    const outbound: Direction = base.kind === 'operation' ? 'response' : 'request';

    if (!base.deprecated && rev.deprecated) add('operation.deprecated', 'none', { sunset: rev.sunset ?? '' }, base.node, rev.node);
    if (base.deprecated && !rev.deprecated) add('operation.undeprecated', 'none', {}, base.node, rev.node);
    if (base.sunset && rev.sunset && rev.sunset < base.sunset) add('operation.sunset-brought-forward', 'none', { from: base.sunset, to: rev.sunset }, base.node, rev.node);
    if (base.sunset && !rev.sunset && rev.deprecated) add('operation.sunset-removed', 'none', { sunset: base.sunset }, base.node, rev.node);
    if (rev.sunset && rev.sunset !== base.sunset && !validSunset(rev.sunset)) add('operation.sunset-invalid', 'none', { sunset: rev.sunset }, base.node, rev.node);
    stabilityDeltas(base.node, rev.node, add);
    if (base.operationId && rev.operationId && base.operationId !== rev.operationId) {
      add('operation.id-changed', 'none', { from: base.operationId, to: rev.operationId }, { ...base.node, pointer: `${base.node.pointer}/operationId` }, { ...rev.node, pointer: `${rev.node.pointer}/operationId` });
    }

    this.parameters(base, rev, add, out);
    this.requestBody(base, rev, inbound, add, out);
    this.responses(base, rev, outbound, add, out);
    this.security(base, rev, add);
    return out;
  }

  private parameters(base: OperationModel, rev: OperationModel, add: AddFn, out: OperationDiff): void {
    const revParameters = alignPathParameters(base.parameters, rev.parameters);
    const keys = new Set([...base.parameters.keys(), ...revParameters.keys()]);
    for (const key of keys) {
      const a = base.parameters.get(key);
      const b = revParameters.get(key);
      // The headers of a webhook or callback are sent by the provider, like response headers.
      const sent = base.kind !== 'operation' && (a ?? b)!.in === 'header';
      if (a && b) this.parameterPair(a, b, add, out);
      else if (a) add(sent ? 'webhook.header.removed' : 'parameter.removed', sent ? 'webhook' : 'request', { name: a.name, in: a.in, required: a.required }, a.node, rev.node);
      else if (b) add(sent ? 'webhook.header.added' : 'parameter.added', sent ? 'webhook' : 'request', { name: b.name, in: b.in, required: b.required }, base.node, b.node);
    }
  }

  private parameterPair(a: ParameterModel, b: ParameterModel, add: AddFn, out: OperationDiff): void {
    const args = { name: b.name, in: b.in };
    if (a.in === 'path' && a.name !== b.name) add('parameter.renamed', 'request', { ...args, from: a.name, to: b.name }, a.node, b.node);
    if (a.required !== b.required) add(b.required ? 'parameter.became-required' : 'parameter.became-optional', 'request', args, a.node, b.node);
    this.serialisation(a, b, args, add);
    if (a.level !== b.level) add('parameter.moved-level', 'request', { ...args, from: a.level, to: b.level }, a.node, b.node);
    if (!a.deprecated && b.deprecated) add('parameter.deprecated', 'request', args, a.node, b.node);
    if (isObject(a.node.value) && isObject(b.node.value)) {
      const from = own(a.node.value, 'x-sunset');
      const to = own(b.node.value, 'x-sunset');
      if (from !== to) {
        if (to === undefined && b.deprecated) add('parameter.sunset-removed', 'request', { ...args, sunset: String(from) }, a.node, b.node);
        else if (to !== undefined && !validSunset(to)) add('parameter.sunset-invalid', 'request', { ...args, sunset: String(to) }, a.node, b.node);
        else if (validSunset(from) && validSunset(to) && String(to) < String(from)) add('parameter.sunset-brought-forward', 'request', { ...args, from: String(from), to: String(to) }, a.node, b.node);
      }
    }
    if (a.schema && b.schema) out.roots.push(this.schemas.compareRoot(a.schema, b.schema, 'request'));
  }

  /** A change of `style`, `explode` or `schema`/`content` is reported only when the wire form changes for the parameter's type. */
  private serialisation(a: ParameterModel, b: ParameterModel, args: { name: string; in: string }, add: AddFn): void {
    const x = wireInput(a, a.schema && this.schemas.baseViews.view(a.schema));
    const y = wireInput(b, b.schema && this.schemas.revViews.view(b.schema));
    if (x.input.style === y.input.style && x.input.explode === y.input.explode && x.input.content === y.input.content) return;
    const shape = y.shape !== 'unknown' ? y.shape : x.shape;
    if (wireForm(x.input, shape) === wireForm(y.input, shape)) return;
    const keyword = x.input.content !== undefined || y.input.content !== undefined ? 'serialisation' : x.input.style !== y.input.style ? 'style' : 'explode';
    const from = keyword === 'explode' ? String(x.input.explode) : describeWire(x.input);
    const to = keyword === 'explode' ? String(y.input.explode) : describeWire(y.input);
    add('parameter.style-changed', 'request', { ...args, keyword, from, to }, a.node, b.node);
  }

  private media(a: Map<string, MediaModel>, b: Map<string, MediaModel>): { both: [MediaModel, MediaModel][]; removed: MediaModel[]; added: MediaModel[] } {
    const am = new Map([...a.values()].map((m) => [mediaKey(m.mediaType), m]));
    const bm = new Map([...b.values()].map((m) => [mediaKey(m.mediaType), m]));
    const both: [MediaModel, MediaModel][] = [];
    const removed: MediaModel[] = [];
    const added: MediaModel[] = [];
    for (const [k, m] of am) {
      const n = bm.get(k);
      if (n) both.push([m, n]);
      else removed.push(m);
    }
    for (const [k, n] of bm) if (!am.has(k)) added.push(n);
    // A single JSON-like media type renamed (application/json -> application/vnd.x+json) keeps its schema comparison.
    if (removed.length === 1 && added.length === 1 && /json/.test(removed[0]!.mediaType) && /json/.test(added[0]!.mediaType)) {
      both.push([removed[0]!, added[0]!]);
    }
    return { both, removed, added };
  }

  private requestBody(base: OperationModel, rev: OperationModel, dir: Direction, add: AddFn, out: OperationDiff): void {
    const a = base.requestBody;
    const b = rev.requestBody;
    if (!a && !b) return;
    if (!a) {
      add('body.added', dir, { required: b!.required }, base.node, b!.node);
      return;
    }
    if (!b) {
      add('body.removed', dir, { required: a.required }, a.node, rev.node);
      return;
    }
    if (a.required !== b.required) add(b.required ? 'body.became-required' : 'body.became-optional', dir, {}, a.node, b.node);
    const { both, removed, added } = this.media(a.content, b.content);
    for (const m of removed) add('body.media-type.removed', dir, { mediaType: m.mediaType }, m.node, b.node);
    for (const m of added) add('body.media-type.added', dir, { mediaType: m.mediaType }, a.node, m.node);
    for (const [x, y] of both) {
      if (x.schema && y.schema) out.roots.push(this.schemas.compareRoot(x.schema, y.schema, dir));
      else if (!x.schema && y.schema) add('body.media-type.schema-added', dir, { mediaType: y.mediaType }, x.node, y.schema);
    }
    // A body that switched between JSON and a form (`application/json` -> `application/x-www-form-urlencoded`)
    // still carries the same fields: with one media type of each on either side, their schemas are compared.
    if (!both.length && removed.length === 1 && added.length === 1) {
      const [x, y] = [removed[0]!, added[0]!];
      const kinds = [x, y].map((m) => bodyFamily(m.mediaType));
      if (x.schema && y.schema && kinds[0] && kinds[1] && kinds[0] !== kinds[1]) out.roots.push(this.schemas.compare(x.schema, y.schema, dir));
    }
  }

  private responses(base: OperationModel, rev: OperationModel, dir: Direction, add: AddFn, out: OperationDiff): void {
    const statuses = new Set([...base.responses.keys(), ...rev.responses.keys()]);
    for (const status of statuses) {
      const a = base.responses.get(status);
      const b = rev.responses.get(status);
      const success = isSuccess(status);
      if (!a) {
        add('response.status.added', dir, { status, success }, base.node, b!.node);
        continue;
      }
      if (!b) {
        add('response.status.removed', dir, { status, success }, a.node, rev.node);
        continue;
      }
      const { both, removed, added } = this.media(a.content, b.content);
      for (const m of removed) add('response.media-type.removed', dir, { status, success, mediaType: m.mediaType }, m.node, b.node);
      for (const m of added) add('response.media-type.added', dir, { status, success, mediaType: m.mediaType }, a.node, m.node);
      for (const [x, y] of both) if (x.schema && y.schema) out.roots.push(this.schemas.compareRoot(x.schema, y.schema, dir));
      const names = new Set([...a.headers.keys(), ...b.headers.keys()]);
      for (const h of names) {
        const x = a.headers.get(h);
        const y = b.headers.get(h);
        if (x && y) {
          if (x.required !== y.required) add(y.required ? 'response.header.became-required' : 'response.header.became-optional', dir, { status, header: y.name }, x.node, y.node);
          if (x.schema && y.schema) out.roots.push(this.schemas.compareRoot(x.schema, y.schema, dir));
        } else if (x) add('response.header.removed', dir, { status, header: x.name, required: x.required }, x.node, b.node);
        else if (y) add('response.header.added', dir, { status, header: y.name, required: y.required }, a.node, y.node);
      }
    }
  }

  private security(base: OperationModel, rev: OperationModel, add: AddFn): void {
    const a = base.security ?? [];
    const b = rev.security ?? [];
    const optional = (list: SecurityRequirement[]): boolean => list.length === 0 || list.some((r) => r.size === 0);
    const bn = base.securityNode ?? base.node;
    const rn = rev.securityNode ?? rev.node;
    if (optional(a) && !optional(b)) {
      add('security.required', 'request', { schemes: b.map(securityKey).join(' or ') }, bn, rn);
      return;
    }
    if (!optional(a) && optional(b)) {
      add('security.removed', 'request', { schemes: a.map(securityKey).join(' or ') }, bn, rn);
      return;
    }
    const am = new Map(a.filter((r) => r.size).map((r) => [securityKey(r), r]));
    const bm = new Map(b.filter((r) => r.size).map((r) => [securityKey(r), r]));
    for (const [k, r] of am) {
      const s = bm.get(k);
      if (!s) {
        add('security.alternative-removed', 'request', { schemes: k }, bn, rn);
        continue;
      }
      for (const [scheme, scopes] of s) {
        const before = new Set(r.get(scheme) ?? []);
        for (const sc of scopes) if (!before.has(sc)) add('security.scope-added', 'request', { scheme, scope: sc }, bn, rn);
        const after = new Set(scopes);
        for (const sc of before) if (!after.has(sc)) add('security.scope-removed', 'request', { scheme, scope: sc }, bn, rn);
      }
    }
    for (const k of bm.keys()) if (!am.has(k)) add('security.alternative-added', 'request', { schemes: k }, bn, rn);
  }
}

/**
 * Path parameters are keyed by position, which pairs them well while the path keeps its shape. When
 * an operation moved to a path with another number of parameters (a prefix such as `/{region}` added,
 * `/conversations/end` -> `/conversations/{conversationId}/end`), the revision's parameters are
 * re-keyed: same names pair first, then the rest from the end of the path, where the identifiers of
 * the resource itself sit.
 */
function alignPathParameters(a: Map<string, ParameterModel>, b: Map<string, ParameterModel>): Map<string, ParameterModel> {
  const pathOf = (m: Map<string, ParameterModel>): Array<[string, ParameterModel]> => [...m].filter(([k]) => k.startsWith('path:#')).sort(([x], [y]) => Number(x.slice(6)) - Number(y.slice(6)));
  const ap = pathOf(a);
  const bp = pathOf(b);
  if (ap.length === bp.length) return b;
  const keyOf = new Map<ParameterModel, string>();
  const usedA = new Set<string>();
  for (const [, p] of bp) {
    const same = ap.find(([k, q]) => !usedA.has(k) && q.name === p.name);
    if (same) {
      keyOf.set(p, same[0]);
      usedA.add(same[0]);
    }
  }
  const restA = ap.filter(([k]) => !usedA.has(k));
  const restB = bp.filter(([, p]) => !keyOf.has(p));
  for (let i = 1; i <= Math.min(restA.length, restB.length); i++) keyOf.set(restB[restB.length - i]![1], restA[restA.length - i]![0]);
  const out = new Map<string, ParameterModel>();
  for (const [k, p] of b) out.set(k.startsWith('path:#') ? (keyOf.get(p) ?? `path:${p.name}`) : k, p);
  return out;
}

/** `x-stability-level` of an operation: a decrease (stable -> beta) or a value that is no level at all. */
function stabilityDeltas(a: NodeRef, b: NodeRef, add: AddFn): void {
  if (!isObject(a.value) || !isObject(b.value)) return;
  const from = own(a.value, 'x-stability-level');
  const to = own(b.value, 'x-stability-level');
  if (from === to || to === undefined) return;
  const levels: readonly unknown[] = STABILITY_LEVELS;
  const at = { ...b, pointer: `${b.pointer}/x-stability-level` };
  if (!levels.includes(to)) add('operation.stability-invalid', 'none', { level: String(to) }, a, at);
  else if (levels.includes(from) && levels.indexOf(to) < levels.indexOf(from)) add('operation.stability-decreased', 'none', { from: String(from), to: String(to) }, a, at);
}

/** The wire inputs of a parameter: its style, explode and, when `content` describes it, the media type. */
function wireInput(p: ParameterModel, view: SchemaView | undefined): { input: WireInput; shape: ParameterShape } {
  const content = isObject(p.node.value) ? own(p.node.value, 'content') : undefined;
  const media = isObject(content) ? Object.keys(content)[0] : undefined;
  const input: WireInput = { in: p.in, style: p.style, explode: p.explode, ...(media !== undefined ? { content: media } : {}), ...(view?.types ? { scalarTypes: view.types } : {}) };
  return { input, shape: parameterShape(view) };
}

type AddFn = (kind: string, direction: Direction | 'none', args: DeltaArgs, b?: NodeRef, r?: NodeRef, data?: Delta['data']) => void;
