import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deref, isObject, obj, str, type Json } from '../support/json.js';


const dir = fileURLToPath(new URL('../../specs/8x8-chat/', import.meta.url));
const file = (name: string): string => `${dir}${name}`;
const load = (name: string): unknown => parse(readFileSync(file(name), 'utf8'));

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const KINDS = new Set([
  'property-renamed',
  'parameter-renamed',
  'parameter-added',
  'property-moved',
  'property-removed',
  'method-changed',
  'operation-added',
  'operation-removed',
  'operation-renamed',
  'webhook-renamed',
  'webhook-added',
  'webhook-removed',
  'security-changed',
  'header-added',
  'schema-added',
]);
const VERDICTS = new Set(['breaking', 'compatible', 'review']);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REGIONS = ['us', 'ca', 'uk', 'eu', 'au', 'ap'];
const SIGNATURE_HEADERS = ['X-8x8-Signature', 'X-8x8-Event-Id', 'X-8x8-Retry-Count', 'X-8x8-Transmission-Time'];

interface Operation {
  key: string;
  path: string;
  pathItem: Json;
  op: Json;
}

function operations(doc: Json): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(obj(doc.paths, 'paths'))) {
    const pathItem = obj(item, path);
    for (const method of METHODS) {
      if (pathItem[method] !== undefined) {
        result.push({ key: `${method.toUpperCase()} ${path}`, path, pathItem, op: obj(pathItem[method], `${method} ${path}`) });
      }
    }
  }
  return result;
}

function webhookPosts(webhooks: unknown): Map<string, Json> {
  const result = new Map<string, Json>();
  for (const [name, item] of Object.entries(obj(webhooks, 'webhooks'))) {
    result.set(name, obj(obj(item, name).post, `${name}.post`));
  }
  return result;
}

/** The `$ref` under `content.<media>.schema` of a request body or response, after resolving the outer object. */
function bodySchemaRefs(doc: Json, bodyOrResponse: unknown): string[] {
  const resolved = obj(deref(doc, bodyOrResponse), 'body');
  if (resolved.content === undefined) return [];
  return Object.values(obj(resolved.content, 'content')).map((media) => {
    const schema = obj(obj(media, 'media type').schema, 'schema');
    return str(schema.$ref, 'schema $ref');
  });
}

function parameterNames(doc: Json, params: unknown, location: string): string[] {
  if (params === undefined) return [];
  if (!Array.isArray(params)) throw new Error('parameters is not an array');
  return params
    .map((p) => obj(deref(doc, p), 'parameter'))
    .filter((p) => p.in === location)
    .map((p) => str(p.name, 'parameter name'));
}

const v1 = obj(load('v1.yaml'), 'v1.yaml');
const v2 = obj(load('v2.yaml'), 'v2.yaml');
const v1Ops = new Map(operations(v1).map((o) => [o.key, o]));
const v2Ops = new Map(operations(v2).map((o) => [o.key, o]));
const v1Hooks = webhookPosts(v1['x-webhooks']);
const v2Hooks = webhookPosts(v2.webhooks);

