/**
 * Parses JSON or YAML text into plain values, fast. Source positions are not built here:
 * see positions.ts, which builds them only for the documents a report needs.
 */
import jsyaml from 'js-yaml';
import { ApicompatError } from '../errors.js';
import { lineColumnAt } from './positions.js';

export type TextFormat = 'json' | 'yaml';

/** Upper bound on the number of nodes a YAML document may expand to through aliases. */
export const DEFAULT_MAX_NODES = 5_000_000;

export interface ParseOptions {
  maxNodes?: number;
}

export function detectFormat(text: string, fileName: string): TextFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  const first = /\S/.exec(text);
  return first && (first[0] === '{' || first[0] === '[') ? 'json' : 'yaml';
}

export function parseText(text: string, file: string, format: TextFormat, opts: ParseOptions = {}): unknown {
  const value = format === 'json' ? parseJson(text, file) : parseYaml(text, file, opts.maxNodes ?? DEFAULT_MAX_NODES);
  if (text.includes('__proto__')) rejectProtoKeys(value, text, file, format);
  return value;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? lineColumnAt(text, Number(m[1])) : undefined;
    throw new ApicompatError('parse-error', `malformed JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`, {
      file,
      ...pos,
    });
  }
}

function parseYaml(text: string, file: string, maxNodes: number): unknown {
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: true, filename: file });
  } catch (e) {
    const err = e as { reason?: string; mark?: { line: number; column: number }; message: string };
    throw new ApicompatError('parse-error', `malformed YAML: ${err.reason ?? err.message.split('\n')[0]}`, {
      file,
      ...(err.mark ? { line: err.mark.line + 1, column: err.mark.column + 1 } : {}),
    });
  }
  // Aliases make a graph of shared nodes; bound the size of the tree it stands for.
  if (/(^|[\s[{,:-])\*[^\s,\]}]/m.test(text) && /&[^\s]/.test(text)) boundExpandedSize(value, file, maxNodes);
  return value;
}

function boundExpandedSize(root: unknown, file: string, maxNodes: number): void {
  const memo = new Map<object, number>();
  const size = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    if (depth > 10_000) return 1;
    memo.set(v, 1); // a self-referencing alias is counted once
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child, depth + 1);
      if (n > maxNodes) break;
    }
    memo.set(v, n);
    return n;
  };
  const total = size(root, 0);
  if (total > maxNodes) {
    throw new ApicompatError('alias-bomb', `YAML aliases expand to more than ${maxNodes} nodes; refusing the document`, { file });
  }
}

function rejectProtoKeys(root: unknown, text: string, file: string, format: TextFormat): void {
  const stack: Array<{ v: unknown; ptr: string }> = [{ v: root, ptr: '' }];
  const seen = new Set<object>();
  while (stack.length) {
    const { v, ptr } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (!Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, '__proto__')) {
      const offset = text.indexOf('__proto__');
      throw new ApicompatError('proto-key', `key "__proto__" at ${ptr || '/'} is not allowed in a spec (${format})`, {
        file,
        pointer: `${ptr}/__proto__`,
        ...lineColumnAt(text, offset),
      });
    }
    const entries = Array.isArray(v) ? v.map((c, i) => [String(i), c] as const) : Object.entries(v);
    for (const [k, c] of entries) stack.push({ v: c, ptr: `${ptr}/${k}` });
  }
}
