/**
 * A loaded spec: its root document, every file its `$ref`s reach, and ref resolution.
 * Documents stay as parsed (no deep copies, no full dereferencing): a `$ref` is followed only
 * when the model or the diff reaches it, so recursive schemas remain a graph.
 */
import path from 'node:path';
import { ApicompatError, type SourceLocation } from '../errors.js';
import { escapeToken, getAtPointer } from '../util/json-pointer.js';
import { isObject, jsonEqual, own } from '../util/guards.js';
import { detectFormat, parseText, type TextFormat } from './parse.js';
import { PositionIndex, lineColumnAt } from './positions.js';
import { resolveSource, type SpecReader, DEFAULT_MAX_BYTES } from './reader.js';
import { validateDocument } from './validate.js';

export type SpecVersion = '2.0' | '3.0' | '3.1';

export interface SpecDocument {
  /** Absolute path (or URL) identifying the document. */
  id: string;
  /** Path shown to users, relative to cwd or `<ref>:<path>`. */
  display: string;
  text: string;
  format: TextFormat;
  value: unknown;
  positions: PositionIndex;
}

/** A value inside a spec document: what the model and the diff hold on to. */
export interface NodeRef<T = unknown> {
  value: T;
  doc: SpecDocument;
  pointer: string;
}

export interface SpecWarning {
  code: string;
  message: string;
  location?: SourceLocation;
}

