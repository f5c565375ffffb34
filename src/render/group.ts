import type { Change } from '../types.js';

export interface ChangeGroup {
  first: Change;
  operations: string[];
}

/** Same rule, place and message in many operations (a shared schema) -> one entry listing them. */
export function groupChanges(changes: Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of changes) {
    const k = `${c.rule}\u0000${c.verdict}\u0000${c.location.file}\u0000${c.pointer}\u0000${c.message}\u0000${c.ignored ? 1 : 0}`;
    const g = groups.get(k);
    if (g) {
      for (const o of c.operations ?? (c.operation ? [c.operation] : [])) if (!g.operations.includes(o)) g.operations.push(o);
    } else groups.set(k, { first: c, operations: [...(c.operations ?? (c.operation ? [c.operation] : []))] });
  }
  return [...groups.values()];
}

export function formatPlace(c: Change): string {
  const l = c.location;
  return `${l.file}${l.line !== undefined ? `:${l.line}:${l.column ?? 1}` : `#${c.pointer}`}`;
}
