/**
 * Deltas -> changes: transition rules claim their groups first, then each remaining delta goes to
 * the most specific rule that accepts it; a delta no rule accepts becomes `unclassified-change`
 * (verdict review), so nothing found is ever dropped. Verdicts come from the policy.
 */
import semver from 'semver';
import type { Delta, DeltaArgs, Place } from '../diff/delta.js';
import type { SpecDocument } from '../load/spec.js';
import type { OperationModel } from '../model/types.js';
import type { DiffResult } from '../diff/engine.js';
import type { SourceLocation } from '../errors.js';
import { renderMessage, type DeltaRule, type Rule, type RuleContext, type TransitionRule } from '../rules/define.js';
import { VERDICT_ORDER, worstVerdict, type Change } from '../types.js';
import { verdictFor, type Policy } from './policy.js';

export const UNCLASSIFIED = 'unclassified-change';

/** Where each change came from, for locating it later without a search. */
const ORIGIN = new WeakMap<Change, { main: Place; base?: Place }>();

function directionMatches(rule: Rule, d: Delta): 0 | 1 | 2 {
  if (rule.direction === d.direction) return 2;
  if (rule.direction === 'any') return 1;
  if (rule.direction === 'response' && d.direction === 'webhook') return 1;
  return 0;
}

export class Classifier {
  private readonly byKind = new Map<string, DeltaRule[]>();
  private readonly transitions: TransitionRule[];
  private readonly byId = new Map<string, Rule>();

  constructor(
    readonly rules: Rule[],
    readonly policy: Policy,
  ) {
    for (const r of rules) {
      this.byId.set(r.id, r);
      if (r.type !== 'delta') continue;
      for (const k of r.on) {
        const list = this.byKind.get(k) ?? [];
        list.push(r);
        this.byKind.set(k, list);
      }
    }
    for (const list of this.byKind.values()) list.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.id.localeCompare(b.id));
    this.transitions = rules.filter((r): r is TransitionRule => r.type === 'transition').sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.id.localeCompare(b.id));
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  classify(diff: DiffResult): Change[] {
    const ctx: RuleContext = { base: diff.base.spec, rev: diff.rev.spec, maxIdLength: this.policy.maxIdLength, baseViews: diff.base.views, revViews: diff.rev.views, ...(diff.mapping ? { mapping: diff.mapping } : {}) };
    let remaining = diff.deltas;
    const changes: Change[] = [];
    for (const t of this.transitions) {
      const kinds = new Set(t.claims);
      const candidates = remaining.filter((d) => kinds.has(d.kind));
      if (!candidates.length) continue;
      const claimed = new Set<Delta>();
      for (const m of t.group(candidates, ctx)) {
        if (m.claimed.some((d) => claimed.has(d))) continue;
        for (const d of m.claimed) claimed.add(d);
        changes.push(this.change(t, m.at, m.args, diff));
      }
      if (claimed.size) remaining = remaining.filter((d) => !claimed.has(d));
    }
    for (const d of remaining) {
      const candidates = (this.byKind.get(d.kind) ?? []).filter((r) => directionMatches(r, d) > 0);
      candidates.sort((a, b) => directionMatches(b, d) - directionMatches(a, d) || (b.priority ?? 0) - (a.priority ?? 0));
      const rule = candidates.find((r) => !r.when || r.when(d, ctx)) ?? this.byId.get(UNCLASSIFIED);
      if (!rule) continue;
      changes.push(this.change(rule, d, rule.id === UNCLASSIFIED ? { ...d.args, kind: d.kind } : d.args, diff));
    }
    const version = this.versionCheck(diff, changes);
    if (version) changes.push(version);
    return sortChanges(dedupe(changes));
  }

  private change(rule: Rule, d: Delta, args: DeltaArgs, _diff: DiffResult): Change {
    const { verdict, reason } = verdictFor(rule, this.policy);
    const main = d.rev ?? d.base!;
    const location: SourceLocation = { file: main.doc.display, pointer: main.pointer };
    const c: Change = {
      rule: rule.id,
      verdict,
      direction: d.direction,
      pointer: main.pointer,
      location,
      args: { ...args },
      message: renderMessage(rule.message, { ...args, pointer: main.pointer }),
      reason,
    };
    if (d.operations && d.operations.length > 1) {
      const names = this.sortedNames(d.operations);
      c.operation = names[0]!;
      if (names.length > 1) c.operations = names;
    } else {
      const op = d.operation ?? d.baseOperation;
      if (op) c.operation = op.display;
    }
    if (d.rev && d.base) c.baseLocation = { file: d.base.doc.display, pointer: d.base.pointer };
    ORIGIN.set(c, { main, ...(d.rev && d.base ? { base: d.base } : {}) });
    return c;
  }

  /** All operation names met so far, sorted, and each operation's place in that list (for sortedNames). */
  private byRank: string[] = [];
  private rankOf = new Map<OperationModel, number>();

  /**
   * The distinct names of operations, sorted. A shared schema's change lists hundreds of
   * operations: they are ranked once by name, and each list is sorted by rank.
   */
  private sortedNames(ops: OperationModel[]): string[] {
    if (ops.some((o) => !this.rankOf.has(o))) {
      const names = new Set(this.byRank);
      for (const o of ops) names.add(o.display);
      this.byRank = [...names].sort();
      const at = new Map(this.byRank.map((n, k) => [n, k]));
      for (const o of [...this.rankOf.keys(), ...ops]) this.rankOf.set(o, at.get(o.display)!);
    }
    const ranks = new Int32Array(ops.length);
    for (let i = 0; i < ops.length; i++) ranks[i] = this.rankOf.get(ops[i]!)!;
    ranks.sort();
    const out: string[] = [];
    for (let i = 0; i < ranks.length; i++) if (i === 0 || ranks[i] !== ranks[i - 1]) out.push(this.byRank[ranks[i]!]!);
    return out;
  }

  /** info.version against the worst verdict: a breaking change needs a major bump. */
  private versionCheck(diff: DiffResult, changes: Change[]): Change | undefined {
    const rule = this.byId.get('info-version-bump-insufficient');
    const from = diff.base.model.infoVersion;
    const to = diff.rev.model.infoVersion;
    if (!rule || !from || !to) return undefined;
    const worst = worstVerdict(changes.filter((c) => !c.ignored).map((c) => c.verdict));
    if (worst !== 'breaking') return undefined;
    const a = semver.coerce(from);
    const b = semver.coerce(to);
    if (!a || !b) return undefined;
    const bumped = a.major === 0 ? b.major > 0 || b.minor > a.minor : b.major > a.major;
    if (bumped) return undefined;
    const infoPointer = '/info/version';
    const d: Delta = { kind: 'info.version.bump-insufficient', direction: 'none', args: { from, to }, rev: { doc: diff.rev.spec.root, pointer: infoPointer }, base: { doc: diff.base.spec.root, pointer: infoPointer } };
    return this.change(rule, d, d.args, diff);
  }
}

