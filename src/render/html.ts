/**
 * The check report as one self-contained HTML page (no scripts, no network): summary, then the
 * changes per verdict with their rule, operations and location, the changes an ignore file
 * accepted with reason and expiry, and warnings. Every string from a spec or a file is escaped.
 */
import type { CheckResult } from '../check.js';
import type { Verdict } from '../types.js';
import { escapeHtml } from './changelog-html.js';
import { formatPlace, groupChanges, type ChangeGroup } from './group.js';

const TITLES: Record<Verdict, string> = { breaking: 'Breaking changes', review: 'Changes that need review', compatible: 'Compatible changes' };
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45}' +
  'table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}' +
  'h2.breaking{color:#b00020}h2.review{color:#8a6d00}h2.compatible{color:#1b5e20}code{font-size:.92em}.ops{color:#444;font-size:.9em}';

function row(g: ChangeGroup, extra?: string): string {
  const c = g.first;
  const ops = g.operations.map((o) => `<code>${escapeHtml(o)}</code>`).join('<br>');
  return `<tr><td><code>${escapeHtml(c.rule)}</code></td><td>${escapeHtml(c.message)}</td><td class="ops">${ops}</td><td><code>${escapeHtml(formatPlace(c))}</code></td>${extra !== undefined ? `<td>${extra}</td>` : ''}</tr>`;
}

export function renderHtml(r: CheckResult): string {
  const s = r.summary;
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>');
  parts.push('<html lang="en"><head><meta charset="utf-8">');
  parts.push(`<title>API changes: ${escapeHtml(r.base.source)} → ${escapeHtml(r.revision.source)}</title>`);
  parts.push(`<style>${STYLE}</style>`);
  parts.push('</head><body>');
  parts.push(`<h1>API changes: <code>${escapeHtml(r.base.source)}</code> → <code>${escapeHtml(r.revision.source)}</code></h1>`);
  parts.push(
    `<p>Policy <strong>${escapeHtml(r.policy.name)}</strong>: ${s.breaking} breaking, ${s.review} to review, ${s.compatible} compatible${s.ignored ? `, ${s.ignored} accepted` : ''}.</p>`,
  );
  if (!s.total) parts.push('<p>No changes.</p>');
  for (const verdict of ['breaking', 'review', 'compatible'] as const) {
    const groups = groupChanges(r.changes.filter((c) => c.verdict === verdict && !c.ignored));
    if (!groups.length) continue;
    parts.push(`<h2 class="${verdict}">${TITLES[verdict]} (${groups.length})</h2>`);
    parts.push('<table><thead><tr><th>Rule</th><th>Change</th><th>Operations</th><th>Location</th></tr></thead><tbody>');
    for (const g of groups) parts.push(row(g));
    parts.push('</tbody></table>');
  }
  const accepted = groupChanges(r.changes.filter((c) => c.ignored));
  if (accepted.length) {
    parts.push(`<h2>Accepted by the ignore file (${accepted.length})</h2>`);
    parts.push('<table><thead><tr><th>Rule</th><th>Change</th><th>Operations</th><th>Location</th><th>Reason</th></tr></thead><tbody>');
    for (const g of accepted) {
      const ig = g.first.ignored!;
      parts.push(row(g, `${escapeHtml(ig.reason)}${ig.expires ? ` <small>(until ${escapeHtml(ig.expires)})</small>` : ''}`));
    }
    parts.push('</tbody></table>');
  }
  if (r.warnings.length || r.expiredIgnores.length) {
    parts.push('<h2>Warnings</h2><ul>');
    for (const e of r.expiredIgnores) parts.push(`<li>ignore entry for <code>${escapeHtml(e.rule)}</code> expired on ${escapeHtml(String(e.expires))} and no longer applies</li>`);
    for (const w of r.warnings) {
      const at = w.location ? ` <code>${escapeHtml(`${w.location.file}${w.location.line ? `:${w.location.line}` : ''}`)}</code>` : '';
      parts.push(`<li>(${w.version}) ${escapeHtml(w.message)}${at}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
