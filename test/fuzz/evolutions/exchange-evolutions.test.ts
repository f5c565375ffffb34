/** The envelope evolutions (status, headers) and the exchange wrapper for body evolutions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ERROR_STATUSES,
  appliesToExchange,
  documentContext,
  evolutionById,
  evolveExchange,
  schemaArbitrary,
  type Exchange,
} from '../../../src/fuzz/index.js';
import { changedErrorStatus } from '../../../src/fuzz/evolutions/changed-error-status.js';
import { extraHeader } from '../../../src/fuzz/evolutions/extra-header.js';

const ctx = documentContext({ openapi: '3.0.3' }, { context: 'response' });
const errorSchema = { type: 'object', required: ['code'], properties: { code: { type: 'string' } } };
const exchanges = (statuses: number[]): fc.Arbitrary<Exchange> =>
  fc.record({
    status: fc.constantFrom(...statuses),
    headers: fc.constantFrom<Record<string, string>>({ 'content-type': 'application/json' }, { 'Content-Type': 'application/json', 'X-Request-Id': 'r1' }),
    body: schemaArbitrary(errorSchema, ctx),
  });

describe('changed-error-status', () => {
  it('moves an error response to another error status and leaves the body alone', () => {
    fc.assert(
      fc.property(
        exchanges([400, 404, 500, 503]).chain((exchange) => changedErrorStatus.arbitrary(exchange, errorSchema, ctx).map((evolved) => ({ exchange, evolved }))),
        ({ exchange, evolved }) => {
          expect(evolved.path).toBe('status');
          expect(evolved.value.status).not.toBe(exchange.status);
          expect(DEFAULT_ERROR_STATUSES).toContain(evolved.value.status);
          expect(evolved.value.body).toBe(exchange.body);
        },
      ),
      { numRuns: 40, seed: 1 },
    );
  });

  it('shrinks a failing case to a counterexample naming the status', () => {
    const details = fc.check(
      fc.property(
        exchanges([500, 503]).chain((exchange) => changedErrorStatus.arbitrary(exchange, errorSchema, ctx)),
        (evolved) => evolved.value.status >= 500,
      ),
      { numRuns: 30, seed: 6 },
    );
    expect(details.failed).toBe(true);
    const [evolved] = details.counterexample!;
    expect(evolved.path).toBe('status');
    expect(evolved.value.status).toBe(400);
  });

  it('applies to error statuses only and honours the allowed list', () => {
    const ok: Exchange = { status: 200, headers: {}, body: {} };
    expect(changedErrorStatus.applies(ok, errorSchema, ctx)).toBe(false);
    const failed: Exchange = { status: 500, headers: {}, body: {} };
    expect(changedErrorStatus.applies(failed, errorSchema, { ...ctx, errorStatuses: [500] })).toBe(false);
    const [evolved] = fc.sample(changedErrorStatus.arbitrary(failed, errorSchema, { ...ctx, errorStatuses: [500, 429] }), { numRuns: 1, seed: 2 });
    expect(evolved!.value.status).toBe(429);
  });
});

describe('extra-header', () => {
  it('adds a header the exchange did not have, and reports it', () => {
    fc.assert(
      fc.property(
        exchanges([200, 500]).chain((exchange) => extraHeader.arbitrary(exchange, errorSchema, ctx).map((evolved) => ({ exchange, evolved }))),
        ({ exchange, evolved }) => {
          const name = /^headers\['(.+)'\]$/.exec(evolved.path)![1]!;
          expect(Object.keys(exchange.headers).map((h) => h.toLowerCase())).not.toContain(name);
          expect(evolved.value.headers[name]).toMatch(/^[^\r\n]+$/);
          expect(Object.keys(evolved.value.headers)).toHaveLength(Object.keys(exchange.headers).length + 1);
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('shrinks a failing case to a counterexample naming the header', () => {
    const details = fc.check(
      fc.property(
        exchanges([200]).chain((exchange) => extraHeader.arbitrary(exchange, errorSchema, ctx)),
        (evolved) => Object.keys(evolved.value.headers).length < 2,
      ),
      { numRuns: 20, seed: 4 },
    );
    expect(details.failed).toBe(true);
    const [evolved] = details.counterexample!;
    expect(evolved.path).toMatch(/^headers\['x-[a-z0-9-]+'\]$/);
  });
});

describe('body evolutions on an exchange', () => {
  it('see the status, so a bare `code` counts as an error code only in an error response', () => {
    const evolution = evolutionById['unknown-error-code'];
    const body = { code: 'quota' };
    expect(appliesToExchange(evolution, { status: 200, headers: {}, body }, errorSchema, ctx)).toBe(false);
    const failed: Exchange = { status: 429, headers: { 'retry-after': '1' }, body };
    expect(appliesToExchange(evolution, failed, errorSchema, ctx)).toBe(true);
    const [evolved] = fc.sample(evolveExchange(evolution, failed, errorSchema, ctx), { numRuns: 1, seed: 5 });
    expect(evolved!.path).toBe('$.code');
    expect(evolved!.value.status).toBe(429);
    expect(evolved!.value.headers).toEqual(failed.headers);
    expect((evolved!.value.body as { code: string }).code).not.toBe('quota');
  });
});
