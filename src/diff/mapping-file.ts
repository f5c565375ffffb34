/**
 * Mapping files pair operations and webhooks across major versions, where paths differ:
 *
 * ```yaml
 * apicompat: mapping/v1
 * operations:
 *   "GET /v1.1/apps/{appId}/appusers/{userId}": "GET /v2/apps/{appId}/users/{userId}"
 * webhooks:
 *   "message:appUser": "conversation:message"
 * properties:                    # renames whose names alone do not show it
 *   "AppUser.userId": externalId  # base schema.property: new property name in the same object
 *   "Message.role": author.type   # moved into a property added beside it (`into.field`)
 *   "EventBase.trigger": events[].type  # or deeper: `[]` steps into the items of an added array
 *   "Client._id": id             # a name the old object also had: that old field is then removed
 * enums:                         # renamed enum values, by base component schema (or `Schema.property`
 *                                # for an inline enum)
 *   IntegrationType:
 *     apn: ios
 * parameters:                    # renamed parameters, by base operation (the place may change too)
 *   "POST /apps/{appId}/attachments":
 *     appUserId: conversationId
 * schemas:                       # component schemas to compare although no matched operation
 *   Conversation: Conversation   # or webhook reaches both: base name -> revision name
 * ```
 *
 * A `schemas:` pair is compared in each direction the revision uses the new schema in (request,
 * response, webhook payload), as the operations of the revision reach it; a schema the revision
 * uses nowhere is not compared. What a matched operation already reported is not repeated.
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
  const properties = new Map<string, string>();
  const p = own(v, 'properties');
  if (p !== undefined) {
    if (!isObject(p)) throw new ApicompatError('mapping-invalid', '`properties` must map `Schema.property` to the new property name', at(['properties']));
    for (const k of Object.keys(p)) {
      const to = own(p, k);
      if (typeof to !== 'string' || !/^[^.]+\.[^.]+$/.test(k)) throw new ApicompatError('mapping-invalid', `property mapping '${k}' must be \`Schema.property: newName\``, at(['properties', k]));
      properties.set(k, to);
    }
  }
  const enums = new Map<string, Map<string, string>>();
  const e = own(v, 'enums');
  if (e !== undefined) {
    if (!isObject(e)) throw new ApicompatError('mapping-invalid', '`enums` must map schema names to old -> new values', at(['enums']));
    for (const schema of Object.keys(e)) {
      const values = own(e, schema);
      if (!isObject(values)) throw new ApicompatError('mapping-invalid', `\`enums.${schema}\` must map old values to new ones`, at(['enums', schema]));
      const m = new Map<string, string>();
      for (const from of Object.keys(values)) {
        const to = own(values, from);
        if (typeof to !== 'string') throw new ApicompatError('mapping-invalid', `new value for '${from}' in \`enums.${schema}\` must be a string`, at(['enums', schema, from]));
        m.set(from, to);
      }
      enums.set(schema, m);
    }
  }
  const schemas = new Map<string, string>();
  const sc = own(v, 'schemas');
  if (sc !== undefined) {
    if (!isObject(sc)) throw new ApicompatError('mapping-invalid', '`schemas` must map base schema names to revision schema names', at(['schemas']));
    for (const k of Object.keys(sc)) {
      const to = own(sc, k);
      if (typeof to !== 'string') throw new ApicompatError('mapping-invalid', `new schema name for '${k}' must be a string`, at(['schemas', k]));
      schemas.set(k, to);
    }
  }
  const parameters = new Map<string, Map<string, string>>();
  const pm = own(v, 'parameters');
  if (pm !== undefined) {
    if (!isObject(pm)) throw new ApicompatError('mapping-invalid', '`parameters` must map "METHOD path" to old -> new parameter names', at(['parameters']));
    for (const op of Object.keys(pm)) {
      const names = own(pm, op);
      if (!isObject(names)) throw new ApicompatError('mapping-invalid', `\`parameters.${op}\` must map old parameter names to new ones`, at(['parameters', op]));
      const m = new Map<string, string>();
      for (const from of Object.keys(names)) {
        const to = own(names, from);
        if (typeof to !== 'string') throw new ApicompatError('mapping-invalid', `new name for parameter '${from}' of '${op}' must be a string`, at(['parameters', op, from]));
        m.set(from, to);
      }
      parameters.set(operationKey(op), m);
    }
  }
  return { operations, webhooks, ...(parameters.size ? { parameters } : {}), ...(properties.size ? { properties } : {}), ...(enums.size ? { enums } : {}), ...(schemas.size ? { schemas } : {}) };
}
