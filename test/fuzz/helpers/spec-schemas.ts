/**
 * Test helper: finds the schemas a client reads in an OpenAPI document (response bodies and
 * webhook payloads) by walking the document directly, and loads documents from disk.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ReadSchema {
  /** e.g. `GET /pets 200 application/json` or `webhook events application/json`. */
  label: string;
  kind: 'response' | 'webhook';
  status?: string;
  schema: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function follow(doc: unknown, value: unknown): Record<string, unknown> | undefined {
  let node = obj(value);
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 10; hops++) {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) return undefined;
    let target: unknown = doc;
    for (const raw of ref.slice(2).split('/')) target = obj(target)?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
    node = obj(target);
  }
  return node;
}

function mediaSchemas(doc: unknown, holder: unknown): Array<[string, unknown]> {
  const content = obj(follow(doc, holder)?.content);
  if (!content) return [];
  return Object.entries(content)
    .map(([media, m]) => [media, obj(m)?.schema] as [string, unknown])
    .filter(([, s]) => s !== undefined);
}

export function readSchemas(doc: unknown): ReadSchema[] {
  const out: ReadSchema[] = [];
  for (const [route, item] of Object.entries(obj(obj(doc)?.paths) ?? {})) {
    for (const method of METHODS) {
      const responses = obj(obj(follow(doc, item)?.[method])?.responses);
      for (const [status, response] of Object.entries(responses ?? {})) {
        for (const [media, schema] of mediaSchemas(doc, response)) {
          out.push({ label: `${method.toUpperCase()} ${route} ${status} ${media}`, kind: 'response', status, schema });
        }
      }
    }
  }
  for (const key of ['webhooks', 'x-webhooks']) {
    for (const [name, item] of Object.entries(obj(obj(doc)?.[key]) ?? {})) {
      for (const method of METHODS) {
        const body = obj(follow(doc, item)?.[method])?.requestBody;
        for (const [media, schema] of mediaSchemas(doc, body)) {
          out.push({ label: `${key} ${name} ${method} ${media}`, kind: 'webhook', schema });
        }
      }
    }
  }
  return out;
}

export function loadYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'), { maxAliasCount: 1000 });
}

/** Every `.yaml`/`.yml` file under `dir` (recursively); none when the folder is missing. */
export function yamlFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort()) {
    const full = path.join(dir, entry);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) files.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/i.test(entry)) files.push(full);
  }
  return files;
}

/** Whether `schema` (or anything it references) uses a `$ref` outside the document. */
export function externalRef(doc: unknown, schema: unknown): string | undefined {
  const seen = new Set<unknown>();
  const visit = (value: unknown): string | undefined => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) {
        const found = visit(v);
        if (found) return found;
      }
      return undefined;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      if (!record.$ref.startsWith('#')) return record.$ref;
      const target = follow(doc, { $ref: record.$ref });
      if (!target) return record.$ref;
      const found = visit(target);
      if (found) return found;
    }
    for (const [k, v] of Object.entries(record)) {
      if (k === '$ref' || k === 'example' || k === 'examples') continue;
      const found = visit(v);
      if (found) return found;
    }
    return undefined;
  };
  return visit(schema);
}
