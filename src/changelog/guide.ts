/**
 * Migration guide between two versions: the classified changes of `check`, regrouped for people.
 *
 * - Changes located in a named component schema go under "Schema changes", once per schema,
 *   however many operations reach it.
 * - Changes of webhook payloads that are not in a component, and trigger renames, go under
 *   "Webhooks", beside a table mapping every old trigger to its new name.
 * - Everything else goes under its resource: the first tag of the operation, or its path family.
 *
 * Each line is one change as the rules see it; transition rules already merged the composite ones
 * (a rename, a move into a sub-object, PUT -> PATCH, offset -> cursor pagination...) into one.
 */
import { checkSpecs, type CheckOptions, type CheckSummary, type VersionInfo } from '../check.js';
import { loadSpec, type Spec } from '../load/spec.js';
import { buildModel } from '../model/build.js';
import type { OperationModel } from '../model/types.js';
import type { Policy } from '../policy/policy.js';
import { VERDICT_ORDER, type Change, type SourceLocation, type Verdict } from '../types.js';
import { getAtPointer, parsePointer } from '../util/json-pointer.js';
import { pathShape } from '../diff/match.js';

export type ChangelogSection = 'resource' | 'schema' | 'webhook';

export interface ChangelogLine {
  section: ChangelogSection;
  /** Resource, schema or webhook trigger the line is listed under. */
  group: string;
  /** The kind of change, e.g. `property-renamed`, `method-changed` (the rule id without its direction). */
  kind: string;
  /** Rule that classified the change. */
  rule: string;
  verdict: Verdict;
  /** Why the policy gave this verdict, when it says. */
  reason?: string;
  /** Plain-text description (renderers escape it). */
  text: string;
  /** What the line is about: a schema name, `METHOD /path`, or a webhook trigger (revision side). */
  subject: string;
  /** The same subject in the base version, when it had another name. */
  baseSubject?: string;
  /** Old and new names, paths or values the line is about (property paths use dots and `[]`). */
  from: string[];
  to: string[];
  /** Operations and webhooks affected. */
  operations: string[];
  location: SourceLocation;
  baseLocation?: SourceLocation;
}

export interface ChangelogGroup {
  name: string;
  /** Base-version name of a schema renamed between the versions. */
  baseName?: string;
  lines: ChangelogLine[];
}

export interface TriggerRow {
  from: string | null;
  to: string | null;
  verdict: Verdict;
  rule: string;
  /** Payload changes listed for the new trigger. */
  payloadChanges: number;
}

export interface Changelog {
  base: VersionInfo;
  revision: VersionInfo;
  policy: { name: string; base: string; file?: string };
  summary: CheckSummary;
  resources: ChangelogGroup[];
  schemas: ChangelogGroup[];
  webhooks: { triggers: TriggerRow[]; lines: ChangelogLine[] };
  /** Every line, in the order the sections list them. */
  lines: ChangelogLine[];
}

export type ChangelogOptions = CheckOptions;

/** Kind names for rules whose id does not read well once the direction is dropped. */
const KIND_BY_RULE: Record<string, string> = {
  'operation-path-changed': 'operation-renamed',
  'operation-method-changed': 'method-changed',
  'request-pagination-changed': 'pagination-changed',
  'response-error-shape-changed': 'error-shape-changed',
  'response-timestamp-became-date-string': 'timestamp-to-date-string',
  'request-path-parameter-renamed': 'parameter-renamed',
  'request-property-moved-to-path': 'property-moved',
  'response-optional-property-removed': 'property-removed',
  'response-reshaped-properties-removed': 'property-removed',
  'request-required-property-added': 'property-added',
  'request-required-parameter-added': 'parameter-added',
  'response-limit-tightened': 'limit-changed',
  'response-limit-relaxed': 'limit-changed',
  'request-limit-tightened': 'limit-changed',
  'request-limit-relaxed': 'limit-changed',
};

export function changeKind(rule: string): string {
  return KIND_BY_RULE[rule] ?? rule.replace(/^(request|response|webhook)-(?=.*-)/, '');
}

const SCHEMA_POINTER = /^\/components\/schemas\/([^/]+)/;
const DEFINITIONS_POINTER = /^\/definitions\/([^/]+)/;

