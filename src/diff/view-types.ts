/** The flattened schema view's shape and the small facts about keywords its builder and readers share. */
import type { NodeRef } from '../load/spec.js';

export const LIMIT_KEYWORDS = [
  'maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties',
  'minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties',
] as const;
export type LimitKeyword = (typeof LIMIT_KEYWORDS)[number];

export function isUpperLimit(k: LimitKeyword): boolean {
  return k.startsWith('max') || k === 'exclusiveMaximum';
}

export interface SchemaView {
  node: NodeRef;
  /** Declared types without 'null'; undefined = any type. */
  types?: Set<string>;
  nullable: boolean;
  format?: string;
  /** The values allowed: the intersection of every enum the schema and its allOf members declare. */
  enum?: unknown[];
  const?: { value: unknown };
  /** Every pattern a value must match (each allOf member may add one), sorted by pattern. */
  patterns: Array<{ value: string; node: NodeRef }>;
  default?: { value: unknown };
  readOnly: boolean;
  writeOnly: boolean;
  /** The tightest bound of each kind; a 3.0 `exclusiveMinimum: true` + `minimum` reads as a numeric `exclusiveMinimum`. */
  limits: Partial<Record<LimitKeyword, number>>;
  /** 3.0 boolean exclusive bounds without a bound beside them in the same schema. */
  exclusiveFlags: { max: boolean; min: boolean };
  multipleOf?: number;
  uniqueItems: boolean;
  properties: Map<string, NodeRef>;
  required: Set<string>;
  /** undefined = not stated (allowed); true/false; or a schema. */
  additionalProperties?: boolean | NodeRef;
  /** The item schema; several allOf members' item schemas read as an allOf of references to each. */
  items?: NodeRef;
  variants?: { kind: 'oneOf' | 'anyOf'; list: NodeRef[] };
  discriminator?: { propertyName: string; mapping: Map<string, string>; node: NodeRef };
  /** Every `not` of the schema and its allOf members (a value must match none). */
  nots: NodeRef[];
  /** The schema is `false` (accepts nothing). */
  never: boolean;
  /** Where keywords merged in from allOf members were declared (locations of their changes). */
  sources: { enum?: NodeRef; format?: NodeRef; const?: NodeRef; limits: Partial<Record<LimitKeyword, NodeRef>> };
  /**
   * The schema nodes (own node or allOf members) declaring the keywords keyword-diff compares,
   * by keyword (the first declaration); absent when none does.
   */
  extras?: Map<string, NodeRef>;
  /** Names of `$ref` targets seen on the way (for matching variants). */
  refName?: string;
  title?: string;
}

/** True when every type of `inner` is accepted by `outer` (integer counts as a number). */
export function typesCovered(inner: Set<string>, outer: Set<string>): boolean {
  for (const t of inner) if (!outer.has(t) && !(t === 'integer' && outer.has('number'))) return false;
  return true;
}

/** The values a view allows when it names them (a `const` is a one-value enum); undefined = not enumerated. */
export function enumerated(v: SchemaView): unknown[] | undefined {
  return v.const ? [v.const.value] : v.enum;
}
