/**
 * Neutral deltas: what differs between two versions, before any policy looks at it.
 * Rules (src/rules) turn deltas into classified changes.
 */
import type { NodeRef, SpecDocument } from '../load/spec.js';
import type { OperationModel } from '../model/types.js';
import type { Direction } from '../types.js';

export type DeltaArgs = Record<string, string | number | boolean>;

export interface Place {
  doc: SpecDocument;
  pointer: string;
}

export interface Delta {
  kind: string;
  direction: Direction | 'none';
  /** Where the delta is in the base version (absent for pure additions). */
  base?: Place;
  /** Where the delta is in the revision (absent for pure removals). */
  rev?: Place;
  args: DeltaArgs;
  /** Deltas found under the same object schema pair share a scope (used by transition rules). */
  scope?: number;
  /** Nodes a rule may inspect (e.g. the schema of an added or removed property). */
  data?: { baseSchema?: NodeRef; revSchema?: NodeRef; [k: string]: unknown };
  /** The operation (or webhook) the delta belongs to, when it belongs to one. */
  operation?: OperationModel;
  baseOperation?: OperationModel;
  /**
   * Every operation that reaches the delta when it sits in a schema several operations share
   * (`operation` is the first of them). A shared schema edit is one change, not one per operation.
   */
  operations?: OperationModel[];
}

export function place(n: NodeRef | undefined): Place | undefined {
  return n ? { doc: n.doc, pointer: n.pointer } : undefined;
}