function schemaOf(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const m = SCHEMA_POINTER.exec(pointer) ?? DEFINITIONS_POINTER.exec(pointer);
  return m ? parsePointer(`/${m[1]!}`)[0] : undefined;
}

/** `a.b[].c` for the property a pointer stands for, relative to its schema (or operation). */
export function propertyPath(pointer: string): string {
  const tokens = parsePointer(pointer);
  let start = 0;
  const s = tokens.indexOf('schema');
  if (tokens[0] === 'components' || tokens[0] === 'definitions') start = tokens[0] === 'components' ? 3 : 2;
  else if (s >= 0) start = s + 1;
  let out = '';
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'properties' && i + 1 < tokens.length) {
      out += `${out ? '.' : ''}${tokens[++i]!}`;
    } else if (t === 'items') out += '[]';
  }
  return out;
}

const join = (parent: string, name: string): string => (parent ? (name.startsWith('[]') ? `${parent}${name}` : `${parent}.${name}`) : name);
const list = (v: unknown): string[] =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Old and new names a change is about, as property paths where it is about properties. */
function fromTo(c: Change): { from: string[]; to: string[] } {
  const a = c.args;
  const here = propertyPath(c.pointer);
  const parent = here.includes('.') ? here.slice(0, here.lastIndexOf('.')) : '';
  const kind = changeKind(c.rule);
  if (kind === 'property-removed' && a['fields'] !== undefined) {
    // Fields removed where an array became an object: named where they were (`postbacks[].message`).
    const was = c.baseLocation?.pointer ? propertyPath(c.baseLocation.pointer) : '';
    const holder = was.includes('.') ? was.slice(0, was.lastIndexOf('.')) : '';
    return { from: list(a['fields']).map((f) => join(holder, f)), to: [] };
  }
  switch (kind) {
    case 'property-renamed':
    case 'error-shape-changed':
      return { from: list(a['from']).map((f) => join(parent, f)), to: list(a['to']).map((t) => join(parent, t)) };
    case 'property-moved': {
      // Body fields replaced by a path parameter: the fields, and the parameter.
      if (a['parameter'] !== undefined) return { from: list(a['fields']), to: [String(a['parameter'])] };
      const fields = list(a['fields']);
      const targets = a['targets'] !== undefined ? list(a['targets']) : fields;
      const into = String(a['into']);
      return { from: fields.map((f) => join(parent, f)), to: targets.map((f) => join(join(parent, into), f)) };
    }
    case 'timestamp-to-date-string':
      return { from: [here], to: [here] };
    case 'limit-changed':
      return { from: c.baseLocation?.pointer ? [propertyPath(c.baseLocation.pointer)].filter(Boolean) : [], to: here ? [here] : [] };
    case 'operation-renamed':
    case 'method-changed':
    case 'webhook-renamed':
    case 'parameter-renamed':
    case 'pagination-changed':
      return { from: list(a['from']), to: list(a['to']) };
    case 'enum-value-renamed': {
      // The values, and for the enum of a property also `property: value` (`role: appUser` ->
      // `type: user`), on each side.
      const f = list(a['from']);
      const t = list(a['to']);
      const was = c.baseLocation?.pointer ? propertyPath(c.baseLocation.pointer) : '';
      return { from: [...f, ...(was ? f.map((v) => `${was}: ${v}`) : [])], to: [...t, ...(here ? t.map((v) => `${here}: ${v}`) : [])] };
    }
    default: {
      if (a['property'] !== undefined) {
        const p = String(a['property']);
        const path = here.endsWith(p) ? here : join(here, p);
        return /removed/.test(kind) ? { from: [path], to: [] } : { from: [], to: [path] };
      }
      if (a['value'] !== undefined) {
        // The value, and for an enum of a property also `property: value`.
        const v = String(a['value']);
        const names = here ? [v, `${here}: ${v}`] : [v];
        return /removed/.test(kind) ? { from: names, to: [] } : { from: [], to: names };
      }
      if (a['name'] !== undefined) return /removed/.test(kind) ? { from: [String(a['name'])], to: [] } : { from: [], to: [String(a['name'])] };
      const f = a['from'] !== undefined ? [String(a['from'])] : [];
      const t = a['to'] !== undefined ? [String(a['to'])] : [];
      return { from: here && !f.length ? [here] : f, to: here && !t.length ? [here] : t };
    }
  }
}

