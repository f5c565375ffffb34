/**
 * Sunshine Conversations v2 webhook receivers with one fault each, for the tests that check the
 * webhook suite catches them. Faults are switched on by flags; with none the receiver is tolerant.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const SUNSHINE_SPEC = 'specs/sunshine-conversations/v2.yaml';
export const SUNSHINE_POLICY = 'specs/sunshine-conversations/policy.yaml';
export const SECRET = 'whsec_test_only';

export interface Faults {
  /** `switch` over the trigger with a default that throws (a 500 for new triggers). */
  exhaustiveTriggers?: boolean;
  /** `switch` over the message content type with a default that throws (a 500 for new message types). */
  exhaustiveMessageTypes?: boolean;
  /** Never looks at X-API-Key. */
  noSignatureCheck?: boolean;
  /** Processes the events first and checks X-API-Key afterwards. */
  checksSignatureLate?: boolean;
  /** Processes every delivery, including redeliveries. */
  noDedupe?: boolean;
  /** Answers 409 to a redelivery instead of acknowledging it. */
  conflictOnRedelivery?: boolean;
  /** Rejects (400) any key the spec does not declare anywhere. */
  strictKeys?: boolean;
  /** Never answers. */
  hangs?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let declared: Set<string> | undefined;
/** Every property name the Sunshine v2 spec declares somewhere. */
function declaredKeys(): Set<string> {
  if (declared) return declared;
  declared = new Set();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (isRecord(node.properties)) for (const k of Object.keys(node.properties)) declared!.add(k);
    Object.values(node).forEach(visit);
  };
  visit(parse(readFileSync(SUNSHINE_SPEC, 'utf8')));
  return declared;
}

function unknownKey(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = unknownKey(v);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      // Free-form maps (metadata, referral details) hold any key.
      if (FREE_FORM.has(k)) continue;
      if (!declaredKeys().has(k)) return k;
      const found = unknownKey(v);
      if (found) return found;
    }
  }
  return undefined;
}

/** Properties the spec declares as free-form maps (`additionalProperties: true`). */
const FREE_FORM = new Set(['metadata', 'details', 'info', 'raw']);

const KNOWN_TRIGGERS = new Set([
  'conversation:create',
  'conversation:message',
  'conversation:message:delivery:channel',
  'conversation:message:delivery:user',
  'conversation:message:delivery:failure',
  'conversation:postback',
  'conversation:read',
  'conversation:typing',
  'conversation:referral',
  'user:merge',
  'user:update',
  'client:add',
  'client:update',
  'client:remove',
]);
const KNOWN_CONTENT = new Set(['text', 'image', 'file', 'carousel', 'list', 'location', 'form', 'formResponse']);

export function sunshineReceiver(faults: Faults = {}) {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  let total = 0;

  function processEvents(body: unknown): void {
    const events = isRecord(body) && Array.isArray(body.events) ? body.events : [];
    for (const event of events) {
      if (!isRecord(event)) continue;
      const id = String(event.id);
      if (!faults.noDedupe && seen.has(id)) continue;
      if (faults.exhaustiveTriggers && !KNOWN_TRIGGERS.has(String(event.type))) throw new Error(`unhandled trigger ${String(event.type)}`);
      if (faults.exhaustiveMessageTypes && event.type === 'conversation:message') {
        const payload = isRecord(event.payload) ? event.payload : {};
        const message = isRecord(payload.message) ? payload.message : {};
        const content = isRecord(message.content) ? message.content : {};
        if (!KNOWN_CONTENT.has(String(content.type))) throw new Error(`unhandled message type ${String(content.type)}`);
      }
      seen.add(id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total++;
    }
  }

  // An async listener: what it throws rejects the promise, which the server turns into a 500.
  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (faults.hangs) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const signed = req.headers['x-api-key'] === SECRET;
    if (!faults.noSignatureCheck && !faults.checksSignatureLate && !signed) {
      res.writeHead(401).end();
      return;
    }
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (faults.strictKeys) {
      const key = unknownKey(body);
      if (key) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`unknown key ${key}`);
        return;
      }
    }
    if (faults.conflictOnRedelivery && isRecord(body) && Array.isArray(body.events) && body.events.some((e) => isRecord(e) && seen.has(String(e.id)))) {
      res.writeHead(409).end('already received');
      return;
    }
    processEvents(body);
    if (faults.checksSignatureLate && !signed) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200).end('ok');
  };

  return {
    listener,
    processed: (eventId: string) => counts.get(eventId) ?? 0,
    total: () => total,
  };
}
