/**
 * The operations of a spec as the tolerance suites serve them: found by operationId or by
 * `METHOD /path`, with the responses they document (status, media type, body schema) and a
 * matcher for request paths against the operation's path template.
 */
import { ApicompatError } from '../errors.js';
import { documentContext, type SchemaContext } from '../fuzz/schema-context.js';
import { loadSpec, type Spec } from '../load/spec.js';
import { buildModel } from '../model/build.js';
import type { ApiModel, OperationModel } from '../model/types.js';

export interface SpecHeader {
  /** Lower case. */
  name: string;
  required: boolean;
  schema?: unknown;
}

export interface SpecResponse {
  /** As documented: `200`, `4XX`, `default`. */
  documented: string;
  /** The status served for it: the documented one, `4XX` as 400, `default` as 500. */
  status: number;
  /** JSON media type of the body, or undefined for a response without a JSON body. */
  mediaType?: string;
  /** The body schema as found in the document (possibly a `$ref`). */
  schema?: unknown;
  /** Documented headers other than Content-Type. */
  headers: SpecHeader[];
}

export interface SpecOperation {
  /** The name the integrator used: an operationId or `METHOD /path`. */
  name: string;
  operationId?: string;
  method: string;
  /** Path template as written under `paths`. */
  path: string;
  /** `GET /v2/apps/{appId}` */
  display: string;
  responses: SpecResponse[];
}

export interface LoadedSpec {
  spec: Spec;
  model: ApiModel;
  /** Schema context over the root document, reading responses. */
  ctx: SchemaContext;
  /** The first server URL, when the document names an absolute one. */
  serverUrl?: string;
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/i;

export async function loadSpecForSuite(file: string, cwd = process.cwd()): Promise<LoadedSpec> {
  const spec = await loadSpec(file, { cwd, skipValidation: true });
  const model = buildModel(spec);
  const ctx = documentContext(spec.root.value, { context: 'response' });
  const serverUrl = firstServerUrl(spec.value);
  return { spec, model, ctx, ...(serverUrl ? { serverUrl } : {}) };
}

/** The first absolute server URL: `servers[0].url` (3.x), or schemes, host and basePath (2.0). */
function firstServerUrl(doc: Record<string, unknown>): string | undefined {
  if (typeof doc.swagger === 'string' || typeof doc.swagger === 'number') {
    if (typeof doc.host !== 'string') return undefined;
    const schemes = Array.isArray(doc.schemes) ? doc.schemes.filter((s): s is string => typeof s === 'string') : [];
    const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
    return `${scheme}://${doc.host}${typeof doc.basePath === 'string' ? doc.basePath : ''}`;
  }
  const first = Array.isArray(doc.servers) ? (doc.servers[0] as { url?: unknown } | undefined)?.url : undefined;
  return typeof first === 'string' && /^https?:\/\/[^{}]+$/i.test(first) ? first : undefined;
}

function servedStatus(documented: string): number | undefined {
  if (/^[1-5]\d\d$/.test(documented)) return Number(documented);
  if (/^[1-5]XX$/i.test(documented)) return Number(documented[0]) * 100;
  if (documented.toLowerCase() === 'default') return 500;
  return undefined;
}

function toSpecOperation(name: string, op: OperationModel, loaded: LoadedSpec): SpecOperation {
  const responses: SpecResponse[] = [];
  for (const response of op.responses.values()) {
    const status = servedStatus(response.status);
    if (status === undefined || status < 200) continue;
    const media = [...response.content.values()].find((m) => JSON_MEDIA.test(m.mediaType));
    if (media?.schema && media.schema.doc !== loaded.spec.root) {
      throw new ApicompatError(
        'usage',
        `${op.display} ${response.status}: the response schema lives in ${media.schema.doc.display}; the tolerance suites need a single-file spec (bundle it first)`,
      );
    }
    const headers: SpecHeader[] = [];
    for (const header of response.headers.values()) {
      const name = header.name.toLowerCase();
      if (name === 'content-type') continue;
      if (header.schema && header.schema.doc !== loaded.spec.root) continue;
      headers.push({ name, required: header.required, ...(header.schema ? { schema: header.schema.value } : {}) });
    }
    responses.push({
      documented: response.status,
      status,
      headers,
      ...(media ? { mediaType: media.mediaType } : {}),
      ...(media?.schema ? { schema: media.schema.value } : {}),
    });
  }
  responses.sort((a, b) => a.status - b.status);
  return {
    name,
    ...(op.operationId ? { operationId: op.operationId } : {}),
    method: op.method,
    path: op.rawPath.startsWith('/') ? op.rawPath : `/${op.rawPath}`,
    display: `${op.method} ${op.rawPath}`,
    responses,
  };
}

/** Finds an operation by operationId, or by `METHOD /path` (the path as written, or with the server prefix). */
export function findOperation(loaded: LoadedSpec, name: string): SpecOperation {
  const ops = [...loaded.model.operations.values()];
  const byId = ops.find((op) => op.operationId === name);
  if (byId) return toSpecOperation(name, byId, loaded);
  const m = /^([A-Za-z]+)\s+(\S+)$/.exec(name.trim());
  if (m) {
    const method = m[1]!.toUpperCase();
    const found = ops.find((op) => op.method === method && (op.rawPath === m[2] || op.path === m[2]));
    if (found) return toSpecOperation(name, found, loaded);
  }
  const known = ops
    .map((op) => op.operationId)
    .filter((id): id is string => id !== undefined)
    .slice(0, 8);
  throw new ApicompatError(
    'usage',
    `no operation "${name}" in ${loaded.spec.display} (name an operationId${known.length ? ` such as ${known.join(', ')}` : ''}, or "METHOD /path")`,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test for request paths (without the query) against `prefix` + the path template: each
 * `{param}` matches one non-empty path segment.
 */
export function pathMatcher(prefix: string, template: string): (requestPath: string) => boolean {
  const base = prefix.replace(/\/+$/, '');
  const parts = template.split(/(\{[^}/]*\})/).map((part) => (/^\{[^}/]*\}$/.test(part) ? '[^/]+' : escapeRegExp(part)));
  const re = new RegExp(`^${escapeRegExp(base)}${parts.join('')}/?$`);
  return (requestPath) => re.test(requestPath.split('?')[0]!);
}
