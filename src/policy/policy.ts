/**
 * Policies as data. Two are built in (`strict`, `tolerant-reader`); providers write their own in
 * YAML: a policy extends a built-in (or another policy file), lists clauses of its versioning
 * policy with the rule ids each clause allows (those become compatible), and may override the
 * verdict of any rule with a reason.
 */
import path from 'node:path';
import { readYamlFile } from '../util/yaml-file.js';
import { ApicompatError } from '../errors.js';
import type { BuiltinPolicyName, Verdict } from '../types.js';
import type { Rule } from '../rules/define.js';
import { isObject, own } from '../util/guards.js';

export interface PolicyClause {
  id: string;
  ref: string;
  text: string;
  allows: string[];
  note?: string;
}

export interface Policy {
  name: string;
  base: BuiltinPolicyName;
  description?: string;
  maxIdLength: number;
  clauses: PolicyClause[];
  overrides: Map<string, { verdict: Verdict; reason: string }>;
  file?: string;
}

export const BUILTIN_POLICIES: Record<BuiltinPolicyName, string> = {
  strict: 'Every change that a client generated from the spec could notice is breaking.',
  'tolerant-reader':
    'Clients must tolerate additive and formatting changes (the Sunshine Conversations versioning policy): new response fields, enum values, types, webhook triggers and error codes, ids up to 255 characters, reordered fields, relaxed limits.',
};

export function builtinPolicy(name: BuiltinPolicyName): Policy {
  return { name, base: name, description: BUILTIN_POLICIES[name], maxIdLength: 255, clauses: [], overrides: new Map() };
}

export function isBuiltin(name: string): name is BuiltinPolicyName {
  return name === 'strict' || name === 'tolerant-reader';
}

const VERDICTS = new Set(['breaking', 'compatible', 'review']);

/** Loads a built-in policy by name or a policy file by path; rule ids are checked against the catalog. */
export function loadPolicy(nameOrPath: string, rules: Rule[], cwd = process.cwd(), seen = new Set<string>()): Policy {
  if (isBuiltin(nameOrPath)) return builtinPolicy(nameOrPath);
  const file = path.resolve(cwd, nameOrPath);
  if (seen.has(file)) throw new ApicompatError('policy-invalid', 'policy extends itself', { file: path.relative(process.cwd(), file) || file });
  seen.add(file);
  const { doc, at, shown } = readYamlFile(nameOrPath, cwd, 'policy-invalid', `no policy named '${nameOrPath}': not a built-in policy (strict, tolerant-reader) and no such file`);
  const v = doc.toJS() as unknown;
  if (!isObject(v)) throw new ApicompatError('policy-invalid', 'a policy file must be a YAML mapping', { file: shown });
  const known = new Map<string, string>();
  for (const r of rules) {
    known.set(r.id, r.id);
    for (const a of r.aliases ?? []) known.set(a, r.id);
  }
  const ruleId = (id: unknown, p: Array<string | number>): string => {
    const canonical = typeof id === 'string' ? known.get(id) : undefined;
    if (!canonical) throw new ApicompatError('policy-invalid', `unknown rule id '${String(id)}' (see \`apicompat rules\`)`, at(p));
    return canonical;
  };
  const extendsName = typeof own(v, 'extends') === 'string' ? (own(v, 'extends') as string) : 'strict';
  const parent = loadPolicy(extendsName, rules, path.dirname(file), seen);
  const clauses: PolicyClause[] = [...parent.clauses];
  const rawClauses = own(v, 'clauses');
  if (rawClauses !== undefined && !Array.isArray(rawClauses)) throw new ApicompatError('policy-invalid', '`clauses` must be a list', at(['clauses']));
  (rawClauses as unknown[] | undefined)?.forEach((c, i) => {
    if (!isObject(c) || typeof own(c, 'id') !== 'string') throw new ApicompatError('policy-invalid', 'each clause needs an `id`', at(['clauses', i]));
    const allows = own(c, 'allows') ?? [];
    if (!Array.isArray(allows)) throw new ApicompatError('policy-invalid', '`allows` must be a list of rule ids', at(['clauses', i, 'allows']));
    clauses.push({
      id: own(c, 'id') as string,
      ref: String(own(c, 'ref') ?? ''),
      text: String(own(c, 'text') ?? ''),
      allows: allows.map((a, j) => ruleId(a, ['clauses', i, 'allows', j])),
      ...(typeof own(c, 'note') === 'string' ? { note: own(c, 'note') as string } : {}),
    });
  });
  const overrides = new Map(parent.overrides);
  const rawOverrides = own(v, 'overrides');
  const list: Array<[string, unknown, Array<string | number>]> = [];
  if (Array.isArray(rawOverrides)) rawOverrides.forEach((o, i) => list.push([String(isObject(o) ? own(o, 'rule') : ''), o, ['overrides', i]]));
  else if (isObject(rawOverrides)) for (const k of Object.keys(rawOverrides)) list.push([k, own(rawOverrides, k), ['overrides', k]]);
  for (const [id, o, p] of list) {
    const verdict = isObject(o) ? own(o, 'verdict') : o;
    if (typeof verdict !== 'string' || !VERDICTS.has(verdict)) throw new ApicompatError('policy-invalid', `override for '${id}' needs a verdict: breaking, compatible or review`, at(p));
    overrides.set(ruleId(id, p), { verdict: verdict as Verdict, reason: String((isObject(o) ? own(o, 'reason') : undefined) ?? `${String(own(v, 'name') ?? shown)} override`) });
  }
  const maxId = own(v, 'maxIdLength');
  return {
    name: String(own(v, 'name') ?? path.basename(file, path.extname(file))),
    base: parent.base,
    ...(typeof own(v, 'description') === 'string' ? { description: own(v, 'description') as string } : {}),
    maxIdLength: typeof maxId === 'number' ? maxId : parent.maxIdLength,
    clauses,
    overrides,
    file: shown,
  };
}

export interface VerdictDecision {
  verdict: Verdict;
  reason: string;
}

/** The verdict a policy gives a rule, and why. */
export function verdictFor(rule: Rule, policy: Policy): VerdictDecision {
  const o = policy.overrides.get(rule.id);
  if (o) return { verdict: o.verdict, reason: o.reason };
  const clause = policy.clauses.find((c) => c.allows.includes(rule.id));
  if (clause) return { verdict: 'compatible', reason: `${policy.name}: ${clause.id}${clause.ref ? ` (${clause.ref})` : ''}` };
  const v = rule.verdict[policy.base];
  return { verdict: v, reason: v === 'compatible' && rule.policyClause && policy.base === 'tolerant-reader' ? `tolerant-reader: ${rule.policyClause}` : `${policy.base} default` };
}
