/**
 * A dated CHANGELOG.md for a series: newest version first, as changelogs are read. Each section
 * gives the version, its date and file, the version it was compared with, the bump flags, then
 * its changes: breaking first, then those to review, then compatible ones.
 */
import type { SeriesResult, SeriesVersion } from '../changelog/series.js';
import { FLAG_TITLE, type FlagCode } from '../changelog/bump.js';
import { formatLocation } from '../errors.js';
import type { Verdict } from '../types.js';
import { groupChanges } from './group.js';

const TITLES: Record<Verdict, string> = { breaking: 'Breaking changes', review: 'Needs review', compatible: 'Compatible changes' };
const esc = (s: string): string => s.replace(/\n/g, ' ').replace(/([<>*_`[\]\\])/g, '\\$1');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const FLAG_COUNT: Record<FlagCode, (n: number) => string> = {
  'breaking-without-major': (n) => `${plural(n, 'version')} with a breaking change but no major bump`,
  'major-without-change': (n) => `${plural(n, 'major bump')} without any API change`,
  'version-not-bumped': (n) => `${plural(n, 'version')} changing the API under the same info.version`,
  'version-decreased': (n) => `${plural(n, 'version')} whose info.version went down`,
};

function heading(v: SeriesVersion, showApi: boolean): string {
  const name = v.infoVersion ?? v.file;
  return `## ${esc(name)}${showApi && v.api !== undefined ? ` (API ${esc(v.api)})` : ''}${v.date ? ` — ${v.date}` : ''}${v.status === 'error' ? ' (not loaded)' : ''}`;
}

function section(v: SeriesVersion, out: string[], showApi: boolean): void {
  out.push(heading(v, showApi), '');
  if (v.status === 'error') {
    out.push(`${code(v.file)} could not be loaded: ${esc(formatLocation(v.error!.location))}${esc(v.error!.message)} [${v.error!.code}]. The next version is compared with the last one that loaded.`, '');
    return;
  }
  const from = v.previous ? `compared with ${esc(v.previous.infoVersion ?? '(no info.version)')} (${code(v.previous.file)})${v.bump && v.bump !== 'unknown' ? `: ${v.bump === 'none' ? 'same version' : v.bump === 'decreased' ? 'version decreased' : `${v.bump} bump`}` : ''}` : `first version of the series${showApi && v.api !== undefined ? ` for API ${esc(v.api)}` : ''}`;
  const skipped = v.skipped?.length ? `; skipped ${v.skipped.map(code).join(', ')} (not loaded)` : '';
  out.push(`${code(v.file)}, ${from}${skipped}.`, '');
  for (const f of v.flags) out.push(`> ${f.level === 'mismatch' ? '⚠' : 'ℹ'} **${FLAG_TITLE[f.code]}:** ${esc(f.message)}.`, '');
  if (v.status === 'baseline') return;
  const live = v.changes.filter((c) => !c.ignored);
  if (!live.length) {
    out.push(v.changes.length ? 'No API change (apart from changes the ignore file accepts).' : 'No API change.', '');
    return;
  }
  for (const verdict of ['breaking', 'review', 'compatible'] as const) {
    const list = live.filter((c) => c.verdict === verdict);
    if (!list.length) continue;
    out.push(`### ${TITLES[verdict]} (${list.length})`, '');
    for (const g of groupChanges(list)) {
      const ops = g.operations.length > 3 ? `${g.operations.slice(0, 3).map(code).join(', ')} and ${g.operations.length - 3} more` : g.operations.map(code).join(', ');
      out.push(`- ${ops ? `${ops}: ` : ''}${esc(g.first.message)} (${code(g.first.rule)})`);
    }
    out.push('');
  }
  const accepted = v.changes.length - live.length;
  if (accepted) out.push(`${plural(accepted, 'change')} accepted by the ignore file.`, '');
}

export function renderSeriesMarkdown(r: SeriesResult): string {
  const out: string[] = [];
  const title = [...r.versions].reverse().find((v) => v.title)?.title;
  out.push(`# Changelog${title ? `: ${esc(title)}` : ''}`, '');
  const s = r.summary;
  out.push(
    `${plural(s.versions, 'version')} from ${code(r.source)}${r.major !== undefined ? ` (API major ${esc(r.major)})` : ''}, newest first. Policy **${esc(r.policy.name)}**: ${s.breaking} breaking, ${s.review} to review, ${s.compatible} compatible changes${s.errors ? `; ${plural(s.errors, 'version')} could not be loaded` : ''}.`,
    '',
  );
  const counts = (Object.keys(s.flags) as FlagCode[]).filter((k) => s.flags[k] > 0);
  if (counts.length) {
    out.push('Version bumps that disagree with the changes:', '');
    for (const k of counts) out.push(`- ${k === 'breaking-without-major' || k === 'major-without-change' ? '⚠' : 'ℹ'} ${FLAG_COUNT[k](s.flags[k])}`);
    out.push('');
  } else if (s.compared) out.push('Every version bump agrees with the changes.', '');
  const showApi = new Set(r.versions.map((v) => v.api)).size > 1;
  for (const v of [...r.versions].reverse()) section(v, out, showApi);
  return `${out.join('\n').trimEnd()}\n`;
}
