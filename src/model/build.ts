/**
 * Builds the ApiModel from a loaded spec. Swagger 2.0 is read into the same shapes as
 * OpenAPI 3.x (body/formData parameters become request bodies, `produces`/`consumes` become media
 * types, typed parameters and headers get a schema node). Schemas themselves are not copied: the
 * model points into the documents and the diff follows `$ref`s when it compares them.
 */
import type { NodeRef, Spec } from '../load/spec.js';
import { arr, isObject, own, str, type JsonObject } from '../util/guards.js';
import { childPointer } from '../util/json-pointer.js';
import type {
  ApiModel,
  HeaderModel,
  MediaModel,
  OperationKind,
  OperationModel,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
  SecurityRequirement,
  SecuritySchemeModel,
} from './types.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const PARAM_SCHEMA_KEYS = [
  'type', 'format', 'items', 'enum', 'default', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'x-nullable',
];

/** `/a/{id}/b/` -> `/a/{}/b`: the matching form of a path template. */
export function templateKey(path: string): string {
  let p = path.replace(/\{[^}/]*\}/g, '{}').replace(/\/{2,}/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}/]*)\}/g)].map((m) => m[1]!);
}

function serverPrefix(root: JsonObject, version: string): string {
  if (version === '2.0') {
    const base = str(own(root, 'basePath')) ?? '';
    return base === '/' ? '' : base.replace(/\/$/, '');
  }
  const servers = arr(own(root, 'servers')).filter(isObject);
  const prefixes = servers.map((s) => urlPath(str(own(s, 'url')) ?? ''));
  if (!prefixes.length) return '';
  return prefixes[0]!;
}

function urlPath(url: string): string {
  let p = url;
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(p) ?? /^\{[^}]+\}(?=\/|$)/.exec(p);
  if (m) p = p.slice(m[0].length);
  else if (!p.startsWith('/')) {
    const slash = p.indexOf('/');
    p = slash === -1 ? '' : p.slice(slash);
  }
  p = p.split('?')[0]!.replace(/\/$/, '');
  return p;
}

export class ModelBuilder {
  private readonly root: JsonObject;
  private readonly is2: boolean;

  constructor(private readonly spec: Spec) {
    this.root = spec.value;
    this.is2 = spec.version === '2.0';
  }

  private node(value: unknown, pointer: string, doc = this.spec.root): NodeRef {
    return { value, doc, pointer };
  }

  private child(parent: NodeRef, key: string | number): NodeRef {
    const v = isObject(parent.value) ? own(parent.value, String(key)) : Array.isArray(parent.value) ? parent.value[key as number] : undefined;
    return { value: v, doc: parent.doc, pointer: childPointer(parent.pointer, key) };
  }

  private deref(n: NodeRef): NodeRef {
    return this.spec.deref(n);
  }

  build(): ApiModel {
    const rootNode = this.node(this.root, '');
    const info = isObject(own(this.root, 'info')) ? (own(this.root, 'info') as JsonObject) : {};
    const prefix = serverPrefix(this.root, this.spec.version);
    const model: ApiModel = {
      version: this.spec.version,
      ...(own(info, 'version') !== undefined ? { infoVersion: String(own(info, 'version')) } : {}),
      ...(str(own(info, 'title')) ? { title: str(own(info, 'title'))! } : {}),
      prefix,
      operations: new Map(),
      webhooks: new Map(),
      securitySchemes: this.securitySchemes(rootNode),
      root: rootNode,
    };
    const paths = this.child(rootNode, 'paths');
    if (isObject(paths.value)) {
      for (const rawPath of Object.keys(paths.value)) {
        if (rawPath.startsWith('x-')) continue;
        const item = this.deref(this.child(paths, rawPath));
        for (const op of this.pathItem(item, prefix + (rawPath.startsWith('/') ? rawPath : `/${rawPath}`), rawPath, 'operation')) {
          model.operations.set(op.key, op);
        }
      }
    }
    for (const key of ['webhooks', 'x-webhooks']) {
      const hooks = this.child(rootNode, key);
      if (!isObject(hooks.value)) continue;
      for (const name of Object.keys(hooks.value)) {
        const item = this.deref(this.child(hooks, name));
        for (const op of this.pathItem(item, name, name, 'webhook', name)) {
          if (!model.webhooks.has(op.key)) model.webhooks.set(op.key, op);
        }
      }
    }
    return model;
  }

