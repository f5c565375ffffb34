/**
 * An 8x8 Contact Center Chat v2 webhook receiver written as a tolerant reader:
 *
 * - it verifies `X-8x8-Signature` (a JWS with a detached, unencoded payload, RFC 7797) over
 *   the raw body bytes with the provider's key set, choosing the key by `kid`;
 * - it handles the event types it knows and acknowledges every other one with 200;
 * - it remembers processed event ids (`X-8x8-Event-Id`, equal to `eventId` in the body), so a
 *   retry is acknowledged but not processed again.
 *
 * The verification is written with `jose` directly; `verifyEightByEightWebhook` from apicompat
 * does the same in one call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, flattenedVerify, type JSONWebKeySet } from 'jose';

export interface ChatWebhookApp {
  listener: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** How many times the event with this id was processed. */
  processed(eventId: string): number;
  /** Conversation ids with a message from the customer, in order. */
  conversationsWithMessages: string[];
}

const DETACHED_JWS = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createChatWebhookHandler(options: { jwks: JSONWebKeySet }): ChatWebhookApp {
  const keys = createLocalJWKSet(options.jwks);
  const counts = new Map<string, number>();
  const conversationsWithMessages: string[] = [];

  async function verified(signature: string | undefined, raw: Uint8Array): Promise<boolean> {
    const parts = signature ? DETACHED_JWS.exec(signature) : null;
    if (!parts) return false;
    try {
      const { protectedHeader } = await flattenedVerify({ protected: parts[1]!, signature: parts[2]!, payload: raw }, keys, { algorithms: ['RS256', 'ES256'] });
      return protectedHeader?.b64 === false;
    } catch {
      return false;
    }
  }

  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const signature = req.headers['x-8x8-signature'];
    if (!(await verified(typeof signature === 'string' ? signature : undefined, raw))) {
      res.writeHead(401).end('bad signature');
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(raw.toString('utf8'));
    } catch {
      res.writeHead(400).end('not JSON');
      return;
    }
    if (!isRecord(event)) {
      res.writeHead(200).end('ignored');
      return;
    }
    const header = req.headers['x-8x8-event-id'];
    const id = typeof header === 'string' ? header : typeof event.eventId === 'string' ? event.eventId : undefined;
    if (id !== undefined && counts.has(id)) {
      res.writeHead(200).end('already processed');
      return;
    }
    const data = isRecord(event.data) ? event.data : {};
    switch (event.eventType) {
      case 'message.received': {
        const message = isRecord(data.message) ? data.message : {};
        if (typeof message.conversationId === 'string') conversationsWithMessages.push(message.conversationId);
        break;
      }
      case 'conversation.created':
      case 'conversation.ended':
        break;
      default:
        // Event types added later: acknowledged, ignored.
        break;
    }
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    res.writeHead(200).end('ok');
  };

  return { listener, processed: (eventId) => counts.get(eventId) ?? 0, conversationsWithMessages };
}
