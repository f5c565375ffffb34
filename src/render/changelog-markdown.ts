/** Migration guide as Markdown: resources, then schema changes, then the webhook triggers. */
import type { Changelog, ChangelogGroup, ChangelogLine } from '../changelog/guide.js';
import type { Verdict } from '../types.js';

const LABEL: Record<Verdict, string> = { breaking: '**breaking**', review: '**review**', compatible: 'compatible' };

/** Table cells and list items: no line breaks, no table pipes, no raw HTML from spec strings. */
export function mdText(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ops(l: ChangelogLine, max = 3): string {
  if (l.section !== 'schema' || !l.operations.length) return '';
  const shown = l.operations.slice(0, max).map((o) => `\`${o}\``).join(', ');
  return ` — used by ${shown}${l.operations.length > max ? ` and ${l.operations.length - max} more` : ''}`;
}

function line(l: ChangelogLine): string {
  const subjects = l.operations.length > 1 ? l.operations : [l.subject];
  const where = l.section === 'resource' && l.kind !== 'operation-renamed' && l.kind !== 'method-changed' ? `${subjects.map((o) => `\`${o}\``).join(', ')}: ` : '';
  return `- ${LABEL[l.verdict]} — ${mdText(where + l.text)}${mdText(ops(l))}`;
}

function group(out: string[], g: ChangelogGroup, level: string): void {
  out.push(`${level} ${mdText(g.name)}${g.baseName ? ` (was ${mdText(g.baseName)})` : ''}`);
  out.push('');
  for (const l of g.lines) out.push(line(l));
  out.push('');
}

export function renderChangelogMarkdown(c: Changelog): string {
  const out: string[] = [];
  const name = (v: Changelog['base']): string => mdText(`${v.title ? `${v.title} ` : ''}${v.infoVersion ?? v.source}`);
  out.push(`# Migration guide: ${name(c.base)} → ${name(c.revision)}`);
  out.push('');
  out.push(`Compared \`${mdText(c.base.source)}\` with \`${mdText(c.revision.source)}\` under policy **${mdText(c.policy.name)}**.`);
  const count = (v: Verdict): number => c.lines.filter((l) => l.verdict === v).length;
  out.push(`${c.lines.length} changes: ${count('breaking')} breaking, ${count('review')} to review, ${count('compatible')} compatible.`);
  out.push('');
  if (!c.lines.length) {
    out.push('No changes.');
    return `${out.join('\n')}\n`;
  }
  if (c.resources.length) {
    out.push('## Resources');
    out.push('');
    for (const g of c.resources) group(out, g, '###');
  }
  if (c.schemas.length) {
    out.push('## Schema changes');
    out.push('');
    for (const g of c.schemas) group(out, g, '###');
  }
  if (c.webhooks.triggers.length || c.webhooks.lines.length) {
    out.push('## Webhooks');
    out.push('');
    if (c.webhooks.triggers.length) {
      out.push('| Old trigger | New trigger | Verdict | Payload changes |');
      out.push('| --- | --- | --- | --- |');
      for (const t of c.webhooks.triggers) {
        out.push(`| ${t.from ? `\`${mdText(t.from)}\`` : '—'} | ${t.to ? `\`${mdText(t.to)}\`` : '—'} | ${t.rule === 'unchanged' ? 'unchanged' : LABEL[t.verdict]} | ${t.payloadChanges} |`);
      }
      out.push('');
    }
    const payload = c.webhooks.lines.filter((l) => !/^webhook-/.test(l.rule));
    const subjects = [...new Set(payload.map((l) => l.subject))];
    for (const s of subjects) {
      out.push(`### ${mdText(s)}`);
      out.push('');
      for (const l of payload.filter((x) => x.subject === s)) out.push(line(l));
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
