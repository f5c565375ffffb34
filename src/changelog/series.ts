/**
 * Release notes over a series of versions: load each version once, compare each with the last
 * version that loaded before it, and flag versions whose info.version bump disagrees with the
 * changes found (see bump.ts for exactly what is flagged).
 *
 * Order of the walk (oldest first), unless `order` says otherwise:
 * - index: by `date` when every selected entry has one (compared as text, so ISO 8601 dates sort
 *   correctly; entries of the same date keep the order of the index), else as listed;
 * - directory: by info.version (semver, read leniently: `9.4` is 9.4.0), ties broken by file
 *   name in natural order (`2` before `10`); files with no readable info.version, and files that
 *   fail to load, keep the place their file name gives them.
 * When index entries name their API major (`api`), each version is compared with the previous
 * version of the same major; the first version of each major is a baseline.
 */
import path from 'node:path';
import { checkSpecs, summarise, type CheckSummary } from '../check.js';
import { ApicompatError, type SourceLocation } from '../errors.js';
import { loadSpec, type LoadOptions, type Spec, type SpecWarning } from '../load/spec.js';
import { loadPolicy } from '../policy/policy.js';
import { loadRules } from '../rules/registry.js';
import type { Change } from '../types.js';
import { isObject, own } from '../util/guards.js';
import { bumpFlags, bumpKind, compareVersions, type BumpKind, type FlagCode, type SeriesFlag } from './bump.js';
import { naturalOrder, normaliseMajor, readSeriesSource, type SeriesEntry } from './source.js';

export { renderSeriesMarkdown } from '../render/series-markdown.js';
export { renderSeriesJson, seriesToJson } from '../render/series-json.js';
export type { BumpKind, FlagCode, FlagLevel, SeriesFlag } from './bump.js';

export type SeriesOrder = 'version' | 'name' | 'date' | 'listed';

export interface SeriesOptions extends LoadOptions {
  /** Built-in policy name or policy file (default: strict, as for `check`). */
  policy?: string;
  /**
   * Keep only the index entries of this API major (`2` and `v2` both match an entry's `api: v2`).
   * Without it, an index naming several majors is walked as one changelog in which each version
   * is compared with the previous version of its own major.
   */
  major?: string;
  /** Override the default order of the walk. */
  order?: SeriesOrder;
  ignoreFile?: string;
  mappingFile?: string;
  /** Date used for ignore-file expiry (YYYY-MM-DD, default today). */
  today?: string;
  /**
   * Find the line and column of every change (default true). Finding them costs a full parse
   * of each YAML document with positions; the markdown changelog does not show them.
   */
  locations?: boolean;
  /** Called after each version is processed. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface SeriesVersion {
  /** The spec's path as listed (relative to the directory or index). */
  file: string;
  date?: string;
  /** info.version read from the spec (or, when it did not load, the version the index claims). */
  infoVersion?: string;
  title?: string;
  api?: string;
  /** `baseline`: first version that loaded; `compared`: compared with `previous`; `error`: not loaded. */
  status: 'baseline' | 'compared' | 'error';
  /** The version this one was compared with: the last earlier version that loaded. */
  previous?: { file: string; infoVersion?: string };
  /** How info.version moved from `previous`. */
  bump?: BumpKind;
  /** Versions between `previous` and this one that failed to load. */
  skipped?: string[];
  /** Breaking first, then review, then compatible. The info.version check is a flag, not a change. */
  changes: Change[];
  summary: CheckSummary;
  flags: SeriesFlag[];
  warnings: SpecWarning[];
  error?: { code: string; message: string; location?: SourceLocation };
}

export interface SeriesSummary {
  versions: number;
  compared: number;
  errors: number;
  breaking: number;
  review: number;
  compatible: number;
  /** Number of versions carrying each flag. */
  flags: Record<FlagCode, number>;
  /** Versions carrying at least one `mismatch` flag. */
  mismatches: number;
}

export interface SeriesResult {
  source: string;
  kind: 'directory' | 'index';
  order: SeriesOrder;
  major?: string;
  policy: { name: string; base: string; file?: string };
  /** In walk order: oldest first. */
  versions: SeriesVersion[];
  summary: SeriesSummary;
  /** 1 when some version's bump disagrees with its changes (a `mismatch` flag), else 0. */
  exitCode: 0 | 1;
}

const VERSION_CHECK_RULE = 'info-version-bump-insufficient';

