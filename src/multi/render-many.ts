/**
 * One report for many specs: each compared spec rendered by the format's own renderer, the specs
 * added, deleted or unreadable said once each, and one summary. Machine formats nest the
 * per-spec reports (json, yaml), or merge them where the format has room for several (SARIF runs,
 * JUnit suites, GitLab issues, GitHub annotations).
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { CheckFormat, FormatOptions } from '../cli/check-formats.js';
import { renderCheck } from '../cli/check-formats.js';
import { ApicompatError } from '../errors.js';
import { escapeHtml } from '../render/changelog-html.js';
import { toJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { ManyResult, SpecEntry } from './check-many.js';

function statusLine(s: SpecEntry, ref: string): string {
  if (s.status === 'added') return `spec added since ${ref}`;
  if (s.status === 'deleted') return `spec deleted since ${ref}: every operation it described is gone`;
  if (s.status === 'failed') return `not compared: ${s.error ?? 'unreadable'}`;
  const r = s.result!.summary;
  return `${r.breaking} breaking, ${r.review} to review, ${r.compatible} compatible${r.ignored ? `, ${r.ignored} accepted` : ''}`;
}

function totals(m: ManyResult): string {
  const s = m.summary;
  const parts = [`${s.compared} compared`, ...(s.added ? [`${s.added} added`] : []), ...(s.deleted ? [`${s.deleted} deleted`] : []), ...(s.failed ? [`${s.failed} not readable`] : [])];
  return `${s.specs} specs against ${m.baseRef} (${parts.join(', ')}): ${s.breaking} breaking, ${s.review} to review, ${s.compatible} compatible${s.ignored ? `, ${s.ignored} accepted` : ''}.`;
}

function manyMarkdown(m: ManyResult): string {
  const out = [`# API changes against ${m.baseRef}`, '', totals(m), ''];
  for (const s of m.specs) {
    out.push(`## \`${s.path}\` — ${s.status}`, '');
    out.push(s.result ? renderMarkdown(s.result) : `${statusLine(s, m.baseRef)}\n`);
  }
  return `${out.join('\n')}\n`;
}

const fingerprint = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

export async function renderMany(m: ManyResult, format: CheckFormat, opts: FormatOptions = {}): Promise<string> {
  const compared = m.specs.filter((s) => s.result);
  const others = m.specs.filter((s) => !s.result);
  switch (format) {
    case 'json':
    case 'yaml': {
      const doc = { baseRef: m.baseRef, summary: m.summary, specs: m.specs.map((s) => ({ path: s.path, status: s.status, ...(s.error ? { error: s.error } : {}), ...(s.result ? { result: toJson(s.result) } : {}) })), exitCode: m.exitCode };
      return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
    }
    case 'markdown':
      return manyMarkdown(m);
    case 'text': {
      const out = [`apicompat check --base ${m.baseRef}`, ''];
      for (const s of m.specs) {
        out.push(`=== ${s.path} (${s.status})`);
        out.push(s.result ? await renderCheck(s.result, 'text', opts) : `${statusLine(s, m.baseRef)}\n`);
      }
      out.push(totals(m));
      return `${out.join('\n')}\n`;
    }
    case 'github': {
      const summary = (opts.env ?? process.env)['GITHUB_STEP_SUMMARY'];
      if (summary) {
        try {
          appendFileSync(summary, manyMarkdown(m));
        } catch (e) {
          throw new ApicompatError('usage', `cannot append the job summary to ${summary} (GITHUB_STEP_SUMMARY): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
      }
      const noSummary = { ...opts, env: {} };
      const out: string[] = [];
      for (const s of compared) out.push((await renderCheck(s.result!, 'github', noSummary)).trimEnd().split('\n').slice(0, -1).join('\n'));
      for (const s of others) out.push(`::${s.status === 'added' ? 'notice' : 'error'} file=${s.path},title=spec ${s.status}::${statusLine(s, m.baseRef)}`);
      out.push(`apicompat: ${totals(m)}`);
      return `${out.filter(Boolean).join('\n')}\n`;
    }
    case 'sarif': {
      const runs = [];
      for (const s of compared) runs.push(...(JSON.parse(await renderCheck(s.result!, 'sarif', opts)) as { runs: object[] }).runs);
      if (others.length) {
        const notifications = others.map((s) => ({ level: s.status === 'added' ? 'note' : 'error', message: { text: `${s.path}: ${statusLine(s, m.baseRef)}` }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(s.path) } } }] }));
        runs.push({ tool: { driver: { name: 'apicompat', informationUri: 'https://apicompat.dev/' } }, invocations: [{ executionSuccessful: !others.some((s) => s.status === 'failed'), toolExecutionNotifications: notifications }], results: [] });
      }
      return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }, null, 2)}\n`;
    }
    case 'gitlab': {
      const issues: object[] = [];
      for (const s of compared) issues.push(...(JSON.parse(await renderCheck(s.result!, 'gitlab', opts)) as object[]));
      for (const s of others.filter((x) => x.status !== 'added')) {
        issues.push({ type: 'issue', check_name: `spec-${s.status}`, description: `${s.path}: ${statusLine(s, m.baseRef)}`, categories: ['Compatibility'], severity: 'major', fingerprint: fingerprint(`${s.status}\u0000${s.path}`), location: { path: s.path, lines: { begin: 1 } } });
      }
      return `${JSON.stringify(issues, null, 2)}\n`;
    }
    case 'junit': {
      const suites: string[] = [];
      for (const s of compared) {
        const xml = await renderCheck(s.result!, 'junit', opts);
        suites.push(xml.slice(xml.indexOf('<testsuite '), xml.lastIndexOf('</testsuites>')).trimEnd());
      }
      for (const s of others) {
        const failed = s.status !== 'added';
        const body = failed ? `<failure message="${escapeHtml(statusLine(s, m.baseRef))}" type="spec-${s.status}"/>` : '';
        suites.push(`<testsuite name="${escapeHtml(s.path)}" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="0"><testcase name="(spec ${s.status})" classname="apicompat">${body}</testcase></testsuite>`);
      }
      const tests = (suites.join('').match(/<testcase /g) ?? []).length;
      const failures = suites.reduce((n, x) => n + Number(/failures="(\d+)"/.exec(x)?.[1] ?? 0), 0);
      return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="apicompat" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
    }
    case 'html': {
      const bodies: string[] = [];
      for (const s of compared) {
        const html = await renderCheck(s.result!, 'html', opts);
        bodies.push(`<section>${html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'))}</section>`);
      }
      for (const s of others) bodies.push(`<section><h1><code>${escapeHtml(s.path)}</code></h1><p>${escapeHtml(statusLine(s, m.baseRef))}</p></section>`);
      const first = compared.length ? await renderCheck(compared[0]!.result!, 'html', opts) : '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title></title></head>';
      const head = first.slice(0, first.indexOf('</head>') + 7).replace(/<title>[^<]*<\/title>/, `<title>API changes against ${escapeHtml(m.baseRef)}</title>`);
      return `${head}<body>\n<p>${escapeHtml(totals(m))}</p>\n${bodies.join('\n')}\n</body></html>\n`;
    }
  }
}
