import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deref, isObject, obj, str, type Json } from '../support/json.js';


const dir = fileURLToPath(new URL('../../specs/sunshine-conversations/', import.meta.url));
const catalogDir = fileURLToPath(new URL('../../src/rules/catalog/', import.meta.url));
const file = (name: string): string => `${dir}${name}`;
const load = (name: string): unknown => parse(readFileSync(file(name), 'utf8'));

const VERSIONS = ['v1', 'v1.1', 'v2'] as const;
type Version = (typeof VERSIONS)[number];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const KINDS = new Set([
  'property-renamed',
  'parameter-renamed',
  'property-moved',
  'timestamp-to-date-string',
  'method-changed',
  'pagination-changed',
  'error-shape-changed',
  'enum-value-renamed',
  'enum-value-added',
  'enum-value-removed',
  'property-added',
  'property-removed',
  'property-became-required',
  'operation-added',
  'operation-removed',
  'operation-renamed',
  'webhook-renamed',
  'webhook-added',
  'webhook-removed',
  'limit-changed',
  'schema-added',
]);
const VERDICTS = new Set(['breaking', 'compatible', 'review']);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const OPERATION = /^(GET|PUT|POST|PATCH|DELETE) \//;
/** Property paths simple enough to resolve: `a`, `a.b`, `a[].b`. */
const SIMPLE_PATH = /^[\w$]+(\[\])?(\.[\w$]+(\[\])?)*$/;

/** Properties a schema declares, looking through allOf (all branches) and oneOf/anyOf (any branch). */
function properties(doc: Json, schema: unknown, depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const node = deref(doc, schema);
  if (!isObject(node) || depth > 20) return out;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      for (const [name, value] of properties(doc, branch, depth + 1)) if (key === 'allOf' || !out.has(name)) out.set(name, value);
    }
  }
  if (isObject(node.properties)) for (const [name, value] of Object.entries(node.properties)) out.set(name, value);
  return out;
}

/** Whether `path` (dots between properties, `[]` for array items) exists under the named schema. */
function hasPath(doc: Json, schemaName: string, path: string): boolean {
  let node: unknown = { $ref: `#/components/schemas/${schemaName}` };
  for (const raw of path.split('.')) {
    const isArray = raw.endsWith('[]');
    const name = isArray ? raw.slice(0, -2) : raw;
    const props = properties(doc, node);
    if (!props.has(name)) return false;
    node = props.get(name);
    if (isArray) {
      const resolved = deref(doc, node);
      if (!isObject(resolved) || resolved.items === undefined) return false;
      node = resolved.items;
    }
  }
  return true;
}

interface Operation {
  key: string;
  op: Json;
}

function operations(doc: Json): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(obj(doc.paths, 'paths'))) {
    const pathItem = obj(item, path);
    for (const method of METHODS) {
      if (pathItem[method] !== undefined) result.push({ key: `${method.toUpperCase()} ${path}`, op: obj(pathItem[method], `${method} ${path}`) });
    }
  }
  return result;
}

function webhooksOf(doc: Json): Json {
  return obj(doc.openapi === '3.1.0' ? doc.webhooks : doc['x-webhooks'], 'webhooks');
}

function schemasOf(doc: Json): Json {
  return obj(obj(doc.components, 'components').schemas, 'components.schemas');
}

/** Names of the query parameters of an operation, path-level ones included. */
function queryParameters(doc: Json, key: string): string[] {
  const [method, path] = key.split(' ') as [string, string];
  const pathItem = obj(obj(doc.paths, 'paths')[path], path);
  const list = [...((pathItem.parameters as unknown[] | undefined) ?? []), ...((obj(pathItem[method.toLowerCase()], key).parameters as unknown[] | undefined) ?? [])];
  return list.map((p) => obj(deref(doc, p), 'parameter')).filter((p) => p.in === 'query').map((p) => str(p.name, 'parameter name'));
}

const specs = Object.fromEntries(VERSIONS.map((v) => [v, obj(load(`${v}.yaml`), `${v}.yaml`)])) as Record<Version, Json>;
const opKeys = Object.fromEntries(VERSIONS.map((v) => [v, new Set(operations(specs[v]).map((o) => o.key))])) as Record<Version, Set<string>>;
const hookNames = Object.fromEntries(VERSIONS.map((v) => [v, new Set(Object.keys(webhooksOf(specs[v])))])) as Record<Version, Set<string>>;

