/**
 * The rule-definition pattern: one file per rule under src/rules/catalog/, named after its id.
 * A rule claims neutral deltas of given kinds (optionally only when a predicate holds) and gives
 * each a verdict per built-in policy and a message template. A transition rule claims a group of
 * deltas that together are one change (a rename is one change, not a removal plus an addition).
 */
import type { Spec } from '../load/spec.js';
import type { ViewBuilder } from '../diff/schema-view.js';
import type { Delta, DeltaArgs } from '../diff/delta.js';
import type { OperationMapping } from '../diff/match.js';
import type { BuiltinPolicyName, RuleDirection, Verdict } from '../types.js';

export type RuleArea = 'operation' | 'parameter' | 'request-body' | 'response' | 'schema' | 'security' | 'webhook' | 'info' | 'general';

export interface RuleContext {
  base: Spec;
  rev: Spec;
  /** Longest id the policy lets the provider move to (tolerant-reader: 255). */
  maxIdLength: number;
  baseViews: ViewBuilder;
  revViews: ViewBuilder;
  /** The mapping file, when one was given: it names renamed properties and enum values. */
  mapping?: OperationMapping;
}

interface RuleBase {
  id: string;
  summary: string;
  /** Longer explanation for the generated docs. */
  description?: string;
  direction: RuleDirection;
  area: RuleArea;
  verdict: Record<BuiltinPolicyName, Verdict>;
  /** The clause of the tolerant-reader policy that allows the change, when one does. */
  policyClause?: string;
  /** The evolution of the tolerance suites that proves clients cope with the change. */
  toleratedBy?: string;
  /** Message template: `{name}` is replaced by the change's argument of that name. */
  message: string;
  /** Former ids of this rule. */
  aliases?: string[];
  /** Higher runs first among rules claiming the same delta kind. */
  priority?: number;
}

export interface DeltaRule extends RuleBase {
  type: 'delta';
  on: string[];
  when?: (delta: Delta, ctx: RuleContext) => boolean;
}

export interface TransitionMatch {
  claimed: Delta[];
  /** The delta whose location and operation the change takes. */
  at: Delta;
  args: DeltaArgs;
}

export interface TransitionRule extends RuleBase {
  type: 'transition';
  /** Delta kinds this rule may claim. */
  claims: string[];
  group: (deltas: Delta[], ctx: RuleContext) => TransitionMatch[];
}

export type Rule = DeltaRule | TransitionRule;

export function defineRule(rule: Omit<DeltaRule, 'type'>): DeltaRule {
  return { type: 'delta', ...rule };
}

export function defineTransition(rule: Omit<TransitionRule, 'type'>): TransitionRule {
  return { type: 'transition', ...rule };
}

export function renderMessage(template: string, args: DeltaArgs): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (args[k] !== undefined && args[k] !== '' ? String(args[k]) : k === 'pointer' ? m : '?'));
}
