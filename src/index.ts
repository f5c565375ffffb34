/** Public API of apicompat. */
export { check, checkSpecs, summarise, type CheckOptions, type CheckResult, type CheckSummary, type VersionInfo } from './check.js';
export { ApicompatError, EXIT, type ExitCode, type SourceLocation } from './errors.js';
export type { Change, Direction, Verdict, BuiltinPolicyName } from './types.js';
export { loadSpec, Spec, type LoadOptions, type SpecDocument, type NodeRef, type SpecWarning } from './load/spec.js';
export { buildModel } from './model/build.js';
export type { ApiModel, OperationModel } from './model/types.js';
export { diffSpecs, type DiffResult, type DiffOptions } from './diff/engine.js';
export type { Delta } from './diff/delta.js';
export { loadMapping } from './diff/mapping-file.js';
export { loadPolicy, builtinPolicy, verdictFor, type Policy, type PolicyClause } from './policy/policy.js';
export { loadIgnoreFile, applyIgnores, type IgnoreEntry } from './policy/ignore.js';
export { Classifier } from './policy/classify.js';
export { loadRules } from './rules/registry.js';
export { defineRule, defineTransition, type Rule, type RuleContext } from './rules/define.js';
export { renderText } from './render/text.js';
export { renderJson, toJson } from './render/json.js';
export { renderMarkdown } from './render/markdown.js';
export * as fuzz from './fuzz/index.js';
export { runSeries, renderSeriesMarkdown, renderSeriesJson, seriesToJson, terminalProgress, type SeriesOptions, type SeriesResult, type SeriesVersion, type SeriesSummary, type SeriesOrder, type SeriesFlag, type FlagCode } from './changelog/series.js';
export { changelog, changelogSpecs, buildChangelog, type Changelog, type ChangelogLine, type ChangelogGroup, type ChangelogOptions, type TriggerRow } from './changelog/guide.js';
/** Webhook signers and the verifiers a production handler can use (no test framework loaded). */
export * from './suites/signers.js';
