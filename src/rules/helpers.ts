/** Small predicates shared by rule files. */
import type { Delta } from '../diff/delta.js';
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

const norm = (s: string): string => s.replace(/[^a-z0-9]/gi, '').toLowerCase();

/** How alike two field names are (1 = same letters ignoring case and punctuation). */
export function nameSimilarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.endsWith(y) || y.endsWith(x) || x.startsWith(y) || y.startsWith(x)) return 0.8;
  if (x.includes(y) || y.includes(x)) return 0.7;
  const d = editDistance(x, y);
  return 1 - d / Math.max(x.length, y.length);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Type signature of the schema a delta carries (for pairing removed and added properties). */
export function schemaTypes(d: Delta, ctx: RuleContext): string {
  const node = d.data?.baseSchema ?? d.data?.revSchema;
  if (!node) return '';
  const views = d.data?.baseSchema ? ctx.baseViews : ctx.revViews;
  const v = views.view(node);
  return `${v.types ? [...v.types].sort().join('|') : 'any'}${v.format ? `:${v.format}` : ''}`;
}
