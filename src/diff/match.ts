/**
 * Operation matching. Keys already erase parameter names and carry the server/basePath prefix,
 * so renamed path parameters and a prefix moved between servers and paths still match. A mapping
 * (old key or "METHOD path" -> new) pairs operations across major versions.
 */
import { templateKey } from '../model/build.js';
import type { OperationModel } from '../model/types.js';

export interface OperationMapping {
  operations: Map<string, string>;
  webhooks: Map<string, string>;
}

export interface MatchResult {
  pairs: Array<[OperationModel, OperationModel]>;
  removed: OperationModel[];
  added: OperationModel[];
}

/** Normalises "GET /a/{id}" to the key form "GET /a/{}". */
export function operationKey(text: string): string {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(text);
  return m ? `${m[1]!.toUpperCase()} ${templateKey(m[2]!)}` : text.trim();
}

export function matchOperations(base: Map<string, OperationModel>, rev: Map<string, OperationModel>, mapping?: OperationMapping): MatchResult {
  const pairs: Array<[OperationModel, OperationModel]> = [];
  const usedRev = new Set<string>();
  const removed: OperationModel[] = [];
  const revByRaw = new Map<string, OperationModel>();
  for (const op of rev.values()) {
    revByRaw.set(`${op.method} ${templateKey(op.rawPath)}`, op);
    revByRaw.set(op.key, op);
  }
  for (const [key, op] of base) {
    let target = rev.get(key);
    if ((!target || usedRev.has(target.key)) && mapping) {
      const mapped = mapping.operations.get(key) ?? mapping.operations.get(`${op.method} ${templateKey(op.rawPath)}`);
      if (mapped) target = rev.get(mapped) ?? revByRaw.get(mapped);
    }
    if (target && !usedRev.has(target.key)) {
      usedRev.add(target.key);
      pairs.push([op, target]);
    } else removed.push(op);
  }
  const added = [...rev.values()].filter((op) => !usedRev.has(op.key));
  return { pairs, removed, added };
}
