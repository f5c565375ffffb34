/**
 * A stable identity for a change: the same change gets the same fingerprint across runs, key
 * reorderings and unrelated edits. It hashes what the change is (rule, direction, arguments) and
 * where it is by name (the JSON pointer, with array positions left out, since an unrelated entry
 * inserted before it would shift them) — never line numbers or the list of operations it reaches.
 */
import { createHash } from 'node:crypto';
import type { Change } from '../types.js';

export function changeFingerprint(c: Pick<Change, 'rule' | 'direction' | 'pointer' | 'args'>): string {
  const where = c.pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const args = Object.keys(c.args)
    .sort()
    .map((k) => `${k}=${String(c.args[k])}`)
    .join('\u0001');
  return createHash('sha256').update(`${c.rule}\u0000${c.direction}\u0000${where}\u0000${args}`).digest('hex').slice(0, 32);
}

/** Fills `fingerprint` on every change. */
export function fingerprintChanges(changes: Change[]): void {
  for (const c of changes) c.fingerprint = changeFingerprint(c);
}