interface Slot {
  entry: SeriesEntry;
  spec?: Spec;
  error?: SeriesVersion['error'];
}

function errorOf(e: unknown): NonNullable<SeriesVersion['error']> {
  if (e instanceof ApicompatError) return { code: e.code, message: e.message, ...(e.location ? { location: e.location } : {}) };
  return { code: 'internal', message: (e as Error)?.message ?? String(e) };
}

function specInfo(spec: Spec): { infoVersion?: string; title?: string } {
  const info = own(spec.value, 'info');
  if (!isObject(info)) return {};
  const v = own(info, 'version');
  const t = own(info, 'title');
  return {
    ...(typeof v === 'string' || typeof v === 'number' ? { infoVersion: String(v) } : {}),
    ...(typeof t === 'string' ? { title: t } : {}),
  };
}

function dateKey(d: string): string {
  return d.trim();
}

/** Sorts slots in place of one another by info.version; slots with no readable version keep their place. */
function orderByVersion(slots: Slot[]): Slot[] {
  const byName = [...slots].sort((a, b) => naturalOrder(a.entry.shown, b.entry.shown));
  const versioned = byName.filter((s) => s.spec && compareVersions(specInfo(s.spec).infoVersion, specInfo(s.spec).infoVersion) !== undefined);
  const sorted = [...versioned].sort((a, b) => compareVersions(specInfo(a.spec!).infoVersion, specInfo(b.spec!).infoVersion)! || naturalOrder(a.entry.shown, b.entry.shown));
  const set = new Set(versioned);
  let i = 0;
  return byName.map((s) => (set.has(s) ? sorted[i++]! : s));
}

