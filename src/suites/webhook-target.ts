/**
 * The integrator's handler, served on an ephemeral port of 127.0.0.1 while a suite runs, and the
 * deliveries posted to it. A handler that throws (or whose promise rejects) answers 500 here, as
 * a framework would, and the error is kept for the report.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A node request listener; express, connect and koa's `app.callback()` are such listeners. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface DeliveryRequest {
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryResponse {
  /** HTTP status, or undefined when no response came (see `error`). */
  status: number | undefined;
  /** The start of the response body. */
  body: string;
  /** Transport failure or timeout. */
  error?: string;
  /** What the handler threw while handling this delivery. */
  handlerError?: string;
}

const MAX_BODY_SHOWN = 500;

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export class WebhookTarget {
  private handlerErrors: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  static async start(handler: RequestListener, options: { path?: string; timeoutMs?: number } = {}): Promise<WebhookTarget> {
    if (typeof handler !== 'function') throw new TypeError('handler must be a node request listener: (req, res) => void (an express app is one)');
    let target: WebhookTarget | undefined;
    const fail = (res: ServerResponse, error: unknown) => {
      target?.handlerErrors.push(describeError(error));
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      if (!res.writableEnded) res.end('handler threw');
    };
    const server = createServer((req, res) => {
      try {
        const result = handler(req, res);
        if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, (error) => fail(res, error));
      } catch (error) {
        fail(res, error);
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const path = options.path ?? '/';
    target = new WebhookTarget(server, `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`, options.timeoutMs ?? 10_000);
    return target;
  }

  async deliver(request: DeliveryRequest): Promise<DeliveryResponse> {
    this.handlerErrors = [];
    let status: number | undefined;
    let body = '';
    let error: string | undefined;
    try {
      const response = await fetch(this.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      body = (await response.text()).slice(0, MAX_BODY_SHOWN);
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      error = (e as Error).name === 'TimeoutError' ? `no response within ${this.timeoutMs} ms` : describeError(cause ?? e);
    }
    const handlerError = this.handlerErrors.length > 0 ? this.handlerErrors.join('; ') : undefined;
    return { status, body, ...(error !== undefined ? { error } : {}), ...(handlerError !== undefined ? { handlerError } : {}) };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
