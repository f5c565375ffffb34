/** Worker thread of a many-spec check: compares one spec at the base ref with the working tree. */
import { check, type CheckOptions, type CheckResult } from '../check.js';
import { ApicompatError } from '../errors.js';

export interface SpecTask {
  base: string;
  revision: string;
  options: CheckOptions;
}

export type SpecOutcome = { ok: true; result: CheckResult } | { ok: false; message: string; exitCode: number };

export default async function compareOne(task: SpecTask): Promise<SpecOutcome> {
  try {
    return { ok: true, result: await check(task.base, task.revision, task.options) };
  } catch (e) {
    if (e instanceof ApicompatError) return { ok: false, message: e.format(), exitCode: e.exitCode };
    return { ok: false, message: `internal error: ${(e as Error)?.message ?? String(e)}`, exitCode: 4 };
  }
}