describe('8x8 chat specs', () => {
  it('v1 validates as OpenAPI 3.0.3', async () => {
    expect(v1.openapi).toBe('3.0.3');
    await expect(SwaggerParser.validate(file('v1.yaml'))).resolves.toBeTruthy();
  });

  it('v2 validates as OpenAPI 3.1.0', async () => {
    expect(v2.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(file('v2.yaml'))).resolves.toBeTruthy();
  });

  it('v1 x-webhooks are valid 3.1 webhooks', async () => {
    const fresh = obj(load('v1.yaml'), 'v1.yaml');
    const asWebhooks = {
      openapi: '3.1.0',
      info: fresh.info,
      paths: {},
      webhooks: fresh['x-webhooks'],
      components: fresh.components,
    };
    await expect(SwaggerParser.validate(asWebhooks as unknown as Parameters<typeof SwaggerParser.validate>[0])).resolves.toBeTruthy();
  });

  it('v1 is US only with two header keys required together', () => {
    const servers = v1.servers as Json[];
    expect(servers.map((s) => s.url)).toEqual(['https://chatapi.8x8.com/api/v1']);
    expect(v1.security).toEqual([{ ApiKey: [], AuthToken: [] }]);
    const schemes = obj(obj(v1.components, 'components').securitySchemes, 'securitySchemes');
    for (const name of ['ApiKey', 'AuthToken']) {
      expect(obj(schemes[name], name)).toMatchObject({ type: 'apiKey', in: 'header' });
    }
  });

  it('v2 puts a required region path parameter in front of every path', () => {
    for (const { path, pathItem } of v2Ops.values()) {
      expect(path.startsWith('/{region}/chat/v2/'), path).toBe(true);
      const region = (pathItem.parameters as unknown[])
        .map((p) => obj(deref(v2, p), 'parameter'))
        .find((p) => p.name === 'region');
      expect(region, path).toMatchObject({ in: 'path', required: true, schema: { enum: REGIONS } });
    }
  });

  it('v2 uses OAuth2 client credentials by default', () => {
    expect(v2.security).toEqual([{ OAuth2: [] }]);
    const schemes = obj(obj(v2.components, 'components').securitySchemes, 'securitySchemes');
    expect(obj(obj(schemes.OAuth2, 'OAuth2').flows, 'flows').clientCredentials).toBeDefined();
  });

  for (const [label, doc, ops, hooks] of [
    ['v1', v1, v1Ops, v1Hooks],
    ['v2', v2, v2Ops, v2Hooks],
  ] as const) {
    it(`${label}: every operation and webhook has a unique operationId, tags and typed bodies`, () => {
      const ids = new Set<string>();
      const schemas = obj(obj(doc.components, 'components').schemas, 'schemas');
      expect(schemas.Error).toBeDefined();
      const all: [string, Json][] = [
        ...[...ops.values()].map((o): [string, Json] => [o.key, o.op]),
        ...[...hooks.entries()].map(([name, op]): [string, Json] => [`WEBHOOK ${name}`, op]),
      ];
      for (const [key, op] of all) {
        const id = str(op.operationId, `${key} operationId`);
        expect(ids.has(id), `duplicate operationId ${id}`).toBe(false);
        ids.add(id);
        expect(Array.isArray(op.tags) && op.tags.length > 0, `${key} tags`).toBe(true);
        const refs = op.requestBody === undefined ? [] : bodySchemaRefs(doc, op.requestBody);
        for (const response of Object.values(obj(op.responses, `${key} responses`))) {
          refs.push(...bodySchemaRefs(doc, response));
        }
        for (const ref of refs) {
          expect(ref.startsWith('#/components/schemas/'), `${key} ${ref}`).toBe(true);
          expect(deref(doc, { $ref: ref }), `${key} ${ref}`).toBeDefined();
        }
      }
      for (const { key, op } of ops.values()) {
        const responses = obj(op.responses, key);
        const errorRefs = Object.entries(responses)
          .filter(([status]) => status === 'default' || /^[45]/.test(status))
          .flatMap(([, response]) => bodySchemaRefs(doc, response));
        expect(errorRefs.length > 0 && errorRefs.every((r) => r === '#/components/schemas/Error'), key).toBe(true);
      }
    });
  }

  it('v2 webhooks declare the signature headers and x-signature', () => {
    expect(v2Ops.has('GET /{region}/chat/v2/webhook-keys')).toBe(true);
    for (const [name, op] of v2Hooks) {
      const headers = parameterNames(v2, op.parameters, 'header');
      expect(headers, name).toEqual(SIGNATURE_HEADERS);
      for (const p of op.parameters as unknown[]) expect(obj(deref(v2, p), 'header').required, name).toBe(true);
      expect(op['x-signature'], name).toEqual({
        type: 'jws-detached',
        headerName: 'X-8x8-Signature',
        b64: false,
        algorithms: ['RS256', 'ES256'],
        jwksPath: '/{region}/chat/v2/webhook-keys',
      });
      const [ref] = bodySchemaRefs(v2, op.requestBody);
      const schema = obj(deref(v2, { $ref: ref }), ref!);
      const own = obj((schema.allOf as unknown[])[1], `${name} own part`);
      expect(obj(obj(own.properties, 'properties').eventType, 'eventType').const, name).toBe(name);
    }
  });

  it('mapping names existing v1 and v2 operations and webhooks', () => {
    const mapping = obj(load('mapping-v1-v2.yaml'), 'mapping');
    expect(mapping.apicompat).toBe('mapping/v1');
    const ops = obj(mapping.operations, 'operations');
    expect(Object.keys(ops).length).toBeGreaterThan(0);
    for (const [from, to] of Object.entries(ops)) {
      expect(v1Ops.has(from), `v1 ${from}`).toBe(true);
      expect(v2Ops.has(str(to, from)), `v2 ${String(to)}`).toBe(true);
    }
    expect([...v1Ops.keys()].filter((k) => !(k in ops)), 'unmapped v1 operations').toEqual([]);
    const hooks = obj(mapping.webhooks, 'webhooks');
    for (const [from, to] of Object.entries(hooks)) {
      expect(v1Hooks.has(from), `v1 webhook ${from}`).toBe(true);
      expect(v2Hooks.has(str(to, from)), `v2 webhook ${String(to)}`).toBe(true);
    }
    if (mapping.notes !== undefined) {
      for (const [key, note] of Object.entries(obj(mapping.notes, 'notes'))) {
        expect(key in ops || key in hooks, `note key ${key}`).toBe(true);
        str(note, key);
      }
    }
  });

  it('expected changes are well formed and name real subjects', () => {
    const list = load('expected-changes.yaml');
    expect(Array.isArray(list)).toBe(true);
    const entries = (list as unknown[]).map((e, i) => obj(e, `entry ${i}`));
    expect(entries.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    const v2Schemas = obj(obj(v2.components, 'components').schemas, 'schemas');
    for (const entry of entries) {
      const id = str(entry.id, 'id');
      expect(KEBAB.test(id), id).toBe(true);
      expect(ids.has(id), `duplicate ${id}`).toBe(false);
      ids.add(id);
      expect(str(entry.seed, `${id} seed`)).toMatch(/^\d{3}(\/\d{3})* \S/);
      const kind = str(entry.kind, `${id} kind`);
      expect(KINDS.has(kind), `${id} kind ${kind}`).toBe(true);
      expect(VERDICTS.has(str(entry.verdict, `${id} verdict`)), id).toBe(true);
      expect('from' in entry && 'to' in entry, `${id} from/to`).toBe(true);
      const subject = str(entry.subject, `${id} subject`);
      if (subject.startsWith('#/components/schemas/')) {
        expect(v2Schemas[subject.slice('#/components/schemas/'.length)], id).toBeDefined();
      } else if (subject.startsWith('WEBHOOK ')) {
        const name = subject.slice('WEBHOOK '.length);
        if (name !== '*') {
          const inV1 = kind === 'webhook-renamed' || kind === 'webhook-removed';
          expect((inV1 ? v1Hooks : v2Hooks).has(name), `${id} ${subject}`).toBe(true);
        }
      } else {
        const inV1 = kind === 'operation-renamed' || kind === 'operation-removed';
        expect((inV1 ? v1Ops : v2Ops).has(subject), `${id} ${subject}`).toBe(true);
      }
      if (kind === 'operation-renamed') {
        expect(v1Ops.has(str(entry.from, id)) && v2Ops.has(str(entry.to, id)), id).toBe(true);
      }
      if (kind === 'webhook-renamed') {
        expect(v1Hooks.has(str(entry.from, id)) && v2Hooks.has(str(entry.to, id)), id).toBe(true);
      }
      if (kind === 'operation-added') expect(v2Ops.has(str(entry.to, id)), id).toBe(true);
      if (kind === 'webhook-added') expect(v2Hooks.has(str(entry.to, id)), id).toBe(true);
    }
  });

  it('renamed operations in expected changes agree with the mapping', () => {
    const mapping = obj(obj(load('mapping-v1-v2.yaml'), 'mapping').operations, 'operations');
    const hooks = obj(obj(load('mapping-v1-v2.yaml'), 'mapping').webhooks, 'webhooks');
    for (const entry of (load('expected-changes.yaml') as unknown[]).map((e) => obj(e, 'entry'))) {
      if (entry.kind === 'operation-renamed') expect(mapping[str(entry.from, 'from')]).toBe(entry.to);
      if (entry.kind === 'webhook-renamed') expect(hooks[str(entry.from, 'from')]).toBe(entry.to);
    }
  });

  it('policy is well formed', () => {
    const policy = obj(load('policy.yaml'), 'policy');
    expect(policy.apicompat).toBe('policy/v1');
    expect(policy.name).toBe('8x8-chat');
    expect(policy.extends).toBe('strict');
    str(policy.description, 'description');
    expect(Array.isArray(policy.overrides)).toBe(true);
    const clauses = (policy.clauses as unknown[]).map((c, i) => obj(c, `clause ${i}`));
    expect(clauses.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const clause of clauses) {
      const id = str(clause.id, 'clause id');
      expect(KEBAB.test(id) && !ids.has(id), id).toBe(true);
      ids.add(id);
      expect(str(clause.ref, `${id} ref`)).toMatch(/^(Migration guide > .+|apicompat default)$/);
      str(clause.text, `${id} text`);
      expect(Array.isArray(clause.allows), `${id} allows`).toBe(true);
      for (const rule of clause.allows as unknown[]) expect(KEBAB.test(str(rule, `${id} rule`)), String(rule)).toBe(true);
    }
  });
});
