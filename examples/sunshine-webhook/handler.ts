/**
 * A Sunshine Conversations v2 webhook receiver written as a tolerant reader:
 *
 * - it checks the webhook secret in `X-API-Key` (constant-time) before anything else;
 * - it handles the triggers it knows and acknowledges every other one with 200;
 * - it reads only the fields it needs, so new fields, new message types and more items pass;
 * - it remembers the ids of the events it processed, so a redelivered event is acknowledged
 *   but not processed again.
 *
 * It is a plain node request listener; an express app would mount the same logic.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReceivedMessage {
  conversationId: string | undefined;
  /** The text of a text message; other message types are kept with their type only. */
  text: string | undefined;
  type: string;
}

export interface SunshineWebhookApp {
  /** The request listener: `http.createServer(app.listener)` or `expressApp.post('/webhooks', app.listener)`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** How many times the event with this id was processed (0 or 1 for a correct receiver). */
  processed(eventId: string): number;
  /** Messages received so far, in order. */
  messages: ReceivedMessage[];
}

const MAX_BODY = 1024 * 1024;

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createSunshineWebhookHandler(options: { secret: string }): SunshineWebhookApp {
  const counts = new Map<string, number>();
  const messages: ReceivedMessage[] = [];

  function handle(event: Record<string, unknown>): void {
    const payload = isRecord(event.payload) ? event.payload : {};
    const conversation = isRecord(payload.conversation) ? payload.conversation : {};
    const conversationId = typeof conversation.id === 'string' ? conversation.id : undefined;
    switch (event.type) {
      case 'conversation:message': {
        const message = isRecord(payload.message) ? payload.message : {};
        const content = isRecord(message.content) ? message.content : {};
        const type = typeof content.type === 'string' ? content.type : 'unknown';
        messages.push({ conversationId, type, text: type === 'text' && typeof content.text === 'string' ? content.text : undefined });
        break;
      }
      case 'conversation:create':
      case 'conversation:read':
      case 'user:update':
        // A real receiver would update its own records here.
        break;
      default:
        // Triggers added after this code was written: acknowledged, ignored.
        break;
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
    };
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || !sameSecret(key, options.secret)) return reply(401, 'unauthorized');
    if (req.method !== 'POST') return reply(405, 'method not allowed');
    readBody(req).then(
      (raw) => {
        if (raw === undefined) return reply(413, 'too large');
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return reply(400, 'not JSON');
        }
        const events = isRecord(body) && Array.isArray(body.events) ? body.events : [];
        for (const event of events) {
          if (!isRecord(event)) continue;
          const id = typeof event.id === 'string' ? event.id : undefined;
          if (id !== undefined && counts.has(id)) continue; // a redelivery: already processed
          handle(event);
          if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        reply(200, 'ok');
      },
      () => reply(400, 'unreadable body'),
    );
  };

  return { listener, processed: (eventId) => counts.get(eventId) ?? 0, messages };
}
