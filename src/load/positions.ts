/**
 * Source positions on demand. Parsing keeps no positions (that would cost a slow parse of every
 * document); when a report needs the line of some pointers, we find just those:
 * - JSON: one scan of the text that descends only into the members leading to a wanted pointer;
 * - YAML: the node positions js-yaml reports while parsing (its event listener), gathered once per
 *   document, only when asked: about the cost of the fast parse, not of a document model.
 * A pointer that does not exist as written (a synthetic node) falls back to its longest existing prefix.
 */
import jsyaml from 'js-yaml';
import { parsePointer } from '../util/json-pointer.js';
import type { TextFormat } from './parse.js';

export interface LineColumn {
  line: number;
  column: number;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

export function lineColumnFromStarts(starts: number[], offset: number): LineColumn {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function lineColumnAt(text: string, offset: number): LineColumn | Record<string, never> {
  if (offset < 0 || !Number.isFinite(offset)) return {};
  return lineColumnFromStarts(lineStarts(text), Math.min(offset, text.length));
}

/** Line and column of each offset, counting line breaks once up to the last of them. */
export function lineColumns(text: string, offsets: Iterable<number>): Map<number, LineColumn> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, LineColumn>();
  let line = 1;
  let start = 0;
  let next = text.indexOf('\n');
  for (const offset of sorted) {
    while (next !== -1 && next < offset) {
      line++;
      start = next + 1;
      next = text.indexOf('\n', start);
    }
    out.set(offset, { line, column: offset - start + 1 });
  }
  return out;
}

export class PositionIndex {
  private starts: number[] | undefined;
  private yamlIndex: YamlPosition | undefined;
  private readonly cache = new Map<string, LineColumn>();

  constructor(
    private readonly text: string,
    private readonly format: TextFormat,
    /** The parsed document, when known: lets the JSON scan jump over indented members (see locateJson). */
    private readonly value?: unknown,
  ) {}

  private toLineColumn(offset: number): LineColumn {
    this.starts ??= lineStarts(this.text);
    return lineColumnFromStarts(this.starts, offset);
  }

  /** Positions of many pointers at once (one pass over a JSON text). */
  locateMany(pointers: Iterable<string>): Map<string, LineColumn> {
    const out = new Map<string, LineColumn>();
    const todo: string[] = [];
    for (const p of pointers) {
      const hit = this.cache.get(p);
      if (hit) out.set(p, hit);
      else todo.push(p);
    }
    if (todo.length) {
      const offsets = this.format === 'json' ? locateJson(this.text, todo, this.value) : this.locateYaml(todo);
      // A batch is placed by one sweep up to its last offset, with no index of every line start.
      const lines = this.starts || offsets.size < 2 ? undefined : lineColumns(this.text, offsets.values());
      for (const [p, off] of offsets) {
        const lc = lines?.get(off) ?? this.toLineColumn(off);
        this.cache.set(p, lc);
        out.set(p, lc);
      }
    }
    return out;
  }

  locate(pointer: string): LineColumn | undefined {
    return this.locateMany([pointer]).get(pointer);
  }

