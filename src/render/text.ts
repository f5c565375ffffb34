import type { CheckResult } from '../check.js';
import { formatLocation } from '../errors.js';
import type { Verdict } from '../types.js';
import { formatPlace, groupChanges } from './group.js';

const TITLES: Record<Verdict, string> = { breaking: 'Breaking changes', review: 'Changes that need review', compatible: 'Compatible changes' };
const MARK: Record<Verdict, string> = { breaking: '✗', review: '?', compatible: '✓' };

export interface TextOptions {
  /** List compatible changes too (default: counted only). */
  verbose?: boolean;
  maxOperations?: number;
}

export function renderText(r: CheckResult, opts: TextOptions = {}): string {
  const out: string[] = [];
  const maxOps = opts.maxOperations ?? 3;
  out.push(`apicompat check — policy ${r.policy.name}`);
  out.push(`  base:     ${r.base.source} (${r.base.format}${r.base.infoVersion ? `, version ${r.base.infoVersion}` : ''})`);
  out.push(`  revision: ${r.revision.source} (${r.revision.format}${r.revision.infoVersion ? `, version ${r.revision.infoVersion}` : ''})`);
  out.push('');
  for (const verdict of ['breaking', 'review', 'compatible'] as const) {
    const list = r.changes.filter((c) => c.verdict === verdict && !c.ignored);
    if (!list.length) continue;
    const groups = groupChanges(list);
    out.push(`${TITLES[verdict]} (${list.length}):`);
    if (verdict === 'compatible' && !opts.verbose) {
      out.push('  (use --verbose to list them)');
      out.push('');
      continue;
    }
    for (const g of groups) {
      const c = g.first;
      const ops = g.operations.length > maxOps ? `${g.operations.slice(0, maxOps).join(', ')} and ${g.operations.length - maxOps} more` : g.operations.join(', ');
      out.push(`  ${MARK[verdict]} ${c.rule}${ops ? `  [${ops}]` : ''}`);
      out.push(`      ${c.message}`);
      out.push(`      at ${formatPlace(c)}${c.direction !== 'none' ? ` (${c.direction})` : ''}`);
    }
    out.push('');
  }
  const ignored = r.changes.filter((c) => c.ignored);
  if (ignored.length) {
    out.push(`Accepted by the ignore file (${ignored.length}):`);
    for (const g of groupChanges(ignored)) out.push(`  - ${g.first.rule}: ${g.first.message} — ${g.first.ignored!.reason}`);
    out.push('');
  }
  for (const e of r.expiredIgnores) out.push(`warning: ignore entry for ${e.rule} expired on ${e.expires} and no longer applies`);
  for (const w of r.warnings) out.push(`warning (${w.version}): ${formatLocation(w.location)}${w.message}`);
  if (r.warnings.length || r.expiredIgnores.length) out.push('');
  const s = r.summary;
  out.push(
    s.total === 0
      ? 'No changes.'
      : `${s.breaking} breaking, ${s.review} to review, ${s.compatible} compatible${s.ignored ? `, ${s.ignored} accepted` : ''}.`,
  );
  return `${out.join('\n')}\n`;
}