  private pathItem(item: NodeRef, fullPath: string, rawPath: string, kind: OperationKind, eventName?: string, keyPrefix = ''): OperationModel[] {
    if (!isObject(item.value)) return [];
    const shared = this.parameters(this.child(item, 'parameters'), 'path', rawPath);
    const ops: OperationModel[] = [];
    for (const method of HTTP_METHODS) {
      const opNode = this.child(item, method);
      if (!isObject(opNode.value)) continue;
      ops.push(this.operation(opNode, method, fullPath, rawPath, kind, shared, eventName, keyPrefix));
    }
    return ops;
  }

  private operation(
    opNode: NodeRef,
    method: string,
    fullPath: string,
    rawPath: string,
    kind: OperationKind,
    shared: Map<string, ParameterModel>,
    eventName: string | undefined,
    keyPrefix: string,
  ): OperationModel {
    const op = opNode.value as JsonObject;
    const M = method.toUpperCase();
    const params = new Map(shared);
    for (const [k, p] of this.parameters(this.child(opNode, 'parameters'), 'operation', rawPath)) params.set(k, p);
    let requestBody: RequestBodyModel | undefined;
    if (this.is2) {
      requestBody = this.swagger2Body(opNode, params);
    } else {
      const rb = this.child(opNode, 'requestBody');
      if (isObject(rb.value)) {
        const body = this.deref(rb);
        requestBody = {
          required: own(body.value as JsonObject, 'required') === true,
          content: this.content(this.child(body, 'content')),
          node: body,
        };
      }
    }
    const key =
      kind === 'webhook'
        ? `webhook ${eventName} ${M}`
        : kind === 'callback'
          ? `${keyPrefix} ${M} ${fullPath}`
          : `${M} ${templateKey(fullPath)}`;
    const display = kind === 'webhook' ? (M === 'POST' ? `webhook ${eventName}` : `webhook ${eventName} ${M}`) : kind === 'callback' ? `${keyPrefix} ${M} ${fullPath}` : `${M} ${fullPath}`;
    const sec = own(op, 'security') !== undefined ? this.child(opNode, 'security') : this.child(this.node(this.root, ''), 'security');
    const security = Array.isArray(sec.value) ? this.securityRequirements(sec.value) : undefined;
    const sunset = own(op, 'x-sunset') ?? own(op, 'x-sunset-date');
    const model: OperationModel = {
      kind,
      key,
      display,
      method: M,
      path: fullPath,
      rawPath,
      ...(str(own(op, 'operationId')) ? { operationId: str(own(op, 'operationId'))! } : {}),
      tags: arr(own(op, 'tags')).filter((t): t is string => typeof t === 'string'),
      ...(str(own(op, 'summary')) ? { summary: str(own(op, 'summary'))! } : {}),
      deprecated: own(op, 'deprecated') === true,
      ...(sunset !== undefined ? { sunset: String(sunset) } : {}),
      parameters: params,
      ...(requestBody ? { requestBody } : {}),
      responses: this.responses(this.child(opNode, 'responses'), opNode),
      ...(security ? { security, securityNode: sec } : {}),
      callbacks: new Map(),
      node: opNode,
      ...(eventName !== undefined ? { eventName } : {}),
    };
    const cbs = this.child(opNode, 'callbacks');
    if (isObject(cbs.value)) {
      for (const name of Object.keys(cbs.value)) {
        const cb = this.deref(this.child(cbs, name));
        if (!isObject(cb.value)) continue;
        const list: OperationModel[] = [];
        for (const expr of Object.keys(cb.value)) {
          const item = this.deref(this.child(cb, expr));
          list.push(...this.pathItem(item, expr, expr, 'callback', name, `${key} callback ${name}`));
        }
        model.callbacks.set(name, list);
      }
    }
    return model;
  }

