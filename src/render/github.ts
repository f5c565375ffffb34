/**
 * GitHub Actions output: one workflow command per change (`::error` for breaking, `::warning` for
 * review, `::notice` for compatible changes when asked), annotating the spec file at the line of
 * the change, with the rule id as title. The job summary is the markdown report.
 */
import type { CheckResult } from '../check.js';
import type { Change, Verdict } from '../types.js';
import { annotationPlace, groupChanges } from './group.js';

const LEVEL: Record<Verdict, string> = { breaking: 'error', review: 'warning', compatible: 'notice' };

/** Escaping of a workflow command's message (data). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(c: Change, operations: string[]): string {
  const place = annotationPlace(c);
  const props = [`file=${escapeProperty(place.file)}`];
  if (place.line !== undefined) props.push(`line=${place.line}`, `col=${place.column ?? 1}`);
  props.push(`title=${escapeProperty(c.rule)}`);
  const where = operations.length ? ` [${operations.length > 3 ? `${operations.slice(0, 3).join(', ')} and ${operations.length - 3} more` : operations.join(', ')}]` : '';
  return `::${LEVEL[c.verdict]} ${props.join(',')}::${escapeData(`${c.message}${where}`)}`;
}

export interface GithubOptions {
  /** Annotate compatible changes too (as notices). */
  verbose?: boolean;
}

export function renderGithub(r: CheckResult, opts: GithubOptions = {}): string {
  const out: string[] = [];
  for (const verdict of ['breaking', 'review', 'compatible'] as const) {
    if (verdict === 'compatible' && !opts.verbose) continue;
    const list = r.changes.filter((c) => c.verdict === verdict && !c.ignored);
    for (const g of groupChanges(list)) out.push(annotation(g.first, g.operations));
  }
  for (const w of r.warnings) {
    const props = w.location ? [`file=${escapeProperty(w.location.file)}`, ...(w.location.line !== undefined ? [`line=${w.location.line}`] : [])] : [];
    props.push(`title=${escapeProperty(`spec warning (${w.version})`)}`);
    out.push(`::warning ${props.join(',')}::${escapeData(w.message)}`);
  }
  const s = r.summary;
  out.push(`apicompat: ${s.breaking} breaking, ${s.review} to review, ${s.compatible} compatible${s.ignored ? `, ${s.ignored} accepted` : ''} (policy ${r.policy.name})`);
  return `${out.join('\n')}\n`;
}
