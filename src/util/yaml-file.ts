/** Small YAML files of our own formats (policy, ignore, mapping), read with line numbers for errors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ApicompatError, type ErrorCode, type SourceLocation } from '../errors.js';

export function parseYamlWithPositions(
  text: string,
  file: string,
  code: ErrorCode,
): { doc: YAML.Document.Parsed; at: (path: Array<string | number>) => SourceLocation } {
  const lines = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lines.linePos(e.pos[0]);
    throw new ApicompatError(code, `malformed YAML: ${e.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  const at = (p: Array<string | number>): SourceLocation => {
    const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return { file };
    const pos = lines.linePos(node.range[0]);
    return { file, line: pos.line, column: pos.col };
  };
  return { doc, at };
}

/**
 * Reads one of our own YAML files (relative to `cwd`) and parses it with positions.
 * A missing file is a located error with `missing` as its message.
 */
export function readYamlFile(
  file: string,
  cwd: string,
  code: ErrorCode,
  missing: string,
): { doc: YAML.Document.Parsed; at: (path: Array<string | number>) => SourceLocation; abs: string; shown: string } {
  const abs = path.resolve(cwd, file);
  const shown = path.relative(process.cwd(), abs) || abs;
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new ApicompatError(code, missing, { file: shown });
  }
  return { ...parseYamlWithPositions(text, shown, code), abs, shown };
}
