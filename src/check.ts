/** The main job: load two versions, diff them, classify every change against a policy. */
import { diffSpecs, type DiffResult } from './diff/engine.js';
import { loadMapping } from './diff/mapping-file.js';
import { EXIT, type ExitCode } from './errors.js';
import { equalEntries, loadSpec, validateSpec, type LoadOptions, type Spec, type SpecWarning } from './load/spec.js';
import { Classifier, locateChanges } from './policy/classify.js';
import { fingerprintChanges } from './policy/fingerprint.js';
import { excludedOperations, filterChanges, hasFilters, type OperationFilters } from './policy/filters.js';
import { applyIgnores, loadIgnoreFile, type IgnoreEntry } from './policy/ignore.js';
import { loadPolicy, type Policy } from './policy/policy.js';
import { loadRules } from './rules/registry.js';
import type { Change, Verdict } from './types.js';

export interface CheckOptions extends LoadOptions {
  /** Built-in policy name or policy file path (default: strict). */
  policy?: string;
  ignoreFile?: string;
  mappingFile?: string;
  /** Date used for ignore-file expiry (YYYY-MM-DD, default today). */
  today?: string;
  /** Fill line and column of every change (default true; false saves building position indexes). */
  locate?: boolean;
  /** Operations to report on (path globs or regexes, tags, x-internal). */
  filters?: OperationFilters;
}

export interface VersionInfo {
  source: string;
  format: string;
  infoVersion?: string;
  title?: string;
}

export interface CheckSummary {
  breaking: number;
  review: number;
  compatible: number;
  ignored: number;
  total: number;
}

export interface CheckResult {
  base: VersionInfo;
  revision: VersionInfo;
  policy: { name: string; base: string; file?: string };
  changes: Change[];
  warnings: Array<SpecWarning & { version: 'base' | 'revision' }>;
  expiredIgnores: IgnoreEntry[];
  summary: CheckSummary;
  exitCode: ExitCode;
  /** Every operation and webhook compared or found on one side only (display names, sorted). */
  operations: string[];
}

export function summarise(changes: Change[]): CheckSummary {
  const s: CheckSummary = { breaking: 0, review: 0, compatible: 0, ignored: 0, total: changes.length };
  for (const c of changes) {
    if (c.ignored) s.ignored++;
    else s[c.verdict as Verdict]++;
  }
  return s;
}

function versionInfo(spec: Spec, diff: DiffResult['base']): VersionInfo {
  return {
    source: spec.display,
    format: spec.version === '2.0' ? 'swagger 2.0' : `openapi ${spec.version}`,
    ...(diff.model.infoVersion !== undefined ? { infoVersion: diff.model.infoVersion } : {}),
    ...(diff.model.title !== undefined ? { title: diff.model.title } : {}),
  };
}

/** Compares two loaded specs (use this to reuse loaded specs across many comparisons). */
export async function checkSpecs(base: Spec, rev: Spec, opts: CheckOptions & { policyObject?: Policy } = {}): Promise<CheckResult> {
  const rules = await loadRules();
  const policy = opts.policyObject ?? loadPolicy(opts.policy ?? 'strict', rules, opts.cwd);
  const mapping = opts.mappingFile ? loadMapping(opts.mappingFile, opts.cwd) : undefined;
  const diff = await diffSpecs(base, rev, mapping ? { mapping } : {});
  let changes = new Classifier(rules, policy).classify(diff);
  const excluded = hasFilters(opts.filters) ? excludedOperations(diff, opts.filters) : undefined;
  if (excluded) {
    changes = filterChanges(changes, excluded);
    // The version-bump finding speaks of breaking changes: none left, nothing to say.
    if (!changes.some((c) => c.verdict === 'breaking')) changes = changes.filter((c) => c.rule !== 'info-version-bump-insufficient');
  }
  fingerprintChanges(changes);
  let expired: IgnoreEntry[] = [];
  if (opts.ignoreFile) expired = applyIgnores(changes, loadIgnoreFile(opts.ignoreFile, rules, opts.cwd), opts.today);
  if (opts.locate !== false) locateChanges(changes);
  const summary = summarise(changes);
  return {
    base: versionInfo(base, diff.base),
    revision: versionInfo(rev, diff.rev),
    policy: { name: policy.name, base: policy.base, ...(policy.file ? { file: policy.file } : {}) },
    changes,
    warnings: [...base.warnings.map((w) => ({ ...w, version: 'base' as const })), ...rev.warnings.map((w) => ({ ...w, version: 'revision' as const }))],
    expiredIgnores: expired,
    summary,
    exitCode: summary.breaking > 0 ? EXIT.breaking : EXIT.ok,
    operations: operationNames(diff).filter((o) => !excluded?.has(o)),
  };
}

function operationNames(diff: DiffResult): string[] {
  const names = new Set<string>();
  for (const side of [diff.base.model, diff.rev.model]) for (const o of [...side.operations.values(), ...side.webhooks.values()]) names.add(o.display);
  // An operation matched across a rename or move is named as the revision names it.
  for (const m of diff.matched) {
    names.delete(m.base.display);
    names.add(m.rev.display);
  }
  return [...names].sort();
}

/** Loads both versions (paths or `<git-ref>:<path>`) and checks them. */
export async function check(basePath: string, revPath: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const deferred = { ...opts, deferValidation: true };
  const [base, rev] = await Promise.all([loadSpec(basePath, deferred), loadSpec(revPath, deferred)]);
  if (!opts.skipValidation) {
    // What the base shares with the revision is validated once, as part of the revision.
    validateSpec(base, equalEntries(base, rev));
    validateSpec(rev);
  }
  return checkSpecs(base, rev, opts);
}
