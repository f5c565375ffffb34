import { existsSync } from 'node:fs';
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

/**
 * Where a CI annotation points for a change: its file and line, except for a change located in a
 * version read from git (`<ref>:<path>`, e.g. something removed since the base), which names the
 * path in the working tree without a line, since its line numbers belong to the old text.
 */
export function annotationPlace(c: Change): { file: string; line?: number; column?: number } {
  const l = c.location;
  const git = /^([^:/\\]+):(?!\/\/)(.+)$/.exec(l.file);
  if (git && !existsSync(l.file)) return { file: git[2]!.replace(/^\.\//, '') };
  return { file: l.file, ...(l.line !== undefined ? { line: l.line, column: l.column ?? 1 } : {}) };
}
