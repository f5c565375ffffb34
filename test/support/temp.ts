/** A temporary folder for the files a test writes, removed when the test process ends. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempFolder {
  dir: string;
  /** Writes `text` under the folder and returns its path; without a name, a fresh `spec-<n>.yaml`. */
  write(text: string, name?: string): string;
}

export function tempFolder(prefix: string): TempFolder {
  const dir = mkdtempSync(path.join(tmpdir(), `apicompat-${prefix}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    write(text, name) {
      const p = path.join(dir, name ?? `spec-${n++}.yaml`);
      writeFileSync(p, text);
      return p;
    },
  };
}
