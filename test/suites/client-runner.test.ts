/** The client suite's mechanics: planning, replay, reporting, operation lookup and request matching. */
import { describe, expect, it } from 'vitest';
import { planClientTolerance, rejectsWithError, runClientTolerance } from '../../src/suites/client.js';
import { findOperation, loadSpecForSuite, pathMatcher } from '../../src/suites/spec-operations.js';
import { knownFieldsDifference } from '../../src/suites/client-report.js';
import { loadPolicyEvolutions } from '../../src/suites/policy-evolutions.js';
import * as clients from './client-intolerant-clients.js';

const SUNSHINE = 'specs/sunshine-conversations/v2.yaml';

describe('planning', () => {
  it('plans a baseline case per operation and a case per evolution the policy allows, webhook-only ones aside', async () => {
    const plan = await planClientTolerance({ spec: SUNSHINE, policy: 'strict', seed: 1, operations: { getConversation: clients.strictGetConversation, listMessages: clients.exhaustiveListMessages } });
    const allowed = (await loadPolicyEvolutions('strict')).evolutions.map((e) => e.evolution.id).filter((id) => id !== 'unknown-webhook-trigger');
    expect(plan.cases.map((c) => `${c.operation} ${c.evolution}`)).toEqual(
      ['getConversation', 'listMessages'].flatMap((op) => [`${op} baseline`, ...allowed.map((id) => `${op} ${id}`)]),
    );
    expect(allowed).not.toContain('unknown-enum-value');
    expect(plan.baseUrl).toBe('https://api.smooch.io');
    expect(plan.cases[0]!.title).toBe('getConversation baseline: accepts valid responses (200, 404)');
  });

  it('reports evolutions with nowhere to act as not applicable, with the reason', async () => {
    const report = await runClientTolerance({
      spec: SUNSHINE,
      seed: 3,
      numRuns: 5,
      evolutions: ['unknown-discriminator-value', 'changed-error-status'],
      operations: { getConversation: () => clients.strictGetConversation(), 'GET /v2/apps': { call: async () => (await fetch('https://api.smooch.io/v2/apps')).json(), statuses: [200] } },
    });
    const discriminator = report.cases.find((c) => c.operation === 'getConversation' && c.evolution === 'unknown-discriminator-value')!;
    expect(discriminator.status).toBe('not-applicable');
    expect(discriminator.reason).toMatch(/^nowhere to apply in \d+ generated 200\/404 responses$/);
    const noErrors = report.cases.find((c) => c.operation === 'GET /v2/apps' && c.evolution === 'changed-error-status')!;
    expect(noErrors.status).toBe('not-applicable');
    expect(noErrors.reason).toBe('no error response among the statuses served');
    expect(report.cases.find((c) => c.operation === 'getConversation' && c.evolution === 'changed-error-status')?.status).toBe('passed');
  });

  it('refuses what it cannot run, with a usage error', async () => {
    await expect(planClientTolerance({ spec: SUNSHINE, operations: { getConversatoin: () => undefined } })).rejects.toThrow(/no operation "getConversatoin"/);
    await expect(planClientTolerance({ spec: SUNSHINE, policy: 'strict', evolutions: ['id-format'], operations: { getConversation: () => undefined } })).rejects.toThrow(
      /policy strict does not allow: id-format/,
    );
    await expect(planClientTolerance({ spec: SUNSHINE, operations: {} })).rejects.toThrow(/no operations/);
    await expect(planClientTolerance({ spec: SUNSHINE, operations: { getConversation: { call: () => undefined, statuses: [500] } } })).rejects.toThrow(/documents no 500 response/);
  });
});

describe('failures replay', () => {
  it('replays a failure from its seed and path to the same shrunk payload', async () => {
    const options = { spec: SUNSHINE, numRuns: 30, evolutions: ['unknown-property' as const], operations: { getConversation: clients.strictGetConversation } };
    const first = await runClientTolerance(options);
    const failure = first.failures[0]!;
    expect(failure.evolution).toBe('unknown-property');
    expect(failure.message).toContain(`to replay, add to the suite options: replay: ${JSON.stringify(failure.replay)}`);
    const again = await runClientTolerance({ ...options, replay: failure.replay });
    expect(again.failures).toHaveLength(1);
    expect(again.failures[0]!.path).toBe(failure.path);
    expect(again.failures[0]!.response).toEqual(failure.response);
    // Only the replayed case runs.
    expect(again.cases.find((c) => c.evolution === 'baseline')).toMatchObject({ status: 'skipped', reason: 'replaying getConversation unknown-property' });
  });

  it('shrinks the payload', async () => {
    const report = await runClientTolerance({ spec: SUNSHINE, seed: 11, numRuns: 30, evolutions: ['unknown-discriminator-value'], operations: { listMessages: clients.exhaustiveListMessages } });
    const failure = report.failures[0]!;
    expect(failure.shrinks).toBeGreaterThan(0);
    // One message is enough to show the failure.
    expect((failure.response.body as { messages: unknown[] }).messages).toHaveLength(1);
  });
});

