/**
 * Serves one response to the integrator's client through nock: any request for the operation
 * (method and path template under the base URL, any query) gets it; every other request fails,
 * since real network connections are refused while a response is being served.
 */
import nock from 'nock';
import type { Exchange } from '../fuzz/evolution.js';
import { pathMatcher } from './spec-operations.js';

export interface ServedRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
}

export interface Served {
  /** Requests the client made for the operation so far. */
  readonly requests: ServedRequest[];
  /** Removes this interceptor (others are left alone) and lets real connections through again. */
  close(): void;
}

export interface Target {
  /** `https://api.example.com` or `https://api.example.com/base`. */
  baseUrl: string;
  method: string;
  /** Path template as written under `paths`. */
  path: string;
}

/** The body as the provider sends it: JSON text keeps key order as generated. */
export function bodyText(body: unknown): string {
  return body === undefined ? '' : JSON.stringify(body);
}

export function serve(target: Target, exchange: Exchange, mediaType = 'application/json'): Served {
  const url = new URL(target.baseUrl);
  const matches = pathMatcher(url.pathname, target.path);
  const requests: ServedRequest[] = [];
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const headers: Record<string, string> = { ...exchange.headers };
  const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  if (exchange.body !== undefined && !hasContentType) headers['content-type'] = mediaType;
  const text = bodyText(exchange.body);
  const interceptor = nock(url.origin)
    .intercept((p: string) => matches(p), target.method.toUpperCase())
    .query(true);
  interceptor
    .reply(function reply(this: { req: { path: string } }) {
      requests.push({ method: target.method.toUpperCase(), path: this.req.path });
      return [exchange.status, text, headers];
    })
    .persist();
  return {
    requests,
    close() {
      nock.removeInterceptor(interceptor);
      nock.enableNetConnect();
    },
  };
}
