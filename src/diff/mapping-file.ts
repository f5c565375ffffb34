/**
 * Mapping files pair operations and webhooks across major versions, where paths differ:
 *
 * ```yaml
 * apicompat: mapping/v1
 * operations:
 *   "GET /v1.1/apps/{appId}/appusers/{userId}": "GET /v2/apps/{appId}/users/{userId}"
 * webhooks:
 *   "message:appUser": "conversation:message"
 * ```
 */
import { ApicompatError } from '../errors.js';
import { isObject, own } from '../util/guards.js';
import { readYamlFile } from '../util/yaml-file.js';
import { operationKey, type OperationMapping } from './match.js';

export function loadMapping(file: string, cwd = process.cwd()): OperationMapping {
  const { doc, at, shown } = readYamlFile(file, cwd, 'mapping-invalid', 'no such mapping file');
  const v = doc.toJS() as unknown;
  if (!isObject(v)) throw new ApicompatError('mapping-invalid', 'a mapping file is a YAML mapping with `operations` and/or `webhooks`', { file: shown });
  const operations = new Map<string, string>();
  const webhooks = new Map<string, string>();
  for (const [key, target] of [['operations', operations], ['webhooks', webhooks]] as const) {
    const m = own(v, key);
    if (m === undefined) continue;
    if (!isObject(m)) throw new ApicompatError('mapping-invalid', `\`${key}\` must map old names to new ones`, at([key]));
    for (const k of Object.keys(m)) {
      const to = own(m, k);
      if (typeof to !== 'string') throw new ApicompatError('mapping-invalid', `mapping for '${k}' must be a string`, at([key, k]));
      target.set(key === 'operations' ? operationKey(k) : k, key === 'operations' ? operationKey(to) : to);
    }
  }
  return { operations, webhooks };
}