describe('judging outcomes', () => {
  it('by default wants an error response reported as an Error, not a crash or a value', () => {
    const response = { status: 404, headers: {}, body: {} };
    expect(rejectsWithError({ kind: 'rejected', error: new Error('not found') }, response)).toBe(true);
    expect(() => rejectsWithError({ kind: 'rejected', error: new TypeError("reading 'x'") }, response)).toThrow(/crashed \(TypeError\)/);
    expect(() => rejectsWithError({ kind: 'resolved', value: null }, response)).toThrow(/returned null instead of reporting the error/);
    expect(() => rejectsWithError({ kind: 'rejected', error: 'nope' }, response)).toThrow(/not an Error/);
  });

  it('runs expectResult on success responses', async () => {
    const report = await runClientTolerance({
      spec: SUNSHINE,
      seed: 5,
      numRuns: 10,
      evolutions: [],
      operations: { getConversation: { call: clients.strictGetConversation, statuses: ['200'], expectResult: (r) => (r as { type: string }).type === 'personal' } },
    });
    expect(report.failures[0]?.reason).toBe('expectResult failed: expectResult returned false');
    expect((report.failures[0]!.response.body as { conversation: { type: string } }).conversation.type).toBe('sdkGroup');
  });

  it('gives up on a client that never answers', async () => {
    const hangs = async (): Promise<never> => {
      await fetch('https://api.smooch.io/v2/apps/app1/conversations/conv1');
      return new Promise<never>(() => undefined);
    };
    const report = await runClientTolerance({ spec: SUNSHINE, seed: 5, numRuns: 2, callTimeout: 50, evolutions: [], operations: { getConversation: hangs } });
    expect(report.failures[0]?.reason).toMatch(/^the client did not answer a (200|404) response within 50 ms$/);
  });
});

describe('serving', () => {
  it('serves the documented response headers, and any query, under the base path', async () => {
    const seen: Array<string | null> = [];
    const readsRateLimit = async (): Promise<unknown> => {
      const response = await fetch('https://tickets.example.com/api/tickets/t%2F1?expand=all');
      const remaining = response.headers.get('x-ratelimit-remaining');
      seen.push(remaining);
      if (!/^\d+$/.test(remaining ?? '')) throw new Error(`bad rate limit header ${remaining}`);
      return response.json();
    };
    const report = await runClientTolerance({
      spec: 'test/suites/client-fixtures/tickets.yaml',
      seed: 9,
      numRuns: 10,
      evolutions: ['extra-header'],
      operations: { getTicket: { call: readsRateLimit, statuses: [200] } },
    });
    expect(report.failures).toEqual([]);
    expect(report.cases.map((c) => c.status)).toEqual(['passed', 'passed']);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(seen.every((v) => v !== null && Number(v) >= 0)).toBe(true);
  });
});

describe('swagger 2.0', () => {
  it('takes the base URL from host and basePath and serves `default` as a 500', async () => {
    const getPet = async (): Promise<unknown> => {
      const response = await fetch('https://pets.example.com/v1/pets/p1');
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    };
    const report = await runClientTolerance({ spec: 'test/suites/client-fixtures/pets-swagger2.yaml', seed: 4, numRuns: 10, evolutions: ['unknown-enum-value'], operations: { getPet } });
    expect(report.baseUrl).toBe('https://pets.example.com/v1');
    expect(report.cases.map((c) => [c.title, c.status])).toEqual([
      ['getPet baseline: accepts valid responses (200, DEFAULT)', 'passed'],
      ['getPet tolerates unknown-enum-value', 'passed'],
    ]);
  });
});

describe('known-field comparison', () => {
  it('ignores new keys and key order, and finds changed or missing known values', () => {
    expect(knownFieldsDifference({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2], d: 3 }, a: 1, e: 0 })).toBeUndefined();
    expect(knownFieldsDifference({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [2, 1] } })).toBe('$.b.c[0]: 1 became 2');
    expect(knownFieldsDifference({ a: 1 }, {})).toBe('$.a: 1 is gone');
    expect(knownFieldsDifference(new Date(5), new Date(5))).toBeUndefined();
    expect(knownFieldsDifference({ at: new Date(5) }, { at: new Date(6) })).toMatch(/^\$\.at: /);
    expect(knownFieldsDifference(new Map([['k', 1]]), new Map([['k', 1], ['j', 2]]))).toBeUndefined();
    expect(knownFieldsDifference([1], [1, 2])).toBe('$: [1] became [1,2]');
  });
});

describe('spec operations', () => {
  it('finds operations by operationId or METHOD /path and lists their responses', async () => {
    const loaded = await loadSpecForSuite(SUNSHINE);
    const byId = findOperation(loaded, 'listMessages');
    const byPath = findOperation(loaded, 'get /v2/apps/{appId}/conversations/{conversationId}/messages');
    expect(byPath.operationId).toBe('listMessages');
    expect(byPath.responses).toEqual(byId.responses);
    expect(byId.responses.map((r) => [r.documented, r.status, r.mediaType])).toEqual([
      ['200', 200, 'application/json'],
      ['400', 400, 'application/json'],
      ['404', 404, 'application/json'],
    ]);
  });

  it('matches request paths against the template under the base path', () => {
    const matches = pathMatcher('/api/', '/tickets/{ticketId}/assignees');
    expect(matches('/api/tickets/t1/assignees')).toBe(true);
    expect(matches('/api/tickets/a%2Fb/assignees?x=1')).toBe(true);
    expect(matches('/api/tickets//assignees')).toBe(false);
    expect(matches('/api/tickets/t1/t2/assignees')).toBe(false);
    expect(matches('/tickets/t1/assignees')).toBe(false);
    expect(pathMatcher('', '/v2/apps/{appId}')('/v2/apps/app.1')).toBe(true);
  });
});
