/**
 * Errors a user can cause carry a code, an exit code and, where known, a location.
 * The CLI prints them as one line; it never prints a stack trace for them.
 */
export const EXIT = {
  ok: 0,
  breaking: 1,
  usage: 2,
  badSpec: 3,
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export type ErrorCode =
  | 'usage'
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-too-large'
  | 'git-read-failed'
  | 'parse-error'
  | 'not-openapi'
  | 'ref-unresolved'
  | 'ref-remote'
  | 'ref-outside-root'
  | 'alias-bomb'
  | 'proto-key'
  | 'invalid-spec'
  | 'policy-invalid'
  | 'ignore-invalid'
  | 'mapping-invalid';

const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  usage: EXIT.usage,
  'policy-invalid': EXIT.usage,
  'ignore-invalid': EXIT.usage,
  'mapping-invalid': EXIT.usage,
  'file-not-found': EXIT.badSpec,
  'file-unreadable': EXIT.badSpec,
  'file-too-large': EXIT.badSpec,
  'git-read-failed': EXIT.badSpec,
  'parse-error': EXIT.badSpec,
  'not-openapi': EXIT.badSpec,
  'ref-unresolved': EXIT.badSpec,
  'ref-remote': EXIT.badSpec,
  'ref-outside-root': EXIT.badSpec,
  'alias-bomb': EXIT.badSpec,
  'proto-key': EXIT.badSpec,
  'invalid-spec': EXIT.badSpec,
};

export class ApicompatError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation | undefined;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, message: string, location?: SourceLocation) {
    super(message);
    this.name = 'ApicompatError';
    this.code = code;
    this.location = location;
    this.exitCode = EXIT_BY_CODE[code];
  }

  /** One line: `file:line:col: message [code]`. */
  format(): string {
    return `${formatLocation(this.location)}${this.message} [${this.code}]`;
  }
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) s += `:${loc.column}`;
  if (loc.line === undefined && loc.pointer) s += `#${loc.pointer}`;
  return `${s}: `;
}
