/** JSON paths (`$.messages[0]['content-type']`) and copy-on-write updates of JSON values. */
import { objectFromEntries } from './arbitrary-utils.js';
import { isSchemaObject } from './schema-context.js';

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += `.${s}`;
    else out += `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** Parses what formatPath writes. */
export function parsePath(path: string): PathSegment[] {
  if (!path.startsWith('$')) throw new SyntaxError(`not a JSON path: ${path}`);
  const out: PathSegment[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) throw new SyntaxError(`not a JSON path: ${path}`);
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3]!.replace(/\\(.)/g, '$1'));
  }
  return out;
}

export function getAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let node = root;
  for (const s of segments) {
    if (typeof s === 'number' && Array.isArray(node)) node = node[s];
    else if (typeof s === 'string' && isSchemaObject(node) && Object.prototype.hasOwnProperty.call(node, s)) node = node[s];
    else return undefined;
  }
  return node;
}

export function hasPath(root: unknown, segments: readonly PathSegment[]): boolean {
  let node = root;
  for (const s of segments) {
    if (typeof s === 'number' && Array.isArray(node) && s < node.length) node = node[s];
    else if (typeof s === 'string' && isSchemaObject(node) && Object.prototype.hasOwnProperty.call(node, s)) node = node[s];
    else return false;
  }
  return true;
}

/**
 * A copy of `root` where the value at `segments` is replaced by `update(old)`. Only the
 * containers along the path are copied; key order is kept and a new key goes last.
 */
export function updateAt(root: unknown, segments: readonly PathSegment[], update: (old: unknown) => unknown): unknown {
  if (segments.length === 0) return update(root);
  const [head, ...rest] = segments;
  if (typeof head === 'number' && Array.isArray(root)) {
    const copy = root.slice();
    copy[head] = updateAt(root[head], rest, update);
    return copy;
  }
  if (typeof head === 'string' && isSchemaObject(root)) {
    const entries = Object.entries(root);
    const index = entries.findIndex(([k]) => k === head);
    if (index >= 0) entries[index] = [head, updateAt(entries[index]![1], rest, update)];
    else entries.push([head, updateAt(undefined, rest, update)]);
    return objectFromEntries(entries);
  }
  throw new TypeError(`cannot update ${formatPath(segments)}: the container is missing`);
}

export function setAt(root: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  return updateAt(root, segments, () => value);
}
