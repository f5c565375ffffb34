/**
 * SARIF 2.1.0 output (code scanning): one result per change, located in the spec file that holds
 * it, with the rule's help text and a link to its page under docs/rules. Changes an ignore file
 * accepted are results with an external suppression carrying its reason.
 */
import path from 'node:path';
import type { CheckResult } from '../check.js';
import type { Rule } from '../rules/define.js';
import type { Verdict } from '../types.js';
import { annotationPlace, groupChanges } from './group.js';

export const RULE_DOCS_BASE = 'https://apicompat.dev/docs/rules/';
const LEVEL: Record<Verdict, 'error' | 'warning' | 'note'> = { breaking: 'error', review: 'warning', compatible: 'note' };

/** A file path as a SARIF artifact URI: relative to the working directory when under it. */
function artifactUri(file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs.split(path.sep).join('/');
  return encodeURI(p).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

export interface SarifOptions {
  cwd?: string;
  toolVersion?: string;
}

export function toSarif(r: CheckResult, rules: Rule[], opts: SarifOptions = {}): object {
  const cwd = opts.cwd ?? process.cwd();
  const byId = new Map(rules.map((x) => [x.id, x]));
  const used: string[] = [];
  const index = new Map<string, number>();
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      index.set(id, (i = used.length));
      used.push(id);
    }
    return i;
  };
  const results = groupChanges(r.changes).map((g) => {
    const c = g.first;
    const place = annotationPlace(c);
    const region = place.line !== undefined ? { region: { startLine: place.line, startColumn: place.column ?? 1 } } : {};
    return {
      ruleId: c.rule,
      ruleIndex: ruleIndex(c.rule),
      level: LEVEL[c.verdict],
      message: { text: c.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: artifactUri(place.file, cwd) }, ...region },
          ...(g.operations.length ? { logicalLocations: g.operations.map((o) => ({ name: o, kind: 'function' })) } : {}),
        },
      ],
      ...(c.fingerprint ? { partialFingerprints: { 'apicompatChange/v1': c.fingerprint } } : {}),
      ...(c.ignored ? { suppressions: [{ kind: 'external', justification: c.ignored.reason }] } : {}),
      properties: { verdict: c.verdict, direction: c.direction, pointer: c.pointer, operations: g.operations, ...(c.reason ? { reason: c.reason } : {}) },
    };
  });
  const driverRules = used.map((id) => {
    const rule = byId.get(id);
    const help = rule ? `${rule.summary}${rule.description ? `\n\n${rule.description}` : ''}` : id;
    return {
      id,
      shortDescription: { text: rule?.summary ?? id },
      ...(rule?.description ? { fullDescription: { text: rule.description } } : {}),
      help: { text: help, markdown: help },
      helpUri: `${RULE_DOCS_BASE}${id}.md`,
      ...(rule ? { defaultConfiguration: { level: LEVEL[rule.verdict.strict] }, properties: { direction: rule.direction, area: rule.area, verdicts: rule.verdict } } : {}),
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'apicompat', informationUri: 'https://apicompat.dev/', ...(opts.toolVersion ? { version: opts.toolVersion } : {}), rules: driverRules } },
        results,
        properties: { policy: r.policy.name, base: r.base.source, revision: r.revision.source, summary: r.summary },
      },
    ],
  };
}

export function renderSarif(r: CheckResult, rules: Rule[], opts: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(r, rules, opts), null, 2)}\n`;
}
