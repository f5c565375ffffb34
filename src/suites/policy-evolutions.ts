/**
 * Which evolutions a policy lets a provider make: an evolution runs when a rule that names it
 * in `toleratedBy` is compatible under the policy. Two evolutions have no rule of their own:
 * key order is not part of any schema (JSON objects are unordered, so no diff can report it and
 * every policy allows it), and a new error code is a new value of the error body's code enum.
 */
import { evolutions as allEvolutions } from '../fuzz/evolutions/index.js';
import type { Evolution, EvolutionId } from '../fuzz/evolution.js';
import { loadPolicy, verdictFor, type Policy } from '../policy/policy.js';
import type { Rule } from '../rules/define.js';
import { loadRules } from '../rules/registry.js';

/** Evolutions allowed whatever the policy says. */
const ALWAYS: ReadonlySet<EvolutionId> = new Set(['reordered-keys']);

/** Rules that allow an evolution besides those naming it in `toleratedBy`. */
const ALSO_ALLOWED_BY: Partial<Record<EvolutionId, string[]>> = {
  'unknown-error-code': ['response-enum-value-added'],
};

export interface PolicyEvolution {
  evolution: Evolution;
  /** The rules (compatible under the policy) that allow it; empty for evolutions every policy allows. */
  allowedBy: string[];
}

/** The evolutions `policy` allows, each with the rules that allow it, in registry order. */
export function evolutionsAllowedBy(policy: Policy, rules: Rule[]): PolicyEvolution[] {
  const out: PolicyEvolution[] = [];
  for (const evolution of allEvolutions) {
    const names = new Set(ALSO_ALLOWED_BY[evolution.id] ?? []);
    const allowedBy = rules
      .filter((r) => r.toleratedBy === evolution.id || names.has(r.id))
      .filter((r) => verdictFor(r, policy).verdict === 'compatible')
      .map((r) => r.id);
    if (allowedBy.length > 0 || ALWAYS.has(evolution.id)) out.push({ evolution, allowedBy });
  }
  return out;
}

/** Same, from a built-in policy name or a policy file path. */
export async function loadPolicyEvolutions(policy: string | Policy, cwd = process.cwd()): Promise<{ policy: Policy; evolutions: PolicyEvolution[] }> {
  const rules = await loadRules();
  const p = typeof policy === 'string' ? loadPolicy(policy, rules, cwd) : policy;
  return { policy: p, evolutions: evolutionsAllowedBy(p, rules) };
}
