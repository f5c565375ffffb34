/**
 * Diff of two specs: match operations and webhooks, compare them, attribute schema deltas to the
 * operations that reach them, and let the oracle drop composition refactors.
 */
import type { Spec } from '../load/spec.js';
import { buildModel } from '../model/build.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import { place, type Delta } from './delta.js';
import { equivalent } from './oracle.js';
import { OperationDiffer, type OperationDiff } from './operations.js';
import { DeltaCollector, SchemaDiffer } from './schema-diff.js';
import { ViewBuilder } from './schema-view.js';
import { Unchanged } from './unchanged.js';
import { schemaUses } from './schema-uses.js';
import type { PairResult } from './schema-diff.js';
import type { Direction } from '../types.js';
import { matchOperations, pairingDeltas, type OperationMapping } from './match.js';

export interface DiffOptions {
  mapping?: OperationMapping;
}

export interface DiffResult {
  base: { spec: Spec; model: ApiModel; views: ViewBuilder };
  rev: { spec: Spec; model: ApiModel; views: ViewBuilder };
  deltas: Delta[];
  /** Operation pairs that were compared (for renderers and the changelog). */
  matched: Array<{ base: OperationModel; rev: OperationModel }>;
  /** The mapping file the diff used, for rules that pair renamed properties and enum values by it. */
  mapping?: OperationMapping;
}

const COMPOSITION_KINDS = new Set(['schema.composition.changed', 'schema.variant.added', 'schema.variant.removed']);

export async function diffSpecs(baseSpec: Spec, revSpec: Spec, opts: DiffOptions = {}): Promise<DiffResult> {
  const base = buildModel(baseSpec);
  const rev = buildModel(revSpec);
  const baseViews = new ViewBuilder(baseSpec);
  const revViews = new ViewBuilder(revSpec);
  const unchanged = new Unchanged(baseSpec, revSpec);
  const schemas = new SchemaDiffer(baseViews, revViews, unchanged, opts.mapping?.properties);
  const ops = new OperationDiffer(schemas);
  const deltas: Delta[] = [];
  const diffs: OperationDiff[] = [];
  const matched: DiffResult['matched'] = [];

  const compareSet = (a: Map<string, OperationModel>, b: Map<string, OperationModel>, isWebhook: boolean): void => {
    const m = matchOperations(a, b, opts.mapping, { webhooks: isWebhook });
    for (const [x, y] of m.pairs) {
      matched.push({ base: x, rev: y });
      deltas.push(...pairingDeltas(x, y));
      if (unchanged.operation(x.node, y.node)) continue;
      diffs.push(ops.compare(x, y));
      compareCallbacks(x, y);
    }
    for (const x of m.removed) {
      const d: Delta = { kind: isWebhook ? 'webhook.removed' : 'operation.removed', direction: isWebhook ? 'webhook' : 'none', args: removedArgs(x), base: place(x.node)!, baseOperation: x };
      deltas.push(d);
    }
    for (const y of m.added) deltas.push({ kind: isWebhook ? 'webhook.added' : 'operation.added', direction: isWebhook ? 'webhook' : 'none', args: { name: y.eventName ?? y.display }, rev: place(y.node)!, operation: y });
  };
  const compareCallbacks = (x: OperationModel, y: OperationModel): void => {
    const names = new Set([...x.callbacks.keys(), ...y.callbacks.keys()]);
    for (const name of names) {
      const a = new Map((x.callbacks.get(name) ?? []).map((o) => [`${o.method} ${o.rawPath}`, o]));
      const b = new Map((y.callbacks.get(name) ?? []).map((o) => [`${o.method} ${o.rawPath}`, o]));
      for (const [k, o] of a) {
        const p = b.get(k);
        if (p) diffs.push(ops.compare(o, p));
        else deltas.push({ kind: 'callback.removed', direction: 'webhook', args: { name, expression: o.rawPath }, base: place(o.node)!, baseOperation: x, operation: y });
      }
      for (const [k, o] of b) if (!a.has(k)) deltas.push({ kind: 'callback.added', direction: 'webhook', args: { name, expression: o.rawPath }, rev: place(o.node)!, operation: y, baseOperation: x });
    }
  };
  compareSet(base.operations, rev.operations, false);
  compareSet(base.webhooks, rev.webhooks, true);
  compareSecuritySchemes(base, rev, deltas);
  const mappedRoots = compareMappedSchemas(baseSpec, revSpec, rev, schemas, opts.mapping);

  // The oracle: composition changes that accept the same values are refactors, not changes.
  for (const pair of schemas.pairs) {
    if (!pair.compositionChanged) continue;
    if (await equivalent(baseViews, pair.base.node, revViews, pair.rev.node)) {
      pair.own = pair.own.filter((d) => !COMPOSITION_KINDS.has(d.kind));
    }
  }

  // Schema deltas are shared by every operation whose schemas reach them: each becomes one
  // delta listing those operations, so a component used by a hundred operations costs one change.
  const collector = new DeltaCollector(schemas.pairs);
  const shared = new Map<Delta, Delta & { operations: OperationModel[] }>();
  for (const od of diffs) {
    for (const d of od.own) deltas.push({ ...d, operation: od.rev, baseOperation: od.base });
    for (const root of od.roots) {
      for (const d of collector.collect(root)) {
        const known = shared.get(d);
        if (known) {
          // Operations are visited one after the other: one already listed is the last one.
          if (known.operations[known.operations.length - 1] !== od.rev) known.operations.push(od.rev);
          continue;
        }
        const copy = { ...d, operation: od.rev, baseOperation: od.base, operations: [od.rev] };
        shared.set(d, copy);
        deltas.push(copy);
      }
    }
  }
  // Component schemas the mapping file pairs: what no matched operation already reported.
  for (const root of mappedRoots) {
    for (const d of collector.collect(root)) {
      if (shared.has(d)) continue;
      shared.set(d, { ...d, operations: [] });
      deltas.push(d);
    }
  }
  return { base: { spec: baseSpec, model: base, views: baseViews }, rev: { spec: revSpec, model: rev, views: revViews }, deltas, matched, ...(opts.mapping ? { mapping: opts.mapping } : {}) };
}

