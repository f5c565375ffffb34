/** Small predicates shared by rule files. */
import type { Delta } from '../diff/delta.js';
import { nameSimilarity } from '../diff/property-pairs.js';
import { parsePointer } from '../util/json-pointer.js';
import type { RuleContext } from './define.js';

const ID_NAME = /^(_?id|.*[a-z0-9]Id|.*_id|key|.*Key|secret|.*Secret)$/;

/** The name a schema pointer stands for: the property name, or the schema's own name. */
export function pointerName(pointer: string): string {
  const tokens = parsePointer(pointer);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (/^(items|allOf|oneOf|anyOf|\d+|schema|additionalProperties)$/.test(t)) continue;
    return t;
  }
  return '';
}

/** True for id-like fields (`id`, `_id`, `appUserId`, `key`, `secret`...), which providers may reformat. */
export function isIdPointer(pointer: string): boolean {
  return ID_NAME.test(pointerName(pointer));
}

/** Groups deltas that describe the same object pair, in the same operation and direction. */
export function byScope(deltas: Delta[]): Map<string, Delta[]> {
  const out = new Map<string, Delta[]>();
  for (const d of deltas) {
    const k = `${d.scope ?? ''}\u0000${d.direction}\u0000${d.operation?.display ?? ''}`;
    const list = out.get(k) ?? [];
    list.push(d);
    out.set(k, list);
  }
  return out;
}

export { nameSimilarity };

/** Type signature of the schema a delta carries (for pairing removed and added properties). */
export function schemaTypes(d: Delta, ctx: RuleContext): string {
  const node = d.data?.baseSchema ?? d.data?.revSchema;
  if (!node) return '';
  const views = d.data?.baseSchema ? ctx.baseViews : ctx.revViews;
  const v = views.view(node);
  return `${v.types ? [...v.types].sort().join('|') : 'any'}${v.format ? `:${v.format}` : ''}`;
}
