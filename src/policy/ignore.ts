/**
 * The ignore file: breaking changes a provider accepts on purpose. Every entry names a rule and
 * carries a reason; it may narrow itself to an operation and/or a pointer, and may expire.
 * An expired entry no longer applies and is reported, so accepted breakage cannot linger unseen.
 *
 * ```yaml
 * - rule: response-property-removed
 *   operation: GET /v2/apps/{appId}     # optional
 *   pointer: /components/schemas/App    # optional, prefix match
 *   reason: field was never populated
 *   expires: 2027-01-31                 # optional
 * ```
 */
import { ApicompatError } from '../errors.js';
import type { Change } from '../types.js';
import type { Rule } from '../rules/define.js';
import { operationKey } from '../diff/match.js';
import { isObject, own } from '../util/guards.js';
import { readYamlFile } from '../util/yaml-file.js';

export interface IgnoreEntry {
  rule: string;
  operation?: string;
  pointer?: string;
  reason: string;
  expires?: string;
  line?: number;
}

export function loadIgnoreFile(file: string, rules: Rule[], cwd = process.cwd()): IgnoreEntry[] {
  const { doc, at, shown } = readYamlFile(file, cwd, 'ignore-invalid', 'no such ignore file');
  const v = doc.toJS() as unknown;
  const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(own(v, 'ignore')) ? (own(v, 'ignore') as unknown[]) : v == null ? [] : undefined;
  if (!list) throw new ApicompatError('ignore-invalid', 'an ignore file is a list of entries (or a mapping with an `ignore` list)', { file: shown });
  const prefix = Array.isArray(v) ? [] : ['ignore'];
  const known = new Map<string, string>();
  for (const r of rules) {
    known.set(r.id, r.id);
    for (const a of r.aliases ?? []) known.set(a, r.id);
  }
  return list.map((e, i) => {
    const loc = at([...prefix, i]);
    if (!isObject(e)) throw new ApicompatError('ignore-invalid', 'each entry must be a mapping with `rule` and `reason`', loc);
    const rule = known.get(String(own(e, 'rule')));
    if (!rule) throw new ApicompatError('ignore-invalid', `unknown rule id '${String(own(e, 'rule'))}'`, at([...prefix, i, 'rule']));
    const reason = own(e, 'reason');
    if (typeof reason !== 'string' || !reason.trim()) throw new ApicompatError('ignore-invalid', `entry for '${rule}' has no reason: every accepted change must say why`, loc);
    const expires = own(e, 'expires');
    const exp = expires instanceof Date ? expires.toISOString().slice(0, 10) : expires === undefined ? undefined : String(expires);
    if (exp !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(exp)) throw new ApicompatError('ignore-invalid', `expires must be a date (YYYY-MM-DD), got '${exp}'`, at([...prefix, i, 'expires']));
    return {
      rule,
      ...(typeof own(e, 'operation') === 'string' ? { operation: own(e, 'operation') as string } : {}),
      ...(typeof own(e, 'pointer') === 'string' ? { pointer: own(e, 'pointer') as string } : {}),
      reason,
      ...(exp ? { expires: exp } : {}),
      ...(loc.line !== undefined ? { line: loc.line } : {}),
    };
  });
}

/** Marks the changes the entries accept; returns the entries that have expired. */
export function applyIgnores(changes: Change[], entries: IgnoreEntry[], today = new Date().toISOString().slice(0, 10)): IgnoreEntry[] {
  const expired = entries.filter((e) => e.expires !== undefined && e.expires < today);
  const live = entries.filter((e) => !expired.includes(e));
  for (const c of changes) {
    const hit = live.find(
      (e) =>
        e.rule === c.rule &&
        (e.operation === undefined || (c.operations ?? (c.operation !== undefined ? [c.operation] : [])).some((o) => operationKey(e.operation!) === operationKey(o))) &&
        (e.pointer === undefined || c.pointer === e.pointer || c.pointer.startsWith(`${e.pointer}/`)),
    );
    if (hit) c.ignored = { reason: hit.reason, ...(hit.expires ? { expires: hit.expires } : {}) };
  }
  return expired;
}