/**
 * The `schemas:` pairs of the mapping file, compared in each direction the revision uses the new
 * schema in (a schema the revision does not use is not compared).
 */
function compareMappedSchemas(baseSpec: Spec, revSpec: Spec, rev: ApiModel, schemas: SchemaDiffer, mapping: OperationMapping | undefined): PairResult[] {
  if (!mapping?.schemas?.size) return [];
  const uses = schemaUses(revSpec, rev);
  const holder = (spec: Spec): string => (spec.version === '2.0' ? '/definitions' : '/components/schemas');
  const node = (spec: Spec, name: string): { value: unknown; doc: Spec['root']; pointer: string } | undefined => {
    const pointer = `${holder(spec)}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const root = spec.root.value as Record<string, unknown>;
    const parent = (spec.version === '2.0' ? root['definitions'] : (root['components'] as Record<string, unknown> | undefined)?.['schemas']) as Record<string, unknown> | undefined;
    const value = parent && Object.hasOwn(parent, name) ? parent[name] : undefined;
    return value === undefined ? undefined : { value, doc: spec.root, pointer };
  };
  const out: PairResult[] = [];
  const order: Direction[] = ['request', 'response', 'webhook'];
  for (const [from, to] of mapping.schemas) {
    const a = node(baseSpec, from);
    const b = node(revSpec, to);
    if (!a || !b) continue;
    for (const dir of order) if (uses.get(to)?.has(dir)) out.push(schemas.compare(a, b, dir));
  }
  return out;
}

function removedArgs(op: OperationModel): Delta['args'] {
  const today = new Date().toISOString().slice(0, 10);
  return {
    name: op.eventName ?? op.display,
    deprecated: op.deprecated,
    sunset: op.sunset ?? '',
    afterSunset: !!op.deprecated && !!op.sunset && op.sunset <= today,
  };
}

function compareSecuritySchemes(base: ApiModel, rev: ApiModel, deltas: Delta[]): void {
  for (const [name, a] of base.securitySchemes) {
    const b = rev.securitySchemes.get(name);
    if (!b) {
      deltas.push({ kind: 'security.scheme.removed', direction: 'request', args: { scheme: name }, base: place(a.node)!, rev: place(rev.root)! });
      continue;
    }
    const at = { base: place(a.node)!, rev: place(b.node)! };
    if (a.type !== b.type || (a.scheme ?? '') !== (b.scheme ?? '')) {
      deltas.push({ kind: 'security.scheme.type-changed', direction: 'request', args: { scheme: name, from: [a.type, a.scheme].filter(Boolean).join(' '), to: [b.type, b.scheme].filter(Boolean).join(' ') }, ...at });
    }
    if ((a.in ?? '') !== (b.in ?? '') || (a.paramName ?? '') !== (b.paramName ?? '')) {
      deltas.push({ kind: 'security.scheme.parameter-changed', direction: 'request', args: { scheme: name, from: `${a.in ?? ''} ${a.paramName ?? ''}`.trim(), to: `${b.in ?? ''} ${b.paramName ?? ''}`.trim() }, ...at });
    }
    for (const [flow, fa] of a.flows) {
      const fb = b.flows.get(flow);
      if (!fb) {
        deltas.push({ kind: 'security.flow.removed', direction: 'request', args: { scheme: name, flow }, ...at });
        continue;
      }
      for (const k of ['authorizationUrl', 'tokenUrl', 'refreshUrl']) {
        if ((fa.urls[k] ?? '') !== (fb.urls[k] ?? '')) deltas.push({ kind: 'security.flow.url-changed', direction: 'request', args: { scheme: name, flow, keyword: k, from: fa.urls[k] ?? '', to: fb.urls[k] ?? '' }, ...at });
      }
      for (const s of fa.scopes) if (!fb.scopes.has(s)) deltas.push({ kind: 'security.scheme.scope-removed', direction: 'request', args: { scheme: name, flow, scope: s }, ...at });
    }
    for (const flow of b.flows.keys()) if (!a.flows.has(flow)) deltas.push({ kind: 'security.flow.added', direction: 'request', args: { scheme: name, flow }, ...at });
  }
  for (const [name, b] of rev.securitySchemes) {
    if (!base.securitySchemes.has(name)) deltas.push({ kind: 'security.scheme.added', direction: 'request', args: { scheme: name }, rev: place(b.node)! });
  }
}
