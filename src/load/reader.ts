/**
 * Where spec files come from: the file system, or a git revision (`<ref>:<path>`).
 * Every read is bounded in size; every path is absolute inside the reader.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApicompatError } from '../errors.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface SpecReader {
  /** Human name of the source for messages, e.g. `main:openapi.yaml`. */
  display(absPath: string): string;
  exists(absPath: string): boolean;
  read(absPath: string): string;
  /** Names in a folder, for the case-insensitive fallback of `$ref` resolution. */
  list(absDir: string): string[];
}

export class FileReader implements SpecReader {
  constructor(
    private readonly maxBytes = DEFAULT_MAX_BYTES,
    private readonly cwd = process.cwd(),
  ) {}

  display(absPath: string): string {
    const rel = path.relative(this.cwd, absPath);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absPath;
  }

  exists(absPath: string): boolean {
    try {
      return statSync(absPath).isFile();
    } catch {
      return false;
    }
  }

  read(absPath: string): string {
    const shown = this.display(absPath);
    let size: number;
    try {
      const st = statSync(absPath);
      if (st.isDirectory()) throw new ApicompatError('file-unreadable', 'is a directory, not a spec file', { file: shown });
      size = st.size;
    } catch (e) {
      if (e instanceof ApicompatError) throw e;
      throw new ApicompatError('file-not-found', 'no such file', { file: shown });
    }
    if (size > this.maxBytes) {
      throw new ApicompatError('file-too-large', `file is ${size} bytes, over the limit of ${this.maxBytes} (raise it with --max-size)`, { file: shown });
    }
    try {
      return readFileSync(absPath, 'utf8');
    } catch (e) {
      throw new ApicompatError('file-unreadable', `cannot read file: ${(e as Error).message}`, { file: shown });
    }
  }

  list(absDir: string): string[] {
    try {
      return readdirSync(absDir);
    } catch {
      return [];
    }
  }
}

/** Reads files as they are at a git revision. Paths are absolute within the work tree. */
export class GitReader implements SpecReader {
  private readonly trees = new Map<string, string[]>();

  constructor(
    readonly ref: string,
    readonly repoRoot: string,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  private rel(absPath: string): string {
    return path.relative(this.repoRoot, absPath).split(path.sep).join('/');
  }

  display(absPath: string): string {
    return `${this.ref}:${this.rel(absPath)}`;
  }

  exists(absPath: string): boolean {
    const dir = path.dirname(absPath);
    return this.list(dir).includes(path.basename(absPath));
  }

  read(absPath: string): string {
    const spec = `${this.ref}:${this.rel(absPath)}`;
    let size: number;
    try {
      size = Number(execFileSync('git', ['cat-file', '-s', spec], { cwd: this.repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim());
    } catch {
      throw new ApicompatError('git-read-failed', `git has no file ${spec}`, { file: spec });
    }
    if (size > this.maxBytes) {
      throw new ApicompatError('file-too-large', `file is ${size} bytes, over the limit of ${this.maxBytes} (raise it with --max-size)`, { file: spec });
    }
    return execFileSync('git', ['cat-file', 'blob', spec], { cwd: this.repoRoot, maxBuffer: this.maxBytes + 1024, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  }

  list(absDir: string): string[] {
    const rel = this.rel(absDir);
    let names = this.trees.get(rel);
    if (!names) {
      try {
        const out = execFileSync('git', ['ls-tree', '--name-only', `${this.ref}:${rel === '' ? '' : rel}`], {
          cwd: this.repoRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
        }).toString();
        names = out.split('\n').filter(Boolean);
      } catch {
        names = [];
      }
      this.trees.set(rel, names);
    }
    return names;
  }
}

export interface ResolvedSource {
  reader: SpecReader;
  absPath: string;
}

const GIT_SPEC = /^([^:\\/][^:]*):(.+)$/;

/**
 * Turns a command-line spec argument into a reader and an absolute path.
 * `<ref>:<path>` is read with git when no file of that name exists; `<path>` is relative to cwd
 * (`./x` or a path without a ref reads from the work tree).
 */
export function resolveSource(arg: string, opts: { cwd?: string; maxBytes?: number } = {}): ResolvedSource {
  const cwd = opts.cwd ?? process.cwd();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const asFile = path.resolve(cwd, arg);
  const m = GIT_SPEC.exec(arg);
  if (m && !existsSync(asFile) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    const [, ref, file] = m as unknown as [string, string, string];
    let repoRoot: string;
    try {
      repoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
    } catch {
      throw new ApicompatError('git-read-failed', `'${arg}' looks like <git-ref>:<path> but ${cwd} is not inside a git repository`, { file: arg });
    }
    try {
      execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      throw new ApicompatError('git-read-failed', `no git revision named '${ref}' (and no file named '${arg}')`, { file: arg });
    }
    // `ref:./x` and `ref:x` are relative to cwd like a plain path; git itself would read `ref:x` from the repo root.
    const abs = path.resolve(cwd, file);
    const reader = new GitReader(ref, repoRoot, maxBytes);
    if (!reader.exists(abs)) throw new ApicompatError('git-read-failed', `git has no file ${reader.display(abs)}`, { file: arg });
    return { reader, absPath: abs };
  }
  return { reader: new FileReader(maxBytes, cwd), absPath: asFile };
}
