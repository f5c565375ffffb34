/**
 * Where the versions of a series come from: a directory of spec files, or an index file (JSON
 * or YAML) listing them with their dates.
 *
 * Directory: every `*.json`, `*.yaml`, `*.yml` file directly inside it (hidden files skipped),
 * plus every sub-directory holding an `openapi.*` or `swagger.*` file (a multi-file spec).
 * A directory holding an `index.json`, `index.yaml` or `index.yml` shaped like an index is read
 * as that index. Dates come from a `YYYY-MM-DD` in the file's path, if any (file times are not
 * used: a clone or checkout resets them).
 *
 * Index: a list of entries, or a mapping whose `versions` (or `entries`) is that list. Each entry
 * names its spec with `file` (or `path`), relative to the index, and may carry `date`,
 * `version` (or `infoVersion`) and `api` (or `major`), the API major the entry belongs to.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ApicompatError } from '../errors.js';
import { isObject, own } from '../util/guards.js';

export interface SeriesEntry {
  /** Absolute path of the spec's root file. */
  file: string;
  /** The path as shown in reports (relative to the series' folder). */
  shown: string;
  date?: string;
  /** The version the index claims for the entry (info.version read from the spec wins). */
  declaredVersion?: string;
  /** The API major the index assigns, e.g. `v2`. */
  api?: string;
  /** Position in the index, or in the directory listing. */
  listed: number;
}

export interface SeriesSource {
  kind: 'directory' | 'index';
  /** Absolute path of the directory or index file. */
  path: string;
  entries: SeriesEntry[];
}

const SPEC_FILE = /\.(json|ya?ml)$/i;
const ROOT_NAMES = ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json'];
const INDEX_NAMES = ['index.json', 'index.yaml', 'index.yml'];
const DATE_IN_NAME = /(?:^|[^0-9])(\d{4}-\d{2}-\d{2})(?![0-9])/;

export const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** `v2`, `V2`, `2` all name API major 2. */
export function normaliseMajor(v: string): string {
  return v.trim().replace(/^v/i, '').toLowerCase();
}

export function readSeriesSource(source: string, cwd: string): SeriesSource {
  const abs = path.resolve(cwd, source);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new ApicompatError('file-not-found', 'no such directory or index file', { file: source });
  }
  if (!isDir) return { kind: 'index', path: abs, entries: readIndex(abs, source) };
  for (const name of INDEX_NAMES) {
    const p = path.join(abs, name);
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      continue;
    }
    const list = indexList(parseIndexText(text, p, path.join(source, name)));
    if (list) return { kind: 'index', path: p, entries: indexEntries(list, path.dirname(p), path.join(source, name)) };
  }
  return { kind: 'directory', path: abs, entries: listDirectory(abs) };
}

function listDirectory(dir: string): SeriesEntry[] {
  const found: Array<{ file: string; shown: string }> = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ApicompatError('file-unreadable', `cannot list the directory: ${(e as Error).message}`, { file: dir });
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isFile() && SPEC_FILE.test(name)) found.push({ file: p, shown: name });
    else if (st.isDirectory()) {
      const inner = readdirSync(p);
      const root = ROOT_NAMES.find((r) => inner.includes(r));
      if (root) found.push({ file: path.join(p, root), shown: `${name}/${root}` });
    }
  }
  found.sort((a, b) => naturalOrder(a.shown, b.shown));
  return found.map((f, listed) => {
    const date = DATE_IN_NAME.exec(f.shown)?.[1];
    return { ...f, listed, ...(date ? { date } : {}) };
  });
}

function parseIndexText(text: string, file: string, shown: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new ApicompatError('usage', `series index is not valid JSON: ${(e as Error).message}`, { file: shown });
    }
  }
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) throw new ApicompatError('usage', `series index is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, { file: shown });
  return doc.toJS() as unknown;
}

function indexList(v: unknown): unknown[] | undefined {
  const list = Array.isArray(v) ? v : isObject(v) ? (own(v, 'versions') ?? own(v, 'entries')) : undefined;
  if (!Array.isArray(list)) return undefined;
  return list.every((e) => typeof e === 'string' || (isObject(e) && typeof (own(e, 'file') ?? own(e, 'path')) === 'string')) ? list : undefined;
}

function readIndex(abs: string, shown: string): SeriesEntry[] {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ApicompatError('file-unreadable', `cannot read the series index: ${(e as Error).message}`, { file: shown });
  }
  const list = indexList(parseIndexText(text, abs, shown));
  if (!list) {
    throw new ApicompatError('usage', 'not a series index: expected a list of entries (or a mapping with `versions`), each naming its spec with `file`', { file: shown });
  }
  return indexEntries(list, path.dirname(abs), shown);
}

function indexEntries(list: unknown[], dir: string, shown: string): SeriesEntry[] {
  const text = (e: Record<string, unknown>, ...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = own(e, k);
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (typeof v === 'number') return String(v);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
    }
    return undefined;
  };
  if (!list.length) throw new ApicompatError('usage', 'the series index lists no versions', { file: shown });
  return list.map((raw, listed) => {
    const e: Record<string, unknown> = typeof raw === 'string' ? { file: raw } : (raw as Record<string, unknown>);
    const rel = text(e, 'file', 'path')!;
    const date = text(e, 'date', 'released');
    const declaredVersion = text(e, 'version', 'infoVersion');
    const api = text(e, 'api', 'major');
    return {
      file: path.resolve(dir, rel),
      shown: rel,
      listed,
      ...(date ? { date } : {}),
      ...(declaredVersion ? { declaredVersion } : {}),
      ...(api ? { api } : {}),
    };
  });
}