  private locateYaml(pointers: string[]): Map<string, number> {
    this.yamlIndex ??= yamlPositions(this.text);
    const out = new Map<string, number>();
    for (const p of pointers) {
      let node: YamlPosition | undefined = this.yamlIndex;
      let offset = node?.at ?? 0;
      for (const token of safeTokens(p)) {
        const next: { at: number; node: YamlPosition } | undefined = node?.keys?.get(token) ?? (node?.items && /^\d+$/.test(token) ? node.items[Number(token)] : undefined);
        if (!next) break;
        offset = next.at;
        node = next.node;
      }
      out.set(p, offset);
    }
    return out;
  }
}

/** Where each node of a YAML text starts: mapping entries by key (at the key), sequence items by index. */
interface YamlPosition {
  at: number;
  keys?: Map<string, { at: number; node: YamlPosition }>;
  items?: Array<{ at: number; node: YamlPosition }>;
}

/**
 * Positions of every node of a YAML text, from the events of the same fast parser the loader uses
 * (js-yaml reports where each node opens and what it held when it closes): no second, slower
 * parse into a document model. A mapping's children arrive as key, value, key, value...
 */
function yamlPositions(text: string): YamlPosition | undefined {
  const stack: Array<{ at: number; children: Array<{ at: number; node: YamlPosition; result: unknown }> }> = [];
  let root: YamlPosition | undefined;
  try {
    jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ at: state.position, children: [] });
          return;
        }
        const frame = stack.pop();
        if (!frame) return;
        const node: YamlPosition = { at: frame.at };
        const kind = (state as unknown as { kind?: string }).kind;
        const result = (state as unknown as { result?: unknown }).result;
        const only = frame.children.length === 1 ? frame.children[0]! : undefined;
        if (only && typeof result === 'object' && result !== null && only.result === result) {
          // A node that only wraps another (a flow collection as a block sequence item): same content.
          if (only.node.keys) node.keys = only.node.keys;
          if (only.node.items) node.items = only.node.items;
        } else if (kind === 'mapping') {
          node.keys = new Map();
          for (let i = 0; i + 1 < frame.children.length; i += 2) {
            const key = frame.children[i]!;
            const value = frame.children[i + 1]!;
            const name = typeof key.result === 'object' && key.result !== null ? undefined : String(key.result);
            if (name !== undefined && !node.keys.has(name)) node.keys.set(name, { at: key.at, node: value.node });
          }
        } else if (kind === 'sequence') node.items = frame.children.map((c) => ({ at: c.at, node: c.node }));
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push({ at: frame.at, node, result });
        else root = node;
      },
    });
  } catch {
    return root; // the loader already reported anything unreadable; keep what was found
  }
  return root;
}

function safeTokens(p: string): string[] {
  try {
    return parsePointer(p);
  } catch {
    return [];
  }
}

interface Trie {
  pointer?: string;
  at?: number;
  children: Map<string, Trie>;
}

/** The scan met text that does not match the parsed document's shape: its layout cannot be trusted. */
const LAYOUT_MISMATCH = new Error('layout mismatch');

/** A key V8 lists before the others (an array index): Object.keys order is then not the text order. */
const indexLike = (k: string): boolean => k.length > 0 && k.length < 11 && /^(0|[1-9]\d*)$/.test(k);

/**
 * Offsets of the keys (or array items) that pointers name, in one pass over JSON text that
 * descends only into members leading to a wanted pointer.
 *
 * Given the parsed document, members in the way are jumped over rather than read: in indented
 * JSON, an object or array whose opening bracket ends a line closes at the next line holding only
 * the same indentation and the matching bracket (strings hold no raw line breaks), which one
 * `indexOf` finds. Each jump is checked: the key read after it must be the next key of the parsed
 * object (and a container must end after its last key or item); text laid out any other way fails
 * the check and is scanned character by character instead.
 */
export function locateJson(text: string, pointers: string[], parsed?: unknown): Map<string, number> {
  if (pointers.length === 0) return new Map();
  const root: Trie = { children: new Map() };
  for (const p of pointers) {
    let t = root;
    for (const token of safeTokens(p)) {
      let c = t.children.get(token);
      if (!c) t.children.set(token, (c = { children: new Map() }));
      t = c;
    }
    t.pointer = p;
  }
  let out = new Map<string, number>();
  if (parsed !== undefined) {
    try {
      scanJson(text, root, out, parsed);
    } catch (e) {
      if (e !== LAYOUT_MISMATCH) throw e;
      out = new Map();
      clearTrie(root);
      scanJson(text, root, out, undefined);
    }
  } else scanJson(text, root, out, undefined);
  // Pointers that were not found take the position of their longest found prefix.
  for (const p of pointers) {
    if (out.has(p)) continue;
    const tokens = safeTokens(p);
    let best = 0;
    let t = root;
    for (const tok of tokens) {
      const c = t.children.get(tok);
      if (!c) break;
      t = c;
      if (t.at !== undefined) best = t.at;
    }
    out.set(p, best);
  }
  return out;
}