describe('sunshine conversations specs', () => {
  it.each(VERSIONS)('%s.yaml passes swagger-parser validation', async (version) => {
    const api = await SwaggerParser.validate(file(`${version}.yaml`));
    expect(api.info.title).toBe('Sunshine Conversations API');
  });

  it('use OpenAPI 3.0.3 with x-webhooks for v1.x and 3.1.0 with webhooks for v2', () => {
    expect(specs.v1.openapi).toBe('3.0.3');
    expect(specs['v1.1'].openapi).toBe('3.0.3');
    expect(specs.v2.openapi).toBe('3.1.0');
    expect(specs.v1.webhooks).toBeUndefined();
    expect(specs['v1.1'].webhooks).toBeUndefined();
    expect(specs.v2['x-webhooks']).toBeUndefined();
  });

  it('put the version in the server for v1.x and in the paths for v2', () => {
    const server = (v: Version): string => str(obj((specs[v].servers as unknown[])[0], 'server').url, 'server url');
    expect(server('v1')).toBe('https://api.smooch.io/v1');
    expect(server('v1.1')).toBe('https://api.smooch.io/v1.1');
    expect(server('v2')).toBe('https://api.smooch.io');
    for (const v of ['v1', 'v1.1'] as const) {
      for (const path of Object.keys(obj(specs[v].paths, 'paths'))) expect(path).not.toMatch(/^\/v\d/);
    }
    for (const path of Object.keys(obj(specs.v2.paths, 'paths'))) expect(path).toMatch(/^\/v2\/apps/);
  });

  it.each(VERSIONS)('%s.yaml: every operation has a unique camelCase operationId, declared tags and a 2xx response', (version) => {
    const doc = specs[version];
    const declared = new Set((doc.tags as unknown[]).map((t) => str(obj(t, 'tag').name, 'tag name')));
    const ids = new Set<string>();
    for (const { key, op } of operations(doc)) {
      const id = str(op.operationId, `${key} operationId`);
      expect(id, key).toMatch(CAMEL);
      expect(ids.has(id), `duplicate operationId ${id}`).toBe(false);
      ids.add(id);
      const tags = op.tags as unknown[];
      expect(Array.isArray(tags) && tags.length > 0, `${key} tags`).toBe(true);
      for (const tag of tags) expect(declared.has(str(tag, 'tag')), `${key} tag ${String(tag)}`).toBe(true);
      expect(Object.keys(obj(op.responses, `${key} responses`)).some((s) => /^2\d\d$/.test(s)), `${key} 2xx`).toBe(true);
    }
  });

  it.each(VERSIONS)('%s.yaml: error responses use the shared error schema', (version) => {
    const doc = specs[version];
    for (const { key, op } of operations(doc)) {
      for (const [status, response] of Object.entries(obj(op.responses, key))) {
        if (!/^[45]\d\d$/.test(status)) continue;
        const content = obj(obj(deref(doc, response), `${key} ${status}`).content, `${key} ${status} content`);
        const schema = obj(obj(content['application/json'], 'application/json').schema, 'schema');
        expect(schema.$ref, `${key} ${status}`).toBe('#/components/schemas/ErrorResponse');
      }
    }
    const errorProps = [...properties(doc, { $ref: '#/components/schemas/ErrorResponse' }).keys()];
    expect(errorProps).toEqual(version === 'v2' ? ['errors'] : ['error']);
  });

  it.each(VERSIONS)('%s.yaml: every webhook is a POST with a required body and a 200 response', (version) => {
    for (const [name, item] of Object.entries(webhooksOf(specs[version]))) {
      const post = obj(obj(item, name).post, `${name}.post`);
      expect(obj(post.requestBody, `${name} body`).required, name).toBe(true);
      expect(Object.keys(obj(post.responses, `${name} responses`)), name).toContain('200');
    }
  });

  it('v2 webhook bodies carry app, webhook and a list of events', () => {
    for (const [name, item] of Object.entries(webhooksOf(specs.v2))) {
      const body = obj(obj(obj(item, name).post, name).requestBody, name);
      const schema = obj(obj(obj(body.content, 'content')['application/json'], 'json').schema, 'schema');
      expect(schema.required, name).toEqual(['app', 'webhook', 'events']);
      const events = obj(obj(schema.properties, 'properties').events, 'events');
      const eventProps = properties(specs.v2, events.items);
      expect([...eventProps.keys()].sort(), name).toEqual(['createdAt', 'id', 'payload', 'type']);
      const type = obj(eventProps.get('type'), 'type');
      if (Array.isArray(type.enum)) expect(type.enum, name).toEqual([name]);
    }
  });
});