function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const k = `${c.rule}\u0000${c.operation ?? ''}\u0000${c.pointer}\u0000${c.direction}\u0000${JSON.stringify(c.args)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortChanges(changes: Change[]): Change[] {
  return changes.sort(
    (a, b) =>
      VERDICT_ORDER[b.verdict] - VERDICT_ORDER[a.verdict] ||
      (a.operation ?? '').localeCompare(b.operation ?? '') ||
      a.rule.localeCompare(b.rule) ||
      a.pointer.localeCompare(b.pointer) ||
      JSON.stringify(a.args).localeCompare(JSON.stringify(b.args)),
  );
}

/** Fills line/column of every change's locations, one pass per document. */
export function locateChanges(changes: Change[]): void {
  const wanted = new Map<SpecDocument, Set<string>>();
  const want = (p: Place | undefined): void => {
    if (!p) return;
    let set = wanted.get(p.doc);
    if (!set) wanted.set(p.doc, (set = new Set()));
    set.add(p.pointer);
  };
  for (const c of changes) {
    const o = ORIGIN.get(c);
    want(o?.main);
    want(o?.base);
  }
  const found = new Map<SpecDocument, Map<string, { line: number; column: number }>>();
  for (const [doc, pointers] of wanted) found.set(doc, doc.positions.locateMany(pointers));
  const fill = (loc: SourceLocation | undefined, p: Place | undefined): void => {
    if (!loc || !p) return;
    const lc = found.get(p.doc)?.get(p.pointer);
    if (lc) {
      loc.line = lc.line;
      loc.column = lc.column;
    }
  };
  for (const c of changes) {
    const o = ORIGIN.get(c);
    fill(c.location, o?.main);
    fill(c.baseLocation, o?.base);
  }
}