function operationSubject(op: string | undefined, models: Map<string, OperationModel>): string {
  return op ? (models.get(op)?.display ?? op) : '';
}

/** Resource an operation belongs to: its first tag, else the first word of its path. */
function resourceOf(op: OperationModel | undefined, display: string | undefined): string {
  if (op?.tags.length) return op.tags[0]!;
  const path = op?.path ?? display?.replace(/^\S+\s+/, '') ?? '';
  const words = pathShape(path)
    .split('/')
    .filter((s) => s && s !== '{}');
  return words.length ? words[words.length > 1 && words[0] === 'apps' ? 1 : 0]! : 'General';
}

function webhookName(op: string | undefined): string | undefined {
  const m = /^webhook (\S+)/.exec(op ?? '');
  return m?.[1];
}

/** Builds the guide from a check result and the two loaded specs. */
export function buildChangelog(result: Awaited<ReturnType<typeof checkSpecs>>, base: Spec, rev: Spec): Changelog {
  const baseModel = buildModel(base);
  const revModel = buildModel(rev);
  const models = new Map<string, OperationModel>();
  for (const m of [baseModel, revModel]) for (const op of [...m.operations.values(), ...m.webhooks.values()]) models.set(op.display, op);

  // One line per distinct change; shared schemas reached by many operations collapse.
  const byKey = new Map<string, ChangelogLine>();
  const order: ChangelogLine[] = [];
  const limitParts = new Map<ChangelogLine, string[]>();
  for (const c of result.changes) {
    if (c.ignored) continue;
    const ops = c.operations?.length ? c.operations : c.operation ? [c.operation] : [];
    const schema = schemaOf(c.pointer) ?? (c.rule.endsWith('-removed') ? schemaOf(c.baseLocation?.pointer) : undefined);
    const baseSchema = schemaOf(c.baseLocation?.pointer);
    const hook = ops.map(webhookName).find((w) => w !== undefined);
    const section: ChangelogSection = schema ? 'schema' : hook !== undefined || c.rule.startsWith('webhook-') ? 'webhook' : 'resource';
    const opModel = models.get(ops[0] ?? '');
    const { from, to } = fromTo(c);
    const kind = changeKind(c.rule);
    let subject: string;
    let baseSubject: string | undefined;
    if (section === 'schema') {
      subject = schema!;
      if (baseSchema && baseSchema !== schema) baseSubject = baseSchema;
    } else if (section === 'webhook') {
      subject = hook ?? String(c.args['name'] ?? c.args['to'] ?? '');
      if (kind === 'webhook-renamed') baseSubject = String(c.args['from']);
    } else {
      subject = operationSubject(ops[0], models) || c.pointer;
      if (kind === 'operation-renamed') baseSubject = String(c.args['from']);
      if (kind === 'method-changed') baseSubject = `${String(c.args['from'])} ${String(c.args['basePath'] ?? c.args['path'])}`;
    }
    const group = section === 'schema' ? schema! : section === 'webhook' ? 'Webhooks' : c.operation ? resourceOf(opModel, ops[0]) : 'General';
    // The same change made to several operations of one resource (a security alternative, a shared
    // parameter) is one line listing them; changes whose message names the operation stay apart.
    const perOperation = section !== 'schema' && ops.some((o) => c.message.includes(o.replace(/^\S+\s+/, '')));
    // The limits a schema puts on its fields are one line per schema (`email` minLength none → 1,
    // maxLength none → 128; ...), whichever old schema each field came from.
    const limits = section === 'schema' && kind === 'limit-changed';
    // The same values of a schema's enum renamed, reached from several old enums (the component
    // `Role` of responses, the inline `role` of a request), are one line naming every old property.
    const enumRenames = section === 'schema' && kind === 'enum-value-renamed';
    const key = limits
      ? `${section}\u0000${kind}\u0000${subject}`
      : enumRenames
        ? `${section}\u0000${kind}\u0000${subject}\u0000${propertyPath(c.pointer)}\u0000${list(c.args['from']).sort().join(',')}\u0000${list(c.args['to']).sort().join(',')}`
        : section === 'resource' && !perOperation
        ? `${section}\u0000${group}\u0000${c.rule}\u0000${c.message}`
        : section === 'schema'
          ? // The same edit of a schema read both in requests and in responses, or reached from several
            // old schemas (AppUser and AppUserTruncated both became User), is one line (the worse verdict).
            `${section}\u0000${kind}\u0000${subject}\u0000${from.join(',')}\u0000${to.join(',')}\u0000${c.message}`
          : sameForEveryHook(c)
            ? `${section}\u0000${c.rule}\u0000${c.message}`
            : `${section}\u0000${c.rule}\u0000${c.pointer}\u0000${c.baseLocation?.pointer ?? ''}\u0000${c.message}\u0000${ops.join(',')}`;
    const known = byKey.get(key);
    if (known) {
      for (const o of ops) if (!known.operations.includes(o)) known.operations.push(o);
      if (VERDICT_ORDER[c.verdict] > VERDICT_ORDER[known.verdict]) {
        known.verdict = c.verdict;
        if (c.reason) known.reason = c.reason;
        else delete known.reason;
        if (limits) {
          if (baseSubject) known.baseSubject = baseSubject;
          else delete known.baseSubject;
        }
      }
      if (enumRenames) {
        for (const f of from) if (!known.from.includes(f)) known.from.push(f);
        for (const t of to) if (!known.to.includes(t)) known.to.push(t);
      }
      if (limits) {
        const parts = limitParts.get(known)!;
        const part = limitPart(c);
        if (!parts.includes(part)) {
          parts.push(part);
          known.text = `limits changed: ${parts.join('; ')}`;
          for (const f of from) if (!known.from.includes(f)) known.from.push(f);
          for (const t of to) if (!known.to.includes(t)) known.to.push(t);
        }
      }
      continue;
    }
    const line: ChangelogLine = {
      section,
      group,
      kind,
      rule: c.rule,
      verdict: c.verdict,
      ...(c.reason ? { reason: c.reason } : {}),
      text: describe(c, section, subject, baseSubject, from, to),
      subject,
      ...(baseSubject ? { baseSubject } : {}),
      from,
      to,
      operations: [...ops],
      location: c.location,
      ...(c.baseLocation ? { baseLocation: c.baseLocation } : {}),
    };
    if (limits) {
      limitParts.set(line, [limitPart(c)]);
      line.text = `limits changed: ${limitPart(c)}`;
    }
    byKey.set(key, line);
    order.push(line);
  }

  // A renamed field whose values are a component enum that renamed some of them (`Destination.type`
  // -> `integrationType`, both IntegrationType, where apn became ios): the schema holding the field
  // says which of its values changed, naming the enum, whose own line lists every operation.
  for (const c of result.changes) {
    if (c.ignored || changeKind(c.rule) !== 'property-renamed' || !c.baseLocation) continue;
    const schema = schemaOf(c.pointer);
    const revEnum = componentRef(rev, c.location.file, c.pointer);
    const baseEnum = componentRef(base, c.baseLocation.file, c.baseLocation.pointer ?? '');
    if (!schema || !revEnum || !baseEnum || schema === revEnum) continue;
    const renamed = result.changes.find(
      (e) => !e.ignored && changeKind(e.rule) === 'enum-value-renamed' && e.pointer === `/components/schemas/${revEnum}` && schemaOf(e.baseLocation?.pointer) === baseEnum,
    );
    if (!renamed) continue;
    const { from: was, to: now } = fromTo(c);
    if (was.length !== 1 || now.length !== 1) continue;
    const f = list(renamed.args['from']);
    const t = list(renamed.args['to']);
    const key = `schema\u0000enum-value-renamed\u0000${schema}\u0000${now[0]!}\u0000${f.join(',')}\u0000${t.join(',')}`;
    if (byKey.has(key)) continue;
    const line: ChangelogLine = {
      section: 'schema',
      group: schema,
      kind: 'enum-value-renamed',
      rule: renamed.rule,
      verdict: renamed.verdict,
      ...(renamed.reason ? { reason: renamed.reason } : {}),
      text: `values of \`${was[0]!}\` → \`${now[0]!}\` renamed: ${String(renamed.args['renames'] ?? f.map((v, i) => `${v} → ${t[i] ?? '?'}`).join(', '))} (enum \`${revEnum}\`)`,
      subject: schema,
      from: [...f, ...f.map((v) => `${was[0]!}: ${v}`)],
      to: [...t, ...t.map((v) => `${now[0]!}: ${v}`)],
      operations: c.operations?.length ? [...c.operations] : c.operation ? [c.operation] : [],
      location: c.location,
      baseLocation: c.baseLocation,
    };
    byKey.set(key, line);
    order.push(line);
  }

  // New component schemas, listed together: clients may want to model them. A new name that took
  // over from an older schema (User after AppUser) is listed too; its group says what it replaces.
  const baseSchemas = componentSchemas(base);
  const fresh = [...componentSchemas(rev)].filter((n) => !baseSchemas.has(n)).sort();
  if (fresh.length) {
    order.push({
      section: 'schema',
      group: NEW_SCHEMAS,
      kind: 'schema-added',
      rule: 'schema-added',
      verdict: 'compatible',
      text: `${fresh.length} new schema${fresh.length > 1 ? 's' : ''}: ${fresh.map((n) => `\`${n}\``).join(', ')}`,
      subject: NEW_SCHEMAS,
      from: [],
      to: fresh,
      operations: [],
      location: { file: rev.display, pointer: spec2Pointer(rev) },
    });
  }

  const groups = (section: ChangelogSection): ChangelogGroup[] => {
    const m = new Map<string, ChangelogGroup>();
    for (const l of order.filter((x) => x.section === section)) {
      let g = m.get(l.group);
      if (!g) m.set(l.group, (g = { name: l.group, lines: [] }));
      if (l.baseSubject && section === 'schema' && !g.baseName) g.baseName = l.baseSubject;
      g.lines.push(l);
    }
    const out = [...m.values()].sort((a, b) => Number(a.name === NEW_SCHEMAS) - Number(b.name === NEW_SCHEMAS) || a.name.localeCompare(b.name));
    for (const g of out) g.lines.sort(lineOrder);
    return out;
  };
  const resources = groups('resource');
  const schemas = groups('schema');
  const hookLines = order.filter((l) => l.section === 'webhook').sort((a, b) => a.subject.localeCompare(b.subject) || lineOrder(a, b));

  const triggers: TriggerRow[] = [];
  const payload = (name: string): number => hookLines.filter((l) => (l.subject === name || l.operations.includes(`webhook ${name}`)) && !/^webhook-/.test(l.rule)).length;
  const renamed = new Set<string>();
  for (const l of hookLines) {
    if (l.rule === 'webhook-renamed') {
      triggers.push({ from: l.baseSubject ?? l.from[0] ?? null, to: l.subject, verdict: l.verdict, rule: l.rule, payloadChanges: payload(l.subject) });
      renamed.add(l.baseSubject ?? '');
    } else if (l.rule === 'webhook-removed') triggers.push({ from: l.from[0] ?? l.subject, to: null, verdict: l.verdict, rule: l.rule, payloadChanges: 0 });
    else if (l.rule === 'webhook-added') triggers.push({ from: null, to: l.to[0] ?? l.subject, verdict: l.verdict, rule: l.rule, payloadChanges: payload(l.subject) });
  }
  for (const name of baseModel.webhooks.values()) {
    const n = name.eventName;
    if (n === undefined || renamed.has(n) || !revModel.webhooks.has(name.key)) continue;
    if (triggers.some((t) => t.from === n)) continue;
    triggers.push({ from: n, to: n, verdict: 'compatible', rule: 'unchanged', payloadChanges: payload(n) });
  }
  triggers.sort((a, b) => (a.from ?? '\uffff').localeCompare(b.from ?? '\uffff') || (a.to ?? '').localeCompare(b.to ?? ''));

  return {
    base: result.base,
    revision: result.revision,
    policy: result.policy,
    summary: result.summary,
    resources,
    schemas,
    webhooks: { triggers, lines: hookLines },
    lines: [...resources.flatMap((g) => g.lines), ...schemas.flatMap((g) => g.lines), ...hookLines],
  };
}

/** One limit of a merged limits line: `` `email` maxLength none → 128 ``. */
function limitPart(c: Change): string {
  const at = propertyPath(c.pointer);
  return `${at ? `\`${at}\` ` : ''}${String(c.args['keyword'])} ${String(c.args['from'])} → ${String(c.args['to'])}`;
}

/**
 * A change that reads the same for every webhook it is made to (a header, a security alternative,
 * the same field moved in every payload envelope) is one line listing the webhooks.
 */
const sameForEveryHook = (c: Change): boolean => !/^webhook-(added|removed|renamed)$/.test(c.rule);

/** Group of the line listing component schemas the revision adds. */
export const NEW_SCHEMAS = 'New schemas';

const spec2Pointer = (spec: Spec): string => (spec.version === '2.0' ? '/definitions' : '/components/schemas');

function lineOrder(a: ChangelogLine, b: ChangelogLine): number {
  return VERDICT_ORDER[b.verdict] - VERDICT_ORDER[a.verdict] || a.subject.localeCompare(b.subject) || a.kind.localeCompare(b.kind) || a.text.localeCompare(b.text);
}

/** The component schema the schema at `pointer` of the spec's root file is a local `$ref` to. */
function componentRef(spec: Spec, file: string | undefined, pointer: string): string | undefined {
  if (file !== spec.root.display) return undefined;
  const v = getAtPointer(spec.root.value, pointer);
  const ref = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)['$ref'] : undefined;
  const m = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return m ? parsePointer(`/${m[1]!}`)[0] : undefined;
}

function componentSchemas(spec: Spec): Set<string> {
  const root = spec.root.value as Record<string, unknown> | undefined;
  const holder = spec.version === '2.0' ? root?.['definitions'] : (root?.['components'] as Record<string, unknown> | undefined)?.['schemas'];
  return new Set(holder && typeof holder === 'object' ? Object.keys(holder) : []);
}

/** One sentence a reader can act on. */
function describe(c: Change, section: ChangelogSection, subject: string, baseSubject: string | undefined, from: string[], to: string[]): string {
  const kind = changeKind(c.rule);
  const pairs = (): string => from.map((f, i) => `\`${f}\` → \`${to[i] ?? to[to.length - 1] ?? '?'}\``).join(', ');
  switch (kind) {
    case 'property-renamed':
      return `${c.direction === 'request' ? 'request ' : ''}field ${pairs()} (renamed)`;
    case 'property-moved':
      if (c.args['parameter'] !== undefined) return `request body fields ${from.map((f) => `\`${f}\``).join(', ')} replaced by path parameter \`${String(c.args['parameter'])}\``;
      return `${c.direction === 'request' ? 'request ' : ''}fields moved into \`${String(c.args['into'])}\`: ${pairs()}`;
    case 'timestamp-to-date-string':
      return `\`${from[0] || subject}\`: unix timestamp (${String(c.args['from'])}) → ${String(c.args['toFormat'] || 'date')} string`;
    case 'error-shape-changed':
      return `error object \`${String(c.args['from'])}\` → array \`${String(c.args['to'])}\``;
    case 'operation-renamed':
      return `\`${String(c.args['from'])}\` → \`${String(c.args['to'])}\``;
    case 'method-changed':
      return `\`${String(c.args['path'])}\`: method ${String(c.args['from'])} → ${String(c.args['to'])}`;
    case 'webhook-renamed':
      return `trigger \`${String(c.args['from'])}\` → \`${String(c.args['to'])}\``;
    default: {
      const at = section === 'schema' ? propertyPath(c.pointer) : '';
      const where = at && !c.message.includes(at) ? ` (\`${at}\`)` : '';
      return `${c.message}${where}`;
    }
  }
}

/** Loads both versions and builds the guide. */
export async function changelog(basePath: string, revPath: string, opts: ChangelogOptions & { policyObject?: Policy } = {}): Promise<Changelog> {
  const [base, rev] = await Promise.all([loadSpec(basePath, opts), loadSpec(revPath, opts)]);
  return changelogSpecs(base, rev, opts);
}

/** Builds the guide for two loaded specs. */
export async function changelogSpecs(base: Spec, rev: Spec, opts: ChangelogOptions & { policyObject?: Policy } = {}): Promise<Changelog> {
  const result = await checkSpecs(base, rev, opts);
  return buildChangelog(result, base, rev);
}