/** Walks the series and returns one entry per version, oldest first. */
export async function runSeries(source: string, options: SeriesOptions = {}): Promise<SeriesResult> {
  const cwd = options.cwd ?? process.cwd();
  const src = readSeriesSource(source, cwd);
  let entries = src.entries;
  if (options.major !== undefined) {
    if (!entries.some((e) => e.api !== undefined)) {
      throw new ApicompatError('usage', `--major needs an index whose entries name their API major (an \`api\` or \`major\` field); ${source} has none`);
    }
    const want = normaliseMajor(options.major);
    entries = entries.filter((e) => e.api !== undefined && normaliseMajor(e.api) === want);
    if (!entries.length) {
      const known = [...new Set(src.entries.map((e) => e.api).filter((a): a is string => a !== undefined))];
      throw new ApicompatError('usage', `no version of API major '${options.major}' in ${source} (it has ${known.join(', ')})`);
    }
  }
  if (!entries.length) throw new ApicompatError('usage', `no spec files in ${source}`);

  const order: SeriesOrder = options.order ?? (src.kind === 'directory' ? 'version' : entries.every((e) => e.date) ? 'date' : 'listed');
  if (order === 'date' && !entries.every((e) => e.date)) {
    throw new ApicompatError('usage', `cannot order by date: ${entries.find((e) => !e.date)!.shown} has no date`);
  }

  const rules = await loadRules();
  const policyObject = loadPolicy(options.policy ?? 'strict', rules, cwd);
  const loadOpts: LoadOptions = {
    cwd: src.kind === 'directory' ? src.path : path.dirname(src.path),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
    ...(options.allowRemoteRefs ? { allowRemoteRefs: true } : {}),
    ...(options.strictSpec ? { strictSpec: true } : {}),
    ...(options.skipValidation ? { skipValidation: true } : {}),
  };
  const load = async (slot: Slot): Promise<void> => {
    if (slot.spec || slot.error) return;
    try {
      slot.spec = await loadSpec(slot.entry.file, loadOpts);
    } catch (e) {
      slot.error = errorOf(e);
    }
  };

  let slots: Slot[] = entries.map((entry) => ({ entry }));
  const total = slots.length;
  let done = 0;
  if (order === 'version') {
    // the order depends on every info.version: load all first (each still loaded only once)
    for (const s of slots) await load(s);
    slots = orderByVersion(slots);
  } else if (order === 'name') slots.sort((a, b) => naturalOrder(a.entry.shown, b.entry.shown));
  else if (order === 'date') slots.sort((a, b) => (dateKey(a.entry.date!) < dateKey(b.entry.date!) ? -1 : dateKey(a.entry.date!) > dateKey(b.entry.date!) ? 1 : a.entry.listed - b.entry.listed));
  else slots.sort((a, b) => a.entry.listed - b.entry.listed);

  const checkOpts = {
    policyObject,
    cwd,
    ...(options.ignoreFile ? { ignoreFile: options.ignoreFile } : {}),
    ...(options.mappingFile ? { mappingFile: options.mappingFile } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.locations === false ? { locate: false } : {}),
  };
  const versions: SeriesVersion[] = [];
  // one lane per API major named by the index: a version is compared with the previous one of its own major
  const lanes = new Map<string, { last?: { slot: Slot; version: SeriesVersion }; skipped: string[] }>();
  for (const slot of slots) {
    await load(slot);
    const { entry } = slot;
    const laneKey = entry.api !== undefined ? normaliseMajor(entry.api) : '';
    let lane = lanes.get(laneKey);
    if (!lane) lanes.set(laneKey, (lane = { skipped: [] }));
    const { last, skipped } = lane;
    const base = {
      file: entry.shown,
      ...(entry.date ? { date: entry.date } : {}),
      ...(entry.api ? { api: entry.api } : {}),
    };
    const empty = { changes: [], summary: summarise([]), flags: [], warnings: [] };
    let version: SeriesVersion;
    if (!slot.spec) {
      version = { ...base, ...(entry.declaredVersion ? { infoVersion: entry.declaredVersion } : {}), status: 'error', ...empty, error: slot.error! };
    } else {
      const info = specInfo(slot.spec);
      const head = { ...base, ...info };
      if (!last) version = { ...head, status: 'baseline', ...empty, warnings: [...slot.spec.warnings] };
      else {
        try {
          const r = await checkSpecs(last.slot.spec!, slot.spec, checkOpts);
          const changes = r.changes.filter((c) => c.rule !== VERSION_CHECK_RULE);
          const summary = summarise(changes);
          const prev = last.version.infoVersion;
          version = {
            ...head,
            status: 'compared',
            previous: { file: last.version.file, ...(prev !== undefined ? { infoVersion: prev } : {}) },
            bump: bumpKind(prev, info.infoVersion),
            ...(skipped.length ? { skipped: [...skipped] } : {}),
            changes,
            summary,
            flags: bumpFlags(prev, info.infoVersion, summary),
            warnings: [...slot.spec.warnings],
          };
        } catch (e) {
          version = { ...head, status: 'error', ...empty, error: errorOf(e) };
        }
      }
    }
    versions.push(version);
    if (version.status === 'error') {
      skipped.push(version.file);
      slot.spec = undefined;
    }
    else {
      // the previous good version is not used again: let it go
      if (last && last.slot !== slot) last.slot.spec = undefined;
      lane.last = { slot, version };
      lane.skipped = [];
    }
    options.onProgress?.(++done, total, entry.shown);
  }

  const flags: Record<FlagCode, number> = { 'breaking-without-major': 0, 'major-without-change': 0, 'version-not-bumped': 0, 'version-decreased': 0 };
  const summary: SeriesSummary = { versions: versions.length, compared: 0, errors: 0, breaking: 0, review: 0, compatible: 0, flags, mismatches: 0 };
  for (const v of versions) {
    if (v.status === 'compared') summary.compared++;
    if (v.status === 'error') summary.errors++;
    summary.breaking += v.summary.breaking;
    summary.review += v.summary.review;
    summary.compatible += v.summary.compatible;
    for (const f of new Set(v.flags.map((f) => f.code))) flags[f]++;
    if (v.flags.some((f) => f.level === 'mismatch')) summary.mismatches++;
  }
  return {
    source,
    kind: src.kind,
    order,
    ...(options.major !== undefined ? { major: options.major } : {}),
    policy: { name: policyObject.name, base: policyObject.base, ...(policyObject.file ? { file: policyObject.file } : {}) },
    versions,
    summary,
    exitCode: summary.mismatches > 0 ? 1 : 0,
  };
}

/**
 * A progress reporter for a terminal: one updating line `[12/127] file` on `stream`, cleared
 * at the end. Returns undefined when `stream` is not a TTY (redirected output stays clean).
 */
export function terminalProgress(stream: { isTTY?: boolean; write(s: string): unknown } = process.stderr): SeriesOptions['onProgress'] {
  if (!stream.isTTY) return undefined;
  return (done, total, label) => {
    const line = `[${done}/${total}] ${label}`;
    stream.write(`\r\x1b[K${line.length > 100 ? `${line.slice(0, 99)}…` : line}`);
    if (done === total) stream.write('\r\x1b[K');
  };
}