  private parameters(listNode: NodeRef, level: 'path' | 'operation', rawPath: string): Map<string, ParameterModel> {
    const out = new Map<string, ParameterModel>();
    if (!Array.isArray(listNode.value)) return out;
    const pathNames = pathParameterNames(rawPath);
    listNode.value.forEach((_, i) => {
      const pn = this.deref(this.child(listNode, i));
      const p = pn.value;
      if (!isObject(p)) return;
      const where = str(own(p, 'in'));
      const name = str(own(p, 'name')) ?? '';
      if (where === 'body' || where === 'formData') {
        out.set(`${where}:${name}`, {
          name,
          in: where as never,
          required: own(p, 'required') === true,
          deprecated: false,
          style: '',
          explode: false,
          level,
          node: pn,
          ...(where === 'body' ? { schema: this.child(pn, 'schema') } : { schema: this.synthSchema(pn) }),
        });
        return;
      }
      if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') return;
      const style = str(own(p, 'style')) ?? this.defaultStyle(where, p);
      const explodeRaw = own(p, 'explode');
      const explode = typeof explodeRaw === 'boolean' ? explodeRaw : this.is2 ? str(own(p, 'collectionFormat')) === 'multi' : style === 'form';
      const position = where === 'path' ? pathNames.indexOf(name) : -1;
      const key = where === 'path' && position >= 0 ? `path:#${position}` : `${where}:${where === 'header' ? name.toLowerCase() : name}`;
      const schemaNode = this.is2 ? this.synthSchema(pn) : this.paramSchema(pn);
      out.set(key, {
        name,
        in: where,
        required: where === 'path' ? true : own(p, 'required') === true,
        deprecated: own(p, 'deprecated') === true,
        style,
        explode,
        level,
        ...(position >= 0 ? { position } : {}),
        ...(schemaNode ? { schema: schemaNode } : {}),
        node: pn,
      });
    });
    return out;
  }

  private defaultStyle(where: string, p: JsonObject): string {
    if (this.is2) {
      const cf = str(own(p, 'collectionFormat')) ?? 'csv';
      if (cf === 'ssv') return 'spaceDelimited';
      if (cf === 'pipes') return 'pipeDelimited';
      if (cf === 'tsv') return 'tabDelimited';
      return where === 'query' || where === 'cookie' ? 'form' : 'simple';
    }
    return where === 'query' || where === 'cookie' ? 'form' : 'simple';
  }

  /** OpenAPI 3 parameter schema: `schema`, or the schema of its single `content` entry. */
  private paramSchema(pn: NodeRef): NodeRef | undefined {
    const p = pn.value as JsonObject;
    if (own(p, 'schema') !== undefined) return this.child(pn, 'schema');
    const content = this.child(pn, 'content');
    if (isObject(content.value)) {
      const first = Object.keys(content.value)[0];
      if (first !== undefined) {
        const media = this.child(content, first);
        if (isObject(media.value) && own(media.value, 'schema') !== undefined) return this.child(media, 'schema');
      }
    }
    return undefined;
  }

  /** Swagger 2.0 typed parameter or header -> a schema node standing at the same pointer. */
  private synthSchema(pn: NodeRef): NodeRef {
    const p = pn.value as JsonObject;
    const schema: JsonObject = {};
    for (const k of PARAM_SCHEMA_KEYS) if (own(p, k) !== undefined) schema[k] = own(p, k);
    if (schema['type'] === 'file') schema['type'] = 'string', (schema['format'] = 'binary');
    return { value: schema, doc: pn.doc, pointer: pn.pointer };
  }

  private mediaTypes(opNode: NodeRef, key: 'consumes' | 'produces'): string[] {
    const own1 = arr(own(opNode.value as JsonObject, key)).filter((x): x is string => typeof x === 'string');
    if (own1.length) return own1;
    const global = arr(own(this.root, key)).filter((x): x is string => typeof x === 'string');
    return global.length ? global : ['application/json'];
  }

  private swagger2Body(opNode: NodeRef, params: Map<string, ParameterModel>): RequestBodyModel | undefined {
    const body = [...params.entries()].find(([k]) => k.startsWith('body:'));
    const form = [...params.entries()].filter(([k]) => k.startsWith('formData:'));
    for (const [k] of [...(body ? [body] : []), ...form]) params.delete(k);
    const consumes = this.mediaTypes(opNode, 'consumes');
    if (body) {
      const [, p] = body;
      const content = new Map<string, MediaModel>();
      for (const mt of consumes) content.set(mt, { mediaType: mt, ...(p.schema ? { schema: p.schema } : {}), node: p.node });
      return { required: p.required, content, node: p.node };
    }
    if (form.length) {
      const properties: JsonObject = {};
      const required: string[] = [];
      for (const [, p] of form) {
        properties[p.name] = p.schema?.value ?? {};
        if (p.required) required.push(p.name);
      }
      const schemaValue: JsonObject = { type: 'object', properties, ...(required.length ? { required } : {}) };
      const pointer = childPointer(opNode.pointer, 'parameters');
      const mt = consumes.find((c) => c.startsWith('multipart/')) ?? consumes.find((c) => c.includes('urlencoded')) ?? 'application/x-www-form-urlencoded';
      const schema = { value: schemaValue, doc: opNode.doc, pointer };
      return { required: required.length > 0, content: new Map([[mt, { mediaType: mt, schema, node: schema }]]), node: schema };
    }
    return undefined;
  }

