/**
 * Operation and webhook matching. Keys already erase parameter names and carry the server/basePath
 * prefix, so renamed path parameters and a prefix moved between servers and paths still match.
 * What the keys leave unmatched is paired, in this order, by:
 *   1. the mapping file (old "METHOD path" or webhook name -> new), several old webhooks may map
 *      to one new webhook (triggers merged in a new major version);
 *   2. the same operationId on both sides (operations and webhooks);
 *   3. operations only: the path shape: the same path once version segments (`/v1.1`, `/v2`) are dropped, with the
 *      same method, or PUT on one side and PATCH on the other;
 *   4. operations only: likeness: the same method and number of path parameters, alike path words and alike
 *      response property names, when both operations are each other's best candidate.
 */
import { templateKey } from '../model/build.js';
import type { NodeRef } from '../load/spec.js';
import type { OperationModel } from '../model/types.js';
import { place, type Delta } from './delta.js';

export interface OperationMapping {
  operations: Map<string, string>;
  webhooks: Map<string, string>;
  /**
   * Renamed properties the names alone do not reveal: `Schema.property` (the base version's
   * component schema) -> the property's new name in the same object.
   */
  properties?: Map<string, string>;
  /** Renamed enum values, per component schema of the base version: schema -> old value -> new value. */
  enums?: Map<string, Map<string, string>>;
  /** Component schemas to compare though no matched operation reaches both: base name -> revision name. */
  schemas?: Map<string, string>;
  /** Renamed parameters, per base operation key: old parameter name -> new name. */
  parameters?: Map<string, Map<string, string>>;
}

export type MatchedBy = 'key' | 'mapping' | 'operationId' | 'path-shape' | 'similarity';

export interface MatchResult {
  pairs: Array<[OperationModel, OperationModel]>;
  removed: OperationModel[];
  added: OperationModel[];
  /** How each pair was found (indexed like `pairs`). */
  how: MatchedBy[];
}

export interface MatchOptions {
  /** Match webhooks (by name) instead of operations. */
  webhooks?: boolean;
  /** Pair by operationId, path shape and likeness when keys and mapping leave operations over (default true). */
  infer?: boolean;
}

/** Normalises "GET /a/{id}" to the key form "GET /a/{}". */
export function operationKey(text: string): string {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(text);
  return m ? `${m[1]!.toUpperCase()} ${templateKey(m[2]!)}` : text.trim();
}

const VERSION_SEGMENT = /^v\d+(\.\d+)*$/i;

/** A path template without its version segments and parameter names: `/v2/apps/{appId}` -> `/apps/{}`. */
export function pathShape(path: string): string {
  const parts = templateKey(path)
    .split('/')
    .filter((s) => s && !VERSION_SEGMENT.test(s));
  return `/${parts.join('/')}`;
}

const sameMethodFamily = (a: string, b: string): boolean => a === b || (a === 'PUT' && b === 'PATCH') || (a === 'PATCH' && b === 'PUT');

