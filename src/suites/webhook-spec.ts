/**
 * The webhooks a spec declares: OpenAPI 3.1 `webhooks`, or the `x-webhooks` extension of 3.0,
 * each with the JSON schema of the body the provider posts.
 */
import { documentContext, type SchemaContext } from '../fuzz/index.js';
import { loadSpec } from '../load/spec.js';
import { ApicompatError } from '../errors.js';

export interface WebhookEntry {
  /** Key under `webhooks` (e.g. `conversation:message`). */
  name: string;
  method: string;
  mediaType: string;
  /** The request body schema as written (may be a `$ref`). */
  schema: unknown;
}

export interface WebhookSpec {
  doc: unknown;
  display: string;
  ctx: SchemaContext;
  webhooks: WebhookEntry[];
  /** Webhooks left out, each with the reason. */
  notes: string[];
}

const METHODS = ['post', 'put', 'patch', 'get', 'delete', 'options', 'head', 'trace'];

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function follow(ctx: SchemaContext, value: unknown): Record<string, unknown> | undefined {
  let node = record(value);
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 32; hops++) node = record(ctx.resolve(node.$ref));
  return node;
}

function isJson(media: string): boolean {
  const base = media.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

/** The webhooks of a parsed OpenAPI 3.x document. */
export function webhooksOf(doc: unknown, display = 'spec'): WebhookSpec {
  const root = record(doc);
  if (!root || typeof root.openapi !== 'string' || !/^3\./.test(root.openapi)) {
    throw new ApicompatError('not-openapi', `${display}: the webhook suite reads OpenAPI 3.0 or 3.1 documents`);
  }
  const ctx = documentContext(doc, { context: 'response' });
  const webhooks: WebhookEntry[] = [];
  const notes: string[] = [];
  for (const key of ['webhooks', 'x-webhooks']) {
    for (const [name, rawItem] of Object.entries(record(root[key]) ?? {})) {
      const item = follow(ctx, rawItem);
      for (const method of METHODS) {
        const operation = record(item?.[method]);
        if (!operation) continue;
        const content = record(follow(ctx, operation.requestBody)?.content) ?? {};
        const json = Object.entries(content).find(([media, m]) => isJson(media) && record(m)?.schema !== undefined);
        if (!json) {
          notes.push(`${name} (${method}): no JSON request body schema; not delivered`);
          continue;
        }
        webhooks.push({ name, method: method.toUpperCase(), mediaType: json[0] === '*/*' ? 'application/json' : json[0], schema: record(json[1])!.schema });
      }
    }
  }
  return { doc, display, ctx, webhooks, notes };
}

/** Loads a spec file (or takes a parsed document) and lists its webhooks. */
export async function loadWebhookSpec(spec: string | object, cwd = process.cwd()): Promise<WebhookSpec> {
  if (typeof spec !== 'string') return webhooksOf(spec, 'spec');
  const loaded = await loadSpec(spec, { cwd, skipValidation: true });
  return webhooksOf(loaded.value, loaded.display);
}
