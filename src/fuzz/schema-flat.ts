/**
 * The flattened form of a schema: every constraint that applies to a value once `$ref`s are
 * followed and `allOf` parts merged. Produced by schema-merge.ts, read through SchemaView.
 */
import type { Schema } from './schema-context.js';

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
export const JSON_TYPES: readonly JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

export interface Discriminator {
  propertyName: string;
  /** Discriminator value -> the schema it selects (explicit mapping plus implicit names). */
  mapping: Map<string, Schema>;
}

export interface Union {
  kind: 'oneOf' | 'anyOf';
  branches: Schema[];
  discriminator?: Discriminator;
}

export interface Bound {
  value: number;
  exclusive: boolean;
}

export interface Flat {
  /** The schema this view describes. */
  source: Schema;
  /** No value can satisfy it. */
  never: boolean;
  /** Allowed non-null types; undefined when no part constrains the type. */
  types: Set<Exclude<JsonType, 'null'>> | undefined;
  /** Null is explicitly allowed (nullable, type null, enum with null) and not excluded. */
  nullOk: boolean;
  enum: unknown[] | undefined;
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  format?: string;
  minimum?: Bound;
  maximum?: Bound;
  multipleOf: number[];
  items: Schema[];
  prefixItems: Schema[][];
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
  /** Property name -> every constraint declared for it (all must hold). */
  properties: Map<string, Schema[]>;
  required: Set<string>;
  /** Properties some part forbids through `additionalProperties: false`. */
  forbidden: Set<string>;
  /** Constraints on undeclared keys; false when none are allowed. */
  additional: Schema[] | false;
  /** Some part says `additionalProperties: true` or gives a schema. */
  explicitAdditional: boolean;
  minProperties?: number;
  maxProperties?: number;
  readOnly: boolean;
  writeOnly: boolean;
  unions: Union[];
  /** A discriminator with a mapping on a base schema (subtypes extend it through allOf). */
  inheritance?: Discriminator;
  /** The generator cannot model everything here: check values with the oracle. */
  needsFilter: boolean;
  /** A `$ref` to a recursive schema was crossed while flattening. */
  crossesCycle: boolean;
  /** The parts merged (schemas without their allOf), in order. */
  atoms: Schema[];
}