export function matchOperations(base: Map<string, OperationModel>, rev: Map<string, OperationModel>, mapping?: OperationMapping, opts: MatchOptions = {}): MatchResult {
  const pairs: Array<[OperationModel, OperationModel]> = [];
  const how: MatchedBy[] = [];
  const pairedBase = new Set<OperationModel>();
  const usedRev = new Set<OperationModel>();
  const pair = (x: OperationModel, y: OperationModel, by: MatchedBy): void => {
    pairs.push([x, y]);
    how.push(by);
    pairedBase.add(x);
    usedRev.add(y);
  };

  // 1. Keys.
  for (const [key, op] of base) {
    const target = rev.get(key);
    if (target && !usedRev.has(target)) pair(op, target, 'key');
  }

  // 2. Mapping file.
  if (mapping) {
    if (opts.webhooks) {
      const byName = new Map<string, OperationModel>();
      for (const op of rev.values()) if (op.eventName !== undefined && op.method === 'POST') byName.set(op.eventName, op);
      for (const op of base.values()) {
        if (pairedBase.has(op) || op.eventName === undefined) continue;
        const to = mapping.webhooks.get(op.eventName);
        const target = to !== undefined ? (byName.get(to) ?? rev.get(`webhook ${to} ${op.method}`)) : undefined;
        // Explicitly mapped webhooks may share a target: triggers merged into one.
        if (target && target.method === op.method) pair(op, target, 'mapping');
      }
    } else {
      const revByRaw = new Map<string, OperationModel>();
      for (const op of rev.values()) {
        revByRaw.set(`${op.method} ${templateKey(op.rawPath)}`, op);
        revByRaw.set(op.key, op);
      }
      for (const op of base.values()) {
        if (pairedBase.has(op)) continue;
        const mapped = mapping.operations.get(op.key) ?? mapping.operations.get(`${op.method} ${templateKey(op.rawPath)}`);
        const target = mapped !== undefined ? (rev.get(mapped) ?? revByRaw.get(mapped)) : undefined;
        if (target && !usedRev.has(target)) pair(op, target, 'mapping');
      }
    }
  }

  if (opts.infer !== false) {
    const mapped = new Set(opts.webhooks ? [...(mapping?.webhooks.keys() ?? [])].map((n) => `webhook ${n} POST`) : (mapping?.operations.keys() ?? []));
    const open = (): { b: OperationModel[]; r: OperationModel[] } => ({
      // An operation the mapping names but could not pair stays unpaired: the mapping said where it goes.
      b: [...base.values()].filter((op) => !pairedBase.has(op) && !mapped.has(op.key) && !mapped.has(`${op.method} ${templateKey(op.rawPath)}`)),
      r: [...rev.values()].filter((op) => !usedRev.has(op)),
    });

    // 3. operationId, when unique on both sides.
    let { b, r } = open();
    const ids = (list: OperationModel[]): Map<string, OperationModel | null> => {
      const m = new Map<string, OperationModel | null>();
      for (const op of list) if (op.operationId) m.set(op.operationId, m.has(op.operationId) ? null : op);
      return m;
    };
    const revIds = ids(r);
    for (const [id, op] of ids(b)) {
      const target = revIds.get(id);
      if (op && target) pair(op, target, 'operationId');
    }

    // 4. Path shape (operations only).
    ({ b, r } = open());
    if (opts.webhooks) b = [];
    const shapeIndex = new Map<string, OperationModel[]>();
    for (const op of r) {
      const k = pathShape(op.path);
      shapeIndex.set(k, [...(shapeIndex.get(k) ?? []), op]);
    }
    for (const op of b) {
      const candidates = (shapeIndex.get(pathShape(op.path)) ?? []).filter((y) => !usedRev.has(y));
      const target = candidates.find((y) => y.method === op.method) ?? candidates.find((y) => sameMethodFamily(op.method, y.method) && !candidates.some((z) => z.method === op.method));
      if (target) pair(op, target, 'path-shape');
    }

    // 5. Likeness, mutual best only.
    ({ b, r } = open());
    if (b.length && r.length && !opts.webhooks) {
      const score = (x: OperationModel, y: OperationModel): number => {
        if (x.method !== y.method) return 0;
        const px = pathShape(x.path).split('/').filter((s) => s === '{}').length;
        const py = pathShape(y.path).split('/').filter((s) => s === '{}').length;
        if (px !== py) return 0;
        return 0.5 * jaccard(pathWords(x.path), pathWords(y.path)) + 0.5 * jaccard(responseWords(x), responseWords(y));
      };
      const best = (op: OperationModel, list: OperationModel[], s: (a: OperationModel, b: OperationModel) => number): OperationModel | undefined => {
        let top: OperationModel | undefined;
        let topScore = 0;
        for (const o of list) {
          const v = s(op, o);
          if (v > topScore) [top, topScore] = [o, v];
        }
        return topScore >= 0.5 ? top : undefined;
      };
      for (const x of b) {
        const y = best(x, r, score);
        if (y && !usedRev.has(y) && best(y, b, (p, q) => score(q, p)) === x) pair(x, y, 'similarity');
      }
    }
  }

  const removed = [...base.values()].filter((op) => !pairedBase.has(op));
  const added = [...rev.values()].filter((op) => !usedRev.has(op));
  return { pairs, removed, added, how };
}

/** Singular, lower-case words of a path (`appusers` -> `appuser`, `users` -> `user`). */
function pathWords(path: string): Set<string> {
  const out = new Set<string>();
  for (const seg of pathShape(path).split('/')) {
    if (!seg || seg === '{}') continue;
    for (const w of seg.split(/[^a-zA-Z0-9]+|(?<=[a-z])(?=[A-Z])/)) if (w) out.add(w.toLowerCase().replace(/s$/, ''));
  }
  return out;
}

/** Top-level property names of the success response schemas (JSON media types), lower-cased. */
function responseWords(op: OperationModel): Set<string> {
  const out = new Set<string>();
  for (const [status, r] of op.responses) {
    if (!/^2/.test(status)) continue;
    for (const m of r.content.values()) collectNames(m.schema, out);
  }
  return out;
}

function collectNames(node: NodeRef | undefined, out: Set<string>): void {
  const v = node?.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return;
  const props = (v as Record<string, unknown>)['properties'];
  if (props && typeof props === 'object') for (const k of Object.keys(props)) out.add(k.toLowerCase());
  const ref = (v as Record<string, unknown>)['$ref'];
  if (typeof ref === 'string') out.add(`$ref:${ref.split('/').pop()!.toLowerCase()}`);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/**
 * Deltas that describe the pairing itself: a mapped or inferred pair whose method, path or
 * webhook name differs (PUT -> PATCH, `/appusers` -> `/users`, `message:appUser` ->
 * `conversation:message`).
 */
export function pairingDeltas(x: OperationModel, y: OperationModel): Delta[] {
  const at = { base: place(x.node)!, rev: place(y.node)!, baseOperation: x, operation: y };
  if (x.kind === 'webhook' || y.kind === 'webhook') {
    if (x.eventName !== undefined && y.eventName !== undefined && x.eventName !== y.eventName) {
      return [{ kind: 'webhook.renamed', direction: 'webhook', args: { from: x.eventName, to: y.eventName }, ...at }];
    }
    return [];
  }
  const out: Delta[] = [];
  if (x.method !== y.method) out.push({ kind: 'operation.method-changed', direction: 'none', args: { from: x.method, to: y.method, path: y.path, basePath: x.path }, ...at });
  if (pathShape(x.path) !== pathShape(y.path)) out.push({ kind: 'operation.path-changed', direction: 'none', args: { from: `${x.method} ${x.path}`, to: `${y.method} ${y.path}` }, ...at });
  return out;
}
