/** Migration guide as JSON: the same sections and lines the Markdown and HTML guides show. */
import type { Changelog, ChangelogLine } from '../changelog/guide.js';

const lineJson = (l: ChangelogLine): object => ({
  kind: l.kind,
  rule: l.rule,
  verdict: l.verdict,
  ...(l.reason ? { reason: l.reason } : {}),
  subject: l.subject,
  baseSubject: l.baseSubject ?? null,
  from: l.from,
  to: l.to,
  text: l.text,
  operations: l.operations,
  location: l.location,
  ...(l.baseLocation ? { baseLocation: l.baseLocation } : {}),
});

export function changelogToJson(c: Changelog): object {
  return {
    base: c.base,
    revision: c.revision,
    policy: c.policy,
    summary: c.summary,
    resources: c.resources.map((g) => ({ name: g.name, lines: g.lines.map(lineJson) })),
    schemas: c.schemas.map((g) => ({ name: g.name, baseName: g.baseName ?? null, lines: g.lines.map(lineJson) })),
    webhooks: { triggers: c.webhooks.triggers, lines: c.webhooks.lines.map(lineJson) },
  };
}

export function renderChangelogJson(c: Changelog): string {
  return `${JSON.stringify(changelogToJson(c), null, 2)}\n`;
}
