/**
 * Migration guide as a standalone HTML page. Every string from a spec is escaped before it is
 * placed in the page (text and attribute values alike); only our own markup is emitted raw.
 */
import type { Changelog, ChangelogGroup, ChangelogLine } from '../changelog/guide.js';
import type { Verdict } from '../types.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]!);
}

/** Escapes, then turns the `code` spans of line texts into <code> elements. */
function rich(s: string): string {
  return s
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

const LABEL: Record<Verdict, string> = { breaking: 'breaking', review: 'review', compatible: 'compatible' };

function line(l: ChangelogLine): string {
  const subjects = l.operations.length > 1 ? l.operations : [l.subject];
  const where = l.section === 'resource' && l.kind !== 'operation-renamed' && l.kind !== 'method-changed' ? `${subjects.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ')}: ` : '';
  const used = l.section === 'schema' && l.operations.length ? ` <span class="ops">— used by ${l.operations.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ')}</span>` : '';
  return `<li class="${l.verdict}"><span class="verdict">${LABEL[l.verdict]}</span> ${where}${rich(l.text)}${used}</li>`;
}

function group(g: ChangelogGroup): string {
  const title = `${escapeHtml(g.name)}${g.baseName ? ` <small>(was ${escapeHtml(g.baseName)})</small>` : ''}`;
  return `<section><h3>${title}</h3>\n<ul>\n${g.lines.map(line).join('\n')}\n</ul></section>`;
}

export function renderChangelogHtml(c: Changelog): string {
  const name = (v: Changelog['base']): string => escapeHtml(`${v.title ? `${v.title} ` : ''}${v.infoVersion ?? v.source}`);
  const count = (v: Verdict): number => c.lines.filter((l) => l.verdict === v).length;
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>');
  parts.push('<html lang="en"><head><meta charset="utf-8">');
  parts.push(`<title>Migration guide: ${name(c.base)} → ${name(c.revision)}</title>`);
  parts.push('<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}li{margin:.2rem 0}.verdict{display:inline-block;min-width:6.5em;font-weight:600}.breaking .verdict{color:#b00020}.review .verdict{color:#8a6d00}.compatible .verdict{color:#1b5e20}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}.ops{color:#555;font-size:.9em}</style>');
  parts.push('</head><body>');
  parts.push(`<h1>Migration guide: ${name(c.base)} → ${name(c.revision)}</h1>`);
  parts.push(`<p>Compared <code>${escapeHtml(c.base.source)}</code> with <code>${escapeHtml(c.revision.source)}</code> under policy <strong>${escapeHtml(c.policy.name)}</strong>. ${c.lines.length} changes: ${count('breaking')} breaking, ${count('review')} to review, ${count('compatible')} compatible.</p>`);
  if (!c.lines.length) parts.push('<p>No changes.</p>');
  if (c.resources.length) parts.push(`<h2>Resources</h2>\n${c.resources.map(group).join('\n')}`);
  if (c.schemas.length) parts.push(`<h2>Schema changes</h2>\n${c.schemas.map(group).join('\n')}`);
  if (c.webhooks.triggers.length || c.webhooks.lines.length) {
    parts.push('<h2>Webhooks</h2>');
    if (c.webhooks.triggers.length) {
      const rows = c.webhooks.triggers.map(
        (t) =>
          `<tr class="${t.rule === 'unchanged' ? 'same' : t.verdict}"><td>${t.from ? `<code>${escapeHtml(t.from)}</code>` : '—'}</td><td>${t.to ? `<code>${escapeHtml(t.to)}</code>` : '—'}</td><td>${t.rule === 'unchanged' ? 'unchanged' : LABEL[t.verdict]}</td><td>${t.payloadChanges}</td></tr>`,
      );
      parts.push(`<table><thead><tr><th>Old trigger</th><th>New trigger</th><th>Verdict</th><th>Payload changes</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
    }
    const payload = c.webhooks.lines.filter((l) => !/^webhook-/.test(l.rule));
    for (const s of [...new Set(payload.map((l) => l.subject))]) {
      parts.push(`<section><h3>${escapeHtml(s)}</h3>\n<ul>\n${payload.filter((l) => l.subject === s).map(line).join('\n')}\n</ul></section>`);
    }
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
