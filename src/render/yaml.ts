/** YAML output: the JSON report (schemas/check-result.schema.json) written as YAML. */
import { stringify } from 'yaml';
import type { CheckResult } from '../check.js';
import { toJson } from './json.js';

export function renderYaml(r: CheckResult): string {
  return stringify(toJson(r), { lineWidth: 0, aliasDuplicateObjects: false });
}
