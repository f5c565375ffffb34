/**
 * GitLab Code Quality report: a JSON array of issues, each with a description, the rule as
 * check name, a stable fingerprint, a severity and the spec file and line it is about. Changes an
 * ignore file accepted are left out (GitLab has no way to show them as accepted).
 */
import type { CheckResult } from '../check.js';
import { changeFingerprint } from '../policy/fingerprint.js';
import type { Verdict } from '../types.js';
import { annotationPlace, groupChanges } from './group.js';

const SEVERITY: Record<Verdict, string> = { breaking: 'major', review: 'minor', compatible: 'info' };

export function toGitlab(r: CheckResult): object[] {
  return groupChanges(r.changes.filter((c) => !c.ignored)).map((g) => {
    const c = g.first;
    const place = annotationPlace(c);
    const ops = g.operations.length ? ` (${g.operations.length > 3 ? `${g.operations.slice(0, 3).join(', ')} and ${g.operations.length - 3} more` : g.operations.join(', ')})` : '';
    return {
      type: 'issue',
      check_name: c.rule,
      description: `${c.message}${ops}`,
      categories: ['Compatibility'],
      severity: SEVERITY[c.verdict],
      fingerprint: c.fingerprint ?? changeFingerprint(c),
      location: { path: place.file, lines: { begin: place.line ?? 1 } },
    };
  });
}

export function renderGitlab(r: CheckResult): string {
  return `${JSON.stringify(toGitlab(r), null, 2)}\n`;
}
