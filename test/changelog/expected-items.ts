/**
 * Matching the items of a provider's changelog (specs/<api>/expected-changes.yaml) against the
 * lines of our migration guide: same kind of change, same subject, same old and new names.
 */
import type { ChangelogLine } from '../../src/changelog/guide.js';

export interface ExpectedItem {
  id: string;
  kind: string;
  /** Schema name, "METHOD /path", webhook name (optionally "WEBHOOK name"), "#/components/schemas/X" or "*". */
  subject: string;
  fromSchema?: string;
  from: string | null;
  to: string | null;
  verdict: string;
}

/** Line kinds that express each kind of item. */
const KINDS: Record<string, string[]> = {
  'property-removed': ['property-removed', 'optional-property-removed'],
  'property-added': ['property-added', 'required-property-added'],
  'parameter-added': ['parameter-added', 'required-parameter-added'],
  'security-changed': ['security-requirement-added', 'security-requirement-removed', 'security-alternative-added', 'security-alternative-removed', 'security-alternative-replaced'],
};

const OPERATION = /^(GET|PUT|POST|PATCH|DELETE) (\/\S*)$/;

function sameOperation(display: string | undefined, wanted: string): boolean {
  const a = OPERATION.exec(display ?? '');
  const b = OPERATION.exec(wanted);
  return !!a && !!b && a[1] === b[1] && (a[2] === b[2] || a[2]!.endsWith(b[2]!));
}

function aboutSubject(l: ChangelogLine, e: ExpectedItem): boolean {
  const s = e.subject.replace(/^#\/components\/schemas\//, '');
  if (OPERATION.test(s)) return [l.subject, l.baseSubject, ...l.operations].some((o) => sameOperation(o, s));
  const hook = /^WEBHOOK (\S+)$/.exec(s)?.[1] ?? (s.includes(':') || s === '*' ? s : undefined);
  if (hook === '*') return l.section === 'webhook' || (l.operations.length > 0 && l.operations.every((o) => o.startsWith('webhook ')));
  if (e.kind === 'schema-added') return l.to.includes(s);
  const names = [l.subject, l.baseSubject];
  if (names.includes(hook ?? s) || (e.fromSchema !== undefined && names.includes(e.fromSchema))) return true;
  return hook !== undefined && l.operations.includes(`webhook ${hook}`);
}

/**
 * Every comma-separated name of `text` is among `values` (a dotted path may end with it). Prose in
 * brackets after the last name says where the names are (`sender, recipient (request body)`,
 * `conversationId (path)`): it is not a name.
 */
function covers(values: string[], text: string | null): boolean {
  if (text === null) return true;
  return text
    .replace(/\s+\([^()]*\)$/, '')
    .split(/,\s*/)
    .map((t) => t.trim())
    .every((t) => values.some((v) => v === t || v.endsWith(`.${t}`) || t.endsWith(`.${v}`) || sameOperation(v, t) || sameOperation(t, v)));
}

/** Kinds whose from/to name things we can compare (others describe them in prose). */
const NAMED = new Set(['property-renamed', 'property-moved', 'parameter-renamed', 'webhook-renamed', 'method-changed', 'operation-renamed', 'enum-value-added', 'enum-value-removed', 'enum-value-renamed']);

/**
 * The parameter or header an added-parameter or added-header item is about, when its prose names it
 * ("path parameter region (required...)", "X-Signature (required)"): a line adding another one is
 * another item.
 */
function addedName(e: ExpectedItem): string | undefined {
  if (e.to === null) return undefined;
  if (e.kind === 'parameter-added') return /^(?:path|query|header|cookie) parameter (\S+)/.exec(e.to)?.[1];
  if (e.kind === 'header-added') return /^(\S+)/.exec(e.to)?.[1];
  return undefined;
}

/** Kinds whose from/to name things only when they are plain property paths (not prose). */
const NAMED_WHEN_PLAIN = new Set(['property-removed']);
const PLAIN_PATH = /^[\w$]+(\[\])?(\.[\w$]+(\[\])?)*$/;
/** Plain property paths: one, or a comma-separated list of them (`postbacks[].message, postbacks[].action`). */
const PLAIN = { test: (text: string): boolean => text.split(/,\s*/).every((t) => PLAIN_PATH.test(t)) };

/**
 * A property-added item whose `to` is a plain path is about that property: the line adds it, or
 * adds the new property that brings it (`events` brings `events[].payload.creationReason`).
 */
function addsProperty(l: ChangelogLine, e: ExpectedItem): boolean {
  if (e.kind !== 'property-added' || e.to === null || !PLAIN.test(e.to)) return true;
  const t = e.to;
  return covers(l.to, t) || l.to.some((v) => t.startsWith(`${v}.`) || t.startsWith(`${v}[]`));
}

export function linesFor(lines: ChangelogLine[], e: ExpectedItem): ChangelogLine[] {
  const kinds = KINDS[e.kind] ?? [e.kind];
  const added = addedName(e);
  return lines.filter(
    (l) =>
      kinds.includes(l.kind) &&
      aboutSubject(l, e) &&
      (!NAMED.has(e.kind) || (covers(l.from, e.from) && covers(l.to, e.to))) &&
      (!NAMED_WHEN_PLAIN.has(e.kind) || ((e.from === null || !PLAIN.test(e.from) || covers(l.from, e.from)) && (e.to === null || !PLAIN.test(e.to) || covers(l.to, e.to)))) &&
      (added === undefined || l.to.includes(added)) &&
      addsProperty(l, e),
  );
}