describe('sunshine conversations expected changes', () => {
  const entries = load('expected-changes.yaml');

  it('is a list of well-formed entries', () => {
    expect(Array.isArray(entries)).toBe(true);
    const ids = new Set<string>();
    for (const raw of entries as unknown[]) {
      const e = obj(raw, 'entry');
      const id = str(e.id, 'id');
      expect(id).toMatch(KEBAB);
      expect(ids.has(id), `duplicate id ${id}`).toBe(false);
      ids.add(id);
      expect([['v1', 'v1.1'], ['v1.1', 'v2']], id).toContainEqual(e.between);
      str(e.seed, `${id} seed`);
      expect(KINDS.has(str(e.kind, `${id} kind`)), `${id} kind ${String(e.kind)}`).toBe(true);
      str(e.schema, `${id} schema`);
      for (const key of ['from', 'to'] as const) {
        expect(key in e, `${id} ${key}`).toBe(true);
        expect(e[key] === null || (typeof e[key] === 'string' && e[key] !== ''), `${id} ${key}`).toBe(true);
      }
      expect(VERDICTS.has(str(e.verdict, `${id} verdict`)), `${id} verdict`).toBe(true);
    }
  });

  it('covers both version steps', () => {
    const list = (entries as unknown[]).map((e) => obj(e, 'entry'));
    expect(list.filter((e) => (e.between as string[])[0] === 'v1').length).toBeGreaterThanOrEqual(10);
    expect(list.filter((e) => (e.between as string[])[0] === 'v1.1').length).toBeGreaterThanOrEqual(100);
  });

  it('names operations, webhooks, schemas and properties that exist in the specs', () => {
    for (const raw of entries as unknown[]) {
      const e = obj(raw, 'entry');
      const id = e.id as string;
      const [older, newer] = e.between as [Version, Version];
      const kind = e.kind as string;
      const subject = e.schema as string;
      const from = e.from as string | null;
      const to = e.to as string | null;
      if (OPERATION.test(subject)) {
        const inOlder = ['operation-removed', 'operation-renamed', 'method-changed'].includes(kind);
        expect(opKeys[inOlder ? older : newer].has(subject), `${id}: ${subject}`).toBe(true);
        if (kind === 'operation-removed') expect(opKeys[newer].has(subject), `${id} still present`).toBe(false);
        if (kind === 'operation-renamed') expect(opKeys[newer].has(str(to, `${id} to`)), `${id}: ${String(to)}`).toBe(true);
        if (kind === 'operation-added') expect(opKeys[older].has(subject), `${id} already present`).toBe(false);
        if (kind === 'method-changed') expect([from, to], id).toEqual(['PUT', 'PATCH']);
        if (kind === 'parameter-renamed') {
          expect(queryParameters(specs[newer], subject), id).toContain(to);
          expect(queryParameters(specs[newer], subject), id).not.toContain(from);
        }
        continue;
      }
      if (kind === 'webhook-renamed' || kind === 'webhook-removed') {
        expect(hookNames[older].has(str(from, `${id} from`)), `${id}: ${String(from)}`).toBe(true);
        expect(hookNames[newer].has(from as string), `${id}: ${String(from)} still present`).toBe(false);
        if (kind === 'webhook-renamed') expect(hookNames[newer].has(str(to, `${id} to`)), `${id}: ${String(to)}`).toBe(true);
        continue;
      }
      if (kind === 'webhook-added') {
        expect(hookNames[newer].has(str(to, `${id} to`)), id).toBe(true);
        expect(hookNames[older].has(to as string), id).toBe(false);
        continue;
      }
      if (subject === '*' || hookNames[older].has(subject) || hookNames[newer].has(subject)) continue;
      const newSchemas = schemasOf(specs[newer]);
      const oldSchemas = schemasOf(specs[older]);
      expect(subject in newSchemas, `${id}: schema ${subject} in ${newer}`).toBe(true);
      const oldName = typeof e.fromSchema === 'string' ? e.fromSchema : subject;
      if (kind === 'schema-added') {
        expect(oldName in oldSchemas, `${id}: ${oldName} already in ${older}`).toBe(false);
        continue;
      }
      const checksFrom = ['property-renamed', 'property-moved', 'property-removed', 'timestamp-to-date-string', 'property-became-required'].includes(kind);
      if (checksFrom && from !== null && SIMPLE_PATH.test(from)) {
        expect(oldName in oldSchemas, `${id}: schema ${oldName} in ${older}`).toBe(true);
        expect(hasPath(specs[older], oldName, from), `${id}: ${oldName}.${from} in ${older}`).toBe(true);
      }
      if (['property-renamed', 'property-moved', 'property-added', 'property-became-required'].includes(kind) && to !== null && SIMPLE_PATH.test(to)) {
        expect(hasPath(specs[newer], subject, to), `${id}: ${subject}.${to} in ${newer}`).toBe(true);
      }
      if (kind === 'property-added' && to !== null && SIMPLE_PATH.test(to) && oldName in oldSchemas) {
        expect(hasPath(specs[older], oldName, to), `${id}: ${oldName}.${to} already in ${older}`).toBe(false);
      }
      if (kind === 'property-became-required') {
        const required = (name: string, doc: Json): unknown[] => (obj(deref(doc, schemasOf(doc)[name]), name).required as unknown[] | undefined) ?? [];
        expect(required(oldName, specs[older]), id).not.toContain(from);
        expect(required(subject, specs[newer]), id).toContain(to);
      }
    }
  });

  it('reflects the v1 -> v1.1 upgrade guide in the webhook payloads', () => {
    const appUserRef = (doc: Json, trigger: string): unknown => {
      const body = obj(obj(obj(webhooksOf(doc)[trigger], trigger).post, trigger).requestBody, trigger);
      const schema = obj(obj(body.content, 'content')['application/json'], 'json').schema;
      return obj(properties(doc, schema).get('appUser'), `${trigger} appUser`).$ref;
    };
    for (const trigger of ['postback', 'conversation:start', 'message:appUser', 'message:appMaker']) {
      expect(appUserRef(specs.v1, trigger), trigger).toBe('#/components/schemas/AppUser');
      expect(appUserRef(specs['v1.1'], trigger), trigger).toBe('#/components/schemas/AppUserTruncated');
    }
    expect(hasPath(specs.v1, 'DeliveryEvent', 'messages[]._id')).toBe(true);
    expect(hasPath(specs['v1.1'], 'MessageDeliveryEvent', 'message._id')).toBe(true);
    expect(hasPath(specs['v1.1'], 'MessageDeliveryEvent', 'messages')).toBe(false);
  });
});

