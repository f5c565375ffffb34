import type { Rule } from '../rules/define.js';

export function ruleRow(r: Rule): { id: string; direction: string; area: string; strict: string; tolerantReader: string; summary: string; policyClause?: string; toleratedBy?: string; kind: string } {
  return {
    id: r.id,
    direction: r.direction,
    area: r.area,
    strict: r.verdict.strict,
    tolerantReader: r.verdict['tolerant-reader'],
    summary: r.summary,
    ...(r.policyClause ? { policyClause: r.policyClause } : {}),
    ...(r.toleratedBy ? { toleratedBy: r.toleratedBy } : {}),
    kind: r.type,
  };
}

export function renderRuleTable(rules: Rule[], format: 'text' | 'json' | 'markdown'): string {
  const rows = rules.map(ruleRow);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'markdown') {
    const lines = ['| Rule | Direction | strict | tolerant-reader | Summary |', '| --- | --- | --- | --- | --- |'];
    for (const r of rows) lines.push(`| [\`${r.id}\`](${r.id}.md) | ${r.direction} | ${r.strict} | ${r.tolerantReader} | ${r.summary.replace(/\|/g, '\\|')} |`);
    return `${lines.join('\n')}\n`;
  }
  const w = Math.max(...rows.map((r) => r.id.length), 4);
  const lines = [`${'RULE'.padEnd(w)}  DIRECTION  STRICT      TOLERANT    SUMMARY`];
  for (const r of rows) lines.push(`${r.id.padEnd(w)}  ${r.direction.padEnd(9)}  ${r.strict.padEnd(10)}  ${r.tolerantReader.padEnd(10)}  ${r.summary}`);
  return `${lines.join('\n')}\n${rows.length} rules.\n`;
}
