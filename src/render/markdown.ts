import type { CheckResult } from '../check.js';
import type { Verdict } from '../types.js';
import { formatPlace, groupChanges } from './group.js';

const TITLES: Record<Verdict, string> = { breaking: 'Breaking changes', review: 'Needs review', compatible: 'Compatible changes' };
const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(r: CheckResult): string {
  const out: string[] = [];
  out.push(`## API changes: ${esc(r.base.source)} → ${esc(r.revision.source)}`);
  out.push('');
  const s = r.summary;
  out.push(`Policy **${r.policy.name}** — ${s.breaking} breaking, ${s.review} to review, ${s.compatible} compatible${s.ignored ? `, ${s.ignored} accepted` : ''}.`);
  out.push('');
  for (const verdict of ['breaking', 'review', 'compatible'] as const) {
    const list = r.changes.filter((c) => c.verdict === verdict && !c.ignored);
    if (!list.length) continue;
    out.push(`### ${TITLES[verdict]} (${list.length})`);
    out.push('');
    out.push('| Rule | Operations | Change | Location |');
    out.push('| --- | --- | --- | --- |');
    for (const g of groupChanges(list)) {
      const ops = g.operations.length > 5 ? `${g.operations.slice(0, 5).join('<br>')}<br>and ${g.operations.length - 5} more` : g.operations.join('<br>');
      out.push(`| \`${g.first.rule}\` | ${esc(ops)} | ${esc(g.first.message)} | \`${esc(formatPlace(g.first))}\` |`);
    }
    out.push('');
  }
  if (r.warnings.length) {
    out.push('### Warnings');
    out.push('');
    for (const w of r.warnings) out.push(`- (${w.version}) ${esc(w.message)}${w.location ? ` — \`${w.location.file}${w.location.line ? `:${w.location.line}` : ''}\`` : ''}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