describe('sunshine conversations mappings', () => {
  it.each([
    ['mapping-v1-v1.1.yaml', 'v1', 'v1.1'],
    ['mapping-v1.1-v2.yaml', 'v1.1', 'v2'],
  ] as const)('%s pairs operations and webhooks that exist', (name, older, newer) => {
    const mapping = obj(load(name), name);
    expect(mapping.apicompat).toBe('mapping/v1');
    for (const [from, to] of Object.entries(obj(mapping.operations, 'operations'))) {
      expect(opKeys[older].has(from), `${name}: ${from}`).toBe(true);
      expect(opKeys[newer].has(str(to, from)), `${name}: ${String(to)}`).toBe(true);
    }
    for (const [from, to] of Object.entries(obj(mapping.webhooks, 'webhooks'))) {
      expect(hookNames[older].has(from), `${name}: ${from}`).toBe(true);
      expect(hookNames[newer].has(str(to, from)), `${name}: ${String(to)}`).toBe(true);
    }
  });
});

describe('sunshine conversations policy', () => {
  const policy = obj(load('policy.yaml'), 'policy.yaml');
  const ruleIds = new Set(readdirSync(catalogDir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)));

  it('has the policy header', () => {
    expect(policy.apicompat).toBe('policy/v1');
    expect(policy.name).toBe('sunshine-conversations');
    expect(policy.extends).toBe('tolerant-reader');
    expect(policy.maxIdLength).toBe(255);
    str(policy.description, 'description');
  });

  it('has clauses with id, ref, text and allowed rule ids', () => {
    const clauses = policy.clauses as unknown[];
    expect(Array.isArray(clauses) && clauses.length > 0).toBe(true);
    const ids = new Set<string>();
    for (const raw of clauses) {
      const c = obj(raw, 'clause');
      const id = str(c.id, 'clause id');
      expect(id).toMatch(KEBAB);
      expect(ids.has(id), `duplicate clause ${id}`).toBe(false);
      ids.add(id);
      str(c.ref, `${id} ref`);
      str(c.text, `${id} text`);
      expect(Array.isArray(c.allows), `${id} allows`).toBe(true);
      for (const rule of c.allows as unknown[]) expect(ruleIds.has(str(rule, `${id} rule`)), `${id}: unknown rule ${String(rule)}`).toBe(true);
      if ((c.allows as unknown[]).length === 0) str(c.note, `${id} note (a clause without rules says why)`);
    }
  });

  it('covers every section of the versioning guide', () => {
    const refs = (policy.clauses as unknown[]).map((c) => String(obj(c, 'clause').ref));
    for (const section of ['Additive changes', 'Formatting changes', 'Relaxing restrictions', 'Error handling']) {
      expect(refs.some((r) => r.includes(section)), section).toBe(true);
    }
    for (let item = 1; item <= 6; item++) expect(refs.some((r) => r.includes(`Additive changes, item ${item}`)), `additive ${item}`).toBe(true);
  });

  it('overrides only known rules with a verdict and a reason', () => {
    for (const raw of (policy.overrides as unknown[] | undefined) ?? []) {
      const o = obj(raw, 'override');
      expect(ruleIds.has(str(o.rule, 'override rule')), String(o.rule)).toBe(true);
      expect(VERDICTS.has(str(o.verdict, 'override verdict'))).toBe(true);
      str(o.reason, 'override reason');
    }
  });
});
