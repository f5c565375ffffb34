/** Rule documentation generated from rule metadata (docs/rules/*.md); a test fails when it drifts. */
import type { Rule } from './define.js';
import { renderRuleTable } from '../render/rules.js';

export function ruleDoc(r: Rule): string {
  const lines = [
    `# \`${r.id}\``,
    '',
    r.summary,
    '',
    ...(r.description ? [r.description, ''] : []),
    '| | |',
    '| --- | --- |',
    `| Direction | ${r.direction} |`,
    `| Area | ${r.area} |`,
    `| Kind | ${r.type === 'transition' ? 'transition (claims several low-level differences as one change)' : 'single difference'} |`,
    `| Verdict under \`strict\` | ${r.verdict.strict} |`,
    `| Verdict under \`tolerant-reader\` | ${r.verdict['tolerant-reader']} |`,
    ...(r.policyClause ? [`| Allowed by clause | \`${r.policyClause}\` |`] : []),
    ...(r.toleratedBy ? [`| Tolerance evolution | \`${r.toleratedBy}\` |`] : []),
    ...(r.aliases?.length ? [`| Former ids | ${r.aliases.map((a) => `\`${a}\``).join(', ')} |`] : []),
    `| Message | ${r.message.replace(/\|/g, '\\|')} |`,
    '',
    `Example: [\`fixtures/rules/${r.id}/\`](../../fixtures/rules/${r.id}/) holds a base and a revision that show this change.`,
    '',
  ];
  return lines.join('\n');
}

export function ruleIndex(rules: Rule[]): string {
  return [
    '# Rule catalog',
    '',
    'Generated from the rule files in `src/rules/catalog/` by `npm run docs:rules`; do not edit by hand.',
    '',
    'Direction tells who reads the data: `request` (the provider), `response` and `webhook` (the client), `any` (operation-level).',
    'Rules with direction `response` also apply to webhook payloads.',
    '',
    renderRuleTable(rules, 'markdown').trimEnd(),
    '',
  ].join('\n');
}

/** All generated files: relative path under docs/rules -> content. */
export function generatedRuleDocs(rules: Rule[]): Map<string, string> {
  const out = new Map<string, string>();
  out.set('README.md', ruleIndex(rules));
  for (const r of rules) out.set(`${r.id}.md`, ruleDoc(r));
  return out;
}