export interface LoadOptions {
  cwd?: string;
  maxBytes?: number;
  maxNodes?: number;
  allowRemoteRefs?: boolean;
  /** Refuse a spec with validation problems instead of warning about them. */
  strictSpec?: boolean;
  /** Skip structural validation (faster; problems then surface as diff oddities only). */
  skipValidation?: boolean;
  /** Leave validation to the caller (`validateSpec`), e.g. to validate only what differs from another version. */
  deferValidation?: boolean;
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;
const EXTERNAL_REF_JSON = /"\$ref"\s*:\s*"([^"#][^"]*)"/g;
const EXTERNAL_REF_YAML = /^[ \t]*(?:-[ \t]+)?["']?\$ref["']?[ \t]*:[ \t]*["']?([^"'\s#][^"'\s]*)["']?/gm;

export class Spec {
  readonly docs = new Map<string, SpecDocument>();
  readonly warnings: SpecWarning[] = [];
  version!: SpecVersion;

  constructor(
    readonly reader: SpecReader,
    readonly rootDir: string,
    readonly root: SpecDocument,
    readonly options: LoadOptions = {},
  ) {
    this.docs.set(root.id, root);
  }

  get display(): string {
    return this.root.display;
  }

  get value(): Record<string, unknown> {
    return this.root.value as Record<string, unknown>;
  }

  warn(code: string, message: string, location?: SourceLocation): void {
    if (!this.warnings.some((w) => w.code === code && w.message === message)) this.warnings.push({ code, message, ...(location ? { location } : {}) });
  }

  location(doc: SpecDocument, pointer: string): SourceLocation {
    const lc = doc.positions.locate(pointer);
    return { file: doc.display, pointer, ...(lc ?? {}) };
  }

  /** Resolved references per document (a spec follows the same `$ref` many times). */
  private readonly resolved = new WeakMap<SpecDocument, Map<string, NodeRef>>();

  /** Resolves `ref` written in `from` at `at`; throws a located error when it cannot. */
  resolveRef(from: SpecDocument, ref: string, at: string): NodeRef {
    let cache = this.resolved.get(from);
    if (!cache) this.resolved.set(from, (cache = new Map()));
    const hit = cache.get(ref);
    if (hit) return hit;
    const node = this.resolveUncached(from, ref, at);
    cache.set(ref, node);
    return node;
  }

  private resolveUncached(from: SpecDocument, ref: string, at: string): NodeRef {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    let doc = from;
    if (filePart) {
      const target = this.targetId(from, filePart, () => this.location(from, at));
      let loaded = this.docs.get(target);
      if (!loaded) {
        if (REMOTE.test(target)) throw new ApicompatError('ref-remote', `$ref to a remote document '${filePart}' (no network access unless --allow-remote-refs)`, this.location(from, at));
        loaded = this.addDocument(target, this.reader.read(target));
      }
      doc = loaded;
    }
    const value = pointer === '' || pointer === '/' ? doc.value : getAtPointer(doc.value, pointer);
    if (value === undefined) {
      throw new ApicompatError('ref-unresolved', `$ref '${ref}' points to nothing (no ${pointer || 'document'} in ${doc.display})`, this.location(from, at));
    }
    return { value, doc, pointer: pointer.startsWith('/') ? pointer : pointer ? `/${pointer}` : '' };
  }

  /** Follows `$ref` chains from a node to the value they name. */
  deref<T = unknown>(node: NodeRef<T>): NodeRef {
    let cur: NodeRef = node;
    for (let hops = 0; hops < 64; hops++) {
      const v = cur.value;
      if (!isObject(v)) return cur;
      const ref = own(v, '$ref');
      if (typeof ref !== 'string') return cur;
      cur = this.resolveRef(cur.doc, ref, `${cur.pointer}/$ref`);
    }
    this.warn('ref-loop', `$ref chain does not end`, this.location(node.doc, node.pointer));
    return { value: {}, doc: node.doc, pointer: node.pointer };
  }

  /** Document id for a file part of a ref, applying the root-relative and case-insensitive fallbacks. */
  targetId(from: SpecDocument, filePart: string, loc: () => SourceLocation): string {
    let target = filePart;
    try {
      target = decodeURIComponent(filePart);
    } catch {
      /* keep as written */
    }
    if (REMOTE.test(target)) return target;
    if (REMOTE.test(from.id)) return new URL(target, from.id).toString();
    const here = path.resolve(path.dirname(from.id), target);
    if (!this.inside(here)) {
      const rootRel = path.resolve(this.rootDir, target);
      if (this.inside(rootRel) && this.reader.exists(rootRel)) return this.noteRootRelative(rootRel, filePart, loc);
      throw new ApicompatError('ref-outside-root', `$ref '${filePart}' leaves the spec's folder (${this.reader.display(this.rootDir) || '.'})`, loc());
    }
    if (this.docs.has(here) || this.reader.exists(here)) return here;
    const rootRel = path.resolve(this.rootDir, target);
    if (rootRel !== here && this.inside(rootRel) && this.reader.exists(rootRel)) return this.noteRootRelative(rootRel, filePart, loc);
    const dir = path.dirname(here);
    const lower = path.basename(here).toLowerCase();
    const match = this.reader.list(dir).find((n) => n.toLowerCase() === lower);
    if (match) {
      const fixed = path.join(dir, match);
      this.warn('ref-case-mismatch', `$ref '${filePart}' matches file '${match}' only when case is ignored`, loc());
      return fixed;
    }
    throw new ApicompatError('ref-unresolved', `$ref '${filePart}': no such file ${this.reader.display(here)}`, loc());
  }

  /** Parses and registers a document read from `id`. */
  addDocument(id: string, text: string): SpecDocument {
    const display = REMOTE.test(id) ? id : this.reader.display(id);
    const loaded = makeDocument(id, display, text, this.options, TEXT_EXTENSIONS.test(id));
    this.docs.set(id, loaded);
    return loaded;
  }

  private noteRootRelative(id: string, filePart: string, loc: () => SourceLocation): string {
    this.warn('ref-root-relative', `$ref '${filePart}' resolves only relative to the spec's root folder, not to its own file`, loc());
    return id;
  }

  private inside(p: string): boolean {
    const rel = path.relative(this.rootDir, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }
}

function makeDocument(id: string, display: string, text: string, opts: LoadOptions, asText = false): SpecDocument {
  const format = detectFormat(text, id);
  const value = asText ? text : parseText(text, display, format, opts.maxNodes !== undefined ? { maxNodes: opts.maxNodes } : {});
  let positions: PositionIndex | undefined;
  return {
    id,
    display,
    text,
    format,
    value,
    get positions() {
      return (positions ??= new PositionIndex(text, format, value));
    },
  };
}

function specVersion(doc: SpecDocument, warn: (code: string, message: string, location?: SourceLocation) => void): SpecVersion {
  const v = doc.value;
  if (!isObject(v)) throw new ApicompatError('not-openapi', 'not an OpenAPI document: the top level is not an object', { file: doc.display });
  const swagger = own(v, 'swagger');
  const openapi = own(v, 'openapi');
  if (swagger !== undefined) {
    if (String(swagger) === '2.0') {
      if (typeof swagger !== 'string') warn('invalid-spec', `swagger version should be the string "2.0", not the number ${String(swagger)}`, { file: doc.display, pointer: '/swagger', ...doc.positions.locate('/swagger') });
      return '2.0';
    }
    if (swagger === 2 || swagger === '2') {
      warn('invalid-spec', `swagger version '${String(swagger)}' read as "2.0"`, { file: doc.display, pointer: '/swagger', ...doc.positions.locate('/swagger') });
      return '2.0';
    }
    throw new ApicompatError('not-openapi', `unsupported swagger version '${String(swagger)}' (2.0 is supported)`, { file: doc.display, pointer: '/swagger', ...doc.positions.locate('/swagger') });
  }
  if (typeof openapi === 'string') {
    if (/^3\.0(\.|$)/.test(openapi)) return '3.0';
    if (/^3\.1(\.|$)/.test(openapi)) return '3.1';
    throw new ApicompatError('not-openapi', `unsupported openapi version '${openapi}' (3.0 and 3.1 are supported)`, { file: doc.display, pointer: '/openapi', ...doc.positions.locate('/openapi') });
  }
  throw new ApicompatError('not-openapi', 'not an OpenAPI document: no "openapi" or "swagger" field at the top level', { file: doc.display });
}

const TEXT_EXTENSIONS = /\.(md|markdown|txt|html?)$/i;

/** Loads a spec from a path or `<git-ref>:<path>`, with every file its refs reach. */
export async function loadSpec(arg: string, opts: LoadOptions = {}): Promise<Spec> {
  const src = resolveSource(arg, { ...(opts.cwd ? { cwd: opts.cwd } : {}), maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
  const { reader, absPath } = src;
  const rootDoc = makeDocument(absPath, reader.display(absPath), reader.read(absPath), opts);
  const spec = new Spec(reader, path.dirname(absPath), rootDoc, opts);
  spec.version = specVersion(rootDoc, (c, m, l) => spec.warn(c, m, l));
  await loadReferencedFiles(spec, opts);
  if (!opts.skipValidation && !opts.deferValidation) validateSpec(spec);
  return spec;
}

/**
 * Validates the root document against the official schema: problems become warnings with their
 * location, or an error under `strictSpec`. `except` names entries (`/paths/<path>`,
 * `/components/<kind>/<name>`...) to leave out, e.g. those equal to another version's, which
 * is validated in full and reports their problems already.
 */
export function validateSpec(spec: Spec, except?: ReadonlySet<string>): void {
  const root = spec.root;
  const value = except?.size ? withoutEntries(root.value, except) : root.value;
  for (const problem of validateDocument(value, spec.version)) {
    const location = spec.location(root, problem.pointer);
    if (spec.options.strictSpec) throw new ApicompatError('invalid-spec', `invalid ${spec.version === '2.0' ? 'Swagger' : 'OpenAPI'} document: ${problem.message}`, location);
    spec.warn('invalid-spec', problem.message, location);
  }
}

/** Sections whose entries validate independently of each other. */
const ENTRY_SECTIONS = [['paths'], ['webhooks'], ['x-webhooks'], ['definitions'], ['parameters'], ['responses'], ['components', 'schemas'], ['components', 'responses'], ['components', 'parameters'], ['components', 'requestBodies'], ['components', 'headers'], ['components', 'examples'], ['components', 'callbacks'], ['components', 'pathItems']];

/** A shallow copy of the document without the listed entries (untouched objects are shared). */
function withoutEntries(doc: unknown, except: ReadonlySet<string>): unknown {
  if (!isObject(doc)) return doc;
  const out: Record<string, unknown> = { ...doc };
  for (const section of ENTRY_SECTIONS) {
    const holderPath = section.slice(0, -1);
    let holder: Record<string, unknown> = out;
    let ok = true;
    for (const k of holderPath) {
      const next = own(holder, k);
      if (!isObject(next)) {
        ok = false;
        break;
      }
      holder = holder[k] = { ...next };
    }
    const key = section[section.length - 1]!;
    const entries = ok ? own(holder, key) : undefined;
    if (!isObject(entries)) continue;
    const prefix = `/${section.map(escapeToken).join('/')}/`;
    const kept: Record<string, unknown> = {};
    for (const name of Object.keys(entries)) if (!except.has(prefix + escapeToken(name))) kept[name] = entries[name];
    holder[key] = kept;
  }
  return out;
}

/** Entries of the two root documents (see ENTRY_SECTIONS) whose values are equal. */
export function equalEntries(a: Spec, b: Spec): Set<string> {
  const out = new Set<string>();
  if (a.version !== b.version) return out;
  for (const section of ENTRY_SECTIONS) {
    let x: unknown = a.value;
    let y: unknown = b.value;
    for (const k of section) {
      x = isObject(x) ? own(x, k) : undefined;
      y = isObject(y) ? own(y, k) : undefined;
    }
    if (!isObject(x) || !isObject(y)) continue;
    const prefix = `/${section.map(escapeToken).join('/')}/`;
    for (const name of Object.keys(x)) if (Object.prototype.hasOwnProperty.call(y, name) && jsonEqual(x[name], y[name])) out.add(prefix + escapeToken(name));
  }
  return out;
}

async function loadReferencedFiles(spec: Spec, opts: LoadOptions): Promise<void> {
  const queue: SpecDocument[] = [spec.root];
  while (queue.length) {
    const doc = queue.shift()!;
    const pattern = doc.format === 'json' ? EXTERNAL_REF_JSON : EXTERNAL_REF_YAML;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(doc.text); m; m = pattern.exec(doc.text)) {
      const filePart = m[1]!.split('#')[0]!;
      if (!filePart || /^[>|&*{[]/.test(filePart)) continue;
      const at = { file: doc.display, ...lineColumnAt(doc.text, m.index + m[0].indexOf('$ref')) };
      let id: string;
      try {
        id = spec.targetId(doc, filePart, () => at);
      } catch {
        continue; // reported with its exact location if the model ever follows this $ref
      }
      if (spec.docs.has(id)) continue;
      let text: string;
      if (REMOTE.test(id)) {
        if (!opts.allowRemoteRefs) {
          throw new ApicompatError('ref-remote', `$ref to a remote document '${filePart}' (no network access unless --allow-remote-refs)`, at);
        }
        text = await fetchRemote(id, opts.maxBytes ?? DEFAULT_MAX_BYTES, at);
      } else {
        if (!spec.reader.exists(id)) continue;
        try {
          text = spec.reader.read(id);
        } catch (e) {
          if (e instanceof ApicompatError) throw new ApicompatError(e.code, `$ref '${filePart}': ${e.message}`, at);
          throw e;
        }
      }
      const loaded = spec.addDocument(id, text);
      if (typeof loaded.value !== 'string') queue.push(loaded);
    }
  }
}

async function fetchRemote(url: string, maxBytes: number, at: SourceLocation): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > maxBytes) throw new ApicompatError('file-too-large', `remote document ${url} is over the limit of ${maxBytes} bytes`, at);
    return text;
  } catch (e) {
    if (e instanceof ApicompatError) throw e;
    throw new ApicompatError('ref-unresolved', `cannot fetch remote $ref ${url}: ${(e as Error).message}`, at);
  }
}