  private content(cn: NodeRef): Map<string, MediaModel> {
    const out = new Map<string, MediaModel>();
    if (!isObject(cn.value)) return out;
    for (const mt of Object.keys(cn.value)) {
      const media = this.child(cn, mt);
      const schema = isObject(media.value) && own(media.value, 'schema') !== undefined ? this.child(media, 'schema') : undefined;
      out.set(mt.toLowerCase(), { mediaType: mt, ...(schema ? { schema } : {}), node: media });
    }
    return out;
  }

  private responses(rn: NodeRef, opNode: NodeRef): Map<string, ResponseModel> {
    const out = new Map<string, ResponseModel>();
    if (!isObject(rn.value)) return out;
    for (const status of Object.keys(rn.value)) {
      if (status.startsWith('x-')) continue;
      const resp = this.deref(this.child(rn, status));
      if (!isObject(resp.value)) continue;
      let content: Map<string, MediaModel>;
      if (this.is2) {
        content = new Map();
        if (own(resp.value, 'schema') !== undefined) {
          const schema = this.child(resp, 'schema');
          for (const mt of this.mediaTypes(opNode, 'produces')) content.set(mt.toLowerCase(), { mediaType: mt, schema, node: resp });
        }
      } else content = this.content(this.child(resp, 'content'));
      const headers = new Map<string, HeaderModel>();
      const hn = this.child(resp, 'headers');
      if (isObject(hn.value)) {
        for (const name of Object.keys(hn.value)) {
          const h = this.deref(this.child(hn, name));
          if (!isObject(h.value)) continue;
          const schema = this.is2 ? this.synthSchema(h) : this.paramSchema(h);
          headers.set(name.toLowerCase(), {
            name,
            required: own(h.value, 'required') === true,
            deprecated: own(h.value, 'deprecated') === true,
            ...(schema ? { schema } : {}),
            node: h,
          });
        }
      }
      out.set(status.toUpperCase(), { status: status.toUpperCase(), headers, content, node: resp });
    }
    return out;
  }

  private securityRequirements(list: unknown[]): SecurityRequirement[] {
    return list.filter(isObject).map((req) => {
      const m: SecurityRequirement = new Map();
      for (const name of Object.keys(req)) m.set(name, arr(own(req, name)).map(String));
      return m;
    });
  }

  private securitySchemes(rootNode: NodeRef): Map<string, SecuritySchemeModel> {
    const out = new Map<string, SecuritySchemeModel>();
    const container = this.is2 ? this.child(rootNode, 'securityDefinitions') : this.child(this.child(rootNode, 'components'), 'securitySchemes');
    if (!isObject(container.value)) return out;
    for (const name of Object.keys(container.value)) {
      const n = this.deref(this.child(container, name));
      const s = n.value;
      if (!isObject(s)) continue;
      let type = str(own(s, 'type')) ?? '';
      let scheme = str(own(s, 'scheme'))?.toLowerCase();
      if (this.is2 && type === 'basic') {
        type = 'http';
        scheme = 'basic';
      }
      const flows = new Map<string, { scopes: Set<string>; urls: Record<string, string> }>();
      const urlsOf = (f: JsonObject): Record<string, string> => {
        const u: Record<string, string> = {};
        for (const k of ['authorizationUrl', 'tokenUrl', 'refreshUrl']) if (str(own(f, k))) u[k] = str(own(f, k))!;
        return u;
      };
      if (this.is2 && type === 'oauth2') {
        const flowName = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' }[str(own(s, 'flow')) ?? ''] ?? 'unknown';
        flows.set(flowName, { scopes: new Set(Object.keys(isObject(own(s, 'scopes')) ? (own(s, 'scopes') as JsonObject) : {})), urls: urlsOf(s) });
      } else if (isObject(own(s, 'flows'))) {
        const fl = own(s, 'flows') as JsonObject;
        for (const f of Object.keys(fl)) {
          const fo = own(fl, f);
          if (!isObject(fo)) continue;
          flows.set(f, { scopes: new Set(Object.keys(isObject(own(fo, 'scopes')) ? (own(fo, 'scopes') as JsonObject) : {})), urls: urlsOf(fo) });
        }
      }
      out.set(name, {
        name,
        type,
        ...(scheme ? { scheme } : {}),
        ...(str(own(s, 'in')) ? { in: str(own(s, 'in'))! } : {}),
        ...(str(own(s, 'name')) ? { paramName: str(own(s, 'name'))! } : {}),
        flows,
        node: n,
      });
    }
    return out;
  }
}

export function buildModel(spec: Spec): ApiModel {
  return new ModelBuilder(spec).build();
}
