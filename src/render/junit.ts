/**
 * JUnit XML output for CI test reports: one test suite per check, one test case per operation
 * (and one for document-level changes), each breaking change a <failure> of its operation's case;
 * changes to review are listed in the case's <system-out>. Built with xmlbuilder2, so every spec
 * string is escaped by the XML writer.
 */
import { create } from 'xmlbuilder2';
import type { CheckResult } from '../check.js';
import type { Change } from '../types.js';
import { formatPlace, groupChanges } from './group.js';

const DOCUMENT = '(document)';

export function renderJunit(r: CheckResult): string {
  const groups = groupChanges(r.changes.filter((c) => !c.ignored && c.verdict !== 'compatible'));
  const byOp = new Map<string, Change[]>();
  const names = new Set<string>(r.operations);
  for (const g of groups) {
    const ops = g.operations.length ? g.operations : [DOCUMENT];
    for (const op of ops) {
      names.add(op);
      let list = byOp.get(op);
      if (!list) byOp.set(op, (list = []));
      list.push(g.first);
    }
  }
  const cases = [...names].sort((a, b) => (a === DOCUMENT ? -1 : b === DOCUMENT ? 1 : a.localeCompare(b)));
  const failing = cases.filter((op) => byOp.get(op)?.some((c) => c.verdict === 'breaking')).length;
  const suiteName = `apicompat ${r.base.source} -> ${r.revision.source}`;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'apicompat', tests: cases.length, failures: failing, errors: 0 });
  const suite = root.ele('testsuite', { name: suiteName, tests: cases.length, failures: failing, errors: 0, skipped: 0 });
  suite.ele('properties').ele('property', { name: 'policy', value: r.policy.name }).up();
  for (const op of cases) {
    const tc = suite.ele('testcase', { name: op, classname: `apicompat.${r.policy.name}` });
    const list = byOp.get(op) ?? [];
    for (const c of list.filter((x) => x.verdict === 'breaking')) {
      tc.ele('failure', { message: `${c.rule}: ${c.message}`, type: c.rule }).txt(`${c.message}\nat ${formatPlace(c)}${c.reason ? `\n${c.reason}` : ''}`);
    }
    const review = list.filter((x) => x.verdict === 'review');
    if (review.length) tc.ele('system-out').txt(review.map((c) => `needs review: ${c.rule}: ${c.message} (${formatPlace(c)})`).join('\n'));
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