function clearTrie(t: Trie): void {
  delete t.at;
  for (const c of t.children.values()) clearTrie(c);
}

/** The scan of locateJson; given `parsed`, jumps over indented members and checks each jump against it. */
function scanJson(text: string, root: Trie, out: Map<string, number>, parsed: unknown): void {
  const fast = parsed !== undefined;
  let i = 0;
  const n = text.length;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const skipString = (): void => {
    // at the opening quote
    let j = i + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) {
        i = n;
        return;
      }
      let b = q - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) {
        i = q + 1;
        return;
      }
      j = q + 1;
    }
  };
  const readString = (): string => {
    const start = i;
    skipString();
    const raw = text.slice(start, i);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  /** Jumps over an indented container at i; false when its layout does not allow it. */
  const jump = (): boolean => {
    const open = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (next !== 10 && next !== 13) return false;
    const lineStart = text.lastIndexOf('\n', i) + 1;
    let k = lineStart;
    while (k < i && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    const close = text.indexOf(`\n${text.slice(lineStart, k)}${open === 123 ? '}' : ']'}`, i);
    if (close === -1) throw LAYOUT_MISMATCH;
    i = close + 1 + (k - lineStart) + 1;
    return true;
  };
  const skipValue = (jumpOk = false): void => {
    const c = text.charCodeAt(i);
    if (c === 34) return skipString();
    if (c === 123 || c === 91) {
      if (jumpOk && jump()) return;
      let depth = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34) {
          skipString();
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      return;
    }
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) return;
      i++;
    }
  };
  const visit = (t: Trie, at: number, value: unknown): void => {
    t.at = at;
    if (t.pointer !== undefined) out.set(t.pointer, at);
    if (t.children.size === 0) return skipValue();
    const c = text.charCodeAt(i);
    if (c === 123) {
      // The keys the parsed object lists: in text order unless some look like array indexes, in
      // which case they are only checked as a set and members are not jumped over.
      const keys = fast && typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : undefined;
      if (fast && !keys) throw LAYOUT_MISMATCH;
      const ordered = !!keys && !keys.some(indexLike);
      const known = keys && !ordered ? new Set(keys) : undefined;
      let k = 0;
      i++;
      for (;;) {
        ws();
        if (text.charCodeAt(i) === 125 || i >= n) {
          if (keys && k !== keys.length) throw LAYOUT_MISMATCH;
          i++;
          return;
        }
        const keyAt = i;
        if (keys && text.charCodeAt(i) !== 34) throw LAYOUT_MISMATCH;
        const key = readString();
        if (ordered ? keys![k] !== key : known && !known.has(key)) throw LAYOUT_MISMATCH;
        k++;
        ws();
        i++; // colon
        ws();
        const child = t.children.get(key);
        if (child) visit(child, keyAt, keys ? (value as Record<string, unknown>)[key] : undefined);
        else skipValue(ordered);
        ws();
        if (text.charCodeAt(i) === 44) i++;
      }
    } else if (c === 91) {
      const list = fast ? value : undefined;
      if (fast && !Array.isArray(list)) throw LAYOUT_MISMATCH;
      i++;
      let idx = 0;
      for (;;) {
        ws();
        if (text.charCodeAt(i) === 93 || i >= n) {
          if (Array.isArray(list) && idx !== list.length) throw LAYOUT_MISMATCH;
          i++;
          return;
        }
        const child = t.children.get(String(idx));
        if (child) visit(child, i, Array.isArray(list) ? list[idx] : undefined);
        else skipValue(Array.isArray(list));
        idx++;
        ws();
        if (text.charCodeAt(i) === 44) i++;
      }
    } else skipValue();
  };
  try {
    ws();
    visit(root, i, parsed);
  } catch (e) {
    if (e === LAYOUT_MISMATCH) throw e;
    /* malformed text was already rejected by the parser; keep what was found */
  }
}
