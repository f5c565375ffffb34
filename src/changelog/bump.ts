/**
 * How info.version moved between two versions of a series, and whether that move agrees with
 * the changes found. A "major" bump is the one that announces breaking changes: the major
 * number, or the minor number while the major is 0 (the same reading as the
 * info-version-bump-insufficient rule of `check`).
 */
import semver from 'semver';
import type { CheckSummary } from '../check.js';

export type BumpKind = 'major' | 'minor' | 'patch' | 'prerelease' | 'none' | 'decreased' | 'unknown';

export type FlagCode = 'breaking-without-major' | 'major-without-change' | 'version-not-bumped' | 'version-decreased';

/** `mismatch`: the version number contradicts the changes; `notice`: worth a look, often harmless. */
export type FlagLevel = 'mismatch' | 'notice';

export interface SeriesFlag {
  code: FlagCode;
  level: FlagLevel;
  message: string;
}

export const FLAG_LEVEL: Record<FlagCode, FlagLevel> = {
  'breaking-without-major': 'mismatch',
  'major-without-change': 'mismatch',
  'version-not-bumped': 'notice',
  'version-decreased': 'notice',
};

export const FLAG_TITLE: Record<FlagCode, string> = {
  'breaking-without-major': 'Breaking change without a major bump',
  'major-without-change': 'Major bump without any API change',
  'version-not-bumped': 'API changed but info.version did not',
  'version-decreased': 'info.version went down',
};

/** Reads an info.version leniently: `9.4`, `v2`, `2` are read as 9.4.0, 2.0.0, 2.0.0. */
export function parseVersion(v: string | undefined): semver.SemVer | undefined {
  if (v === undefined) return undefined;
  const strict = semver.parse(v.trim(), { loose: true });
  if (strict) return strict;
  return semver.coerce(v) ?? undefined;
}

export function compareVersions(a: string | undefined, b: string | undefined): number | undefined {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return undefined;
  return semver.compare(pa, pb);
}

/** The kind of bump from `from` to `to` (`unknown` when either is missing or unreadable). */
export function bumpKind(from: string | undefined, to: string | undefined): BumpKind {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (!a || !b) return 'unknown';
  const cmp = semver.compare(a, b);
  if (cmp === 0) return 'none';
  if (cmp > 0) return 'decreased';
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  if (b.patch !== a.patch) return 'patch';
  return 'prerelease';
}

/** True when the move from `from` to `to` announces breaking changes (major, or minor under 0.x). */
export function announcesBreaking(from: string | undefined, to: string | undefined): boolean {
  const a = parseVersion(from);
  const b = parseVersion(to);
  if (!a || !b || semver.compare(a, b) >= 0) return false;
  return a.major === 0 ? b.major > 0 || b.minor > a.minor : b.major > a.major;
}

/**
 * The flags for one step of a series. `summary` counts the changes of the step without the
 * info-version-bump-insufficient finding and without changes an ignore file accepted.
 */
export function bumpFlags(from: string | undefined, to: string | undefined, summary: Pick<CheckSummary, 'breaking' | 'review' | 'compatible'>): SeriesFlag[] {
  const flags: SeriesFlag[] = [];
  const kind = bumpKind(from, to);
  if (kind === 'unknown') return flags;
  const total = summary.breaking + summary.review + summary.compatible;
  const flag = (code: FlagCode, message: string): void => {
    flags.push({ code, level: FLAG_LEVEL[code], message });
  };
  const move = `info.version ${from} → ${to}`;
  const major = announcesBreaking(from, to);
  if (summary.breaking > 0 && !major) {
    flag('breaking-without-major', `${summary.breaking} breaking change${summary.breaking === 1 ? '' : 's'} but ${move} is ${kind === 'none' ? 'no bump at all' : kind === 'decreased' ? 'a decrease' : `a ${kind} bump`}`);
  }
  if (major && total === 0) flag('major-without-change', `${move} is a major bump but the API did not change`);
  if (kind === 'none' && total > 0) flag('version-not-bumped', `${total} change${total === 1 ? '' : 's'} but info.version stayed ${to}`);
  if (kind === 'decreased') flag('version-decreased', `${move} goes down`);
  return flags;
}
