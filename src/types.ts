/** The vocabulary shared by every layer (see docs/ARCHITECTURE.md). */
import type { SourceLocation } from './errors.js';

export type Verdict = 'breaking' | 'compatible' | 'review';
/** Who reads the data: request = the provider; response and webhook = the client. */
export type Direction = 'request' | 'response' | 'webhook';
export type RuleDirection = Direction | 'any';
export type BuiltinPolicyName = 'strict' | 'tolerant-reader';

export const VERDICT_ORDER: Record<Verdict, number> = { compatible: 0, review: 1, breaking: 2 };

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict | undefined {
  let worst: Verdict | undefined;
  for (const v of verdicts) if (worst === undefined || VERDICT_ORDER[v] > VERDICT_ORDER[worst]) worst = v;
  return worst;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** A finding: one occurrence of a rule. Messages are rendered from the rule template and args. */
export interface Change {
  rule: string;
  verdict: Verdict;
  direction: Direction | 'none';
  /** `METHOD /path` of the operation, `webhook NAME`, or undefined for document-level changes. */
  operation?: string;
  /** Every operation the change affects, when a schema shared by several of them changed (sorted; `operation` is the first). */
  operations?: string[];
  /** JSON pointer in the revision document (or the base document for removals). */
  pointer: string;
  location: SourceLocation;
  /** Location in the base document, when the change has one there. */
  baseLocation?: SourceLocation;
  args: Record<string, string | number | boolean>;
  message: string;
  /** Why the policy gave this verdict (clause reference or override). */
  reason?: string;
  /** Stable identity of the change across runs, reorderings and unrelated edits (see policy/fingerprint.ts). */
  fingerprint?: string;
  /** Set when an ignore-file entry accepted this change. */
  ignored?: { reason: string; expires?: string };
}

export { type SourceLocation };
