/** Each intolerant client is caught, and the failure names the evolution, path, seed and payload. */
import { describe, expect, it } from 'vitest';
import { getAt, hasPath, parsePath } from '../../src/fuzz/json-path.js';
import { runClientTolerance, type ClientToleranceOptions, type ClientOutcome, type ClientToleranceReport, type EvolutionId, type Exchange } from '../../src/suites/client.js';
import * as clients from './client-intolerant-clients.js';

const SUNSHINE = 'specs/sunshine-conversations/v2.yaml';
const TICKETS = 'test/suites/client-fixtures/tickets.yaml';

async function run(options: Partial<ClientToleranceOptions> & Pick<ClientToleranceOptions, 'operations'>): Promise<ClientToleranceReport> {
  return runClientTolerance({ spec: SUNSHINE, policy: 'tolerant-reader', seed: 42, numRuns: 30, ...options });
}

function failureFor(report: ClientToleranceReport, evolution: EvolutionId | 'baseline') {
  const failure = report.failures.find((f) => f.evolution === evolution);
  expect(failure, `expected a ${evolution} failure, got ${report.failures.map((f) => f.evolution).join(', ') || 'none'}`).toBeDefined();
  return failure!;
}

function expectBaselinePassed(report: ClientToleranceReport): void {
  for (const c of report.cases.filter((c) => c.evolution === 'baseline')) expect(c.status, c.failure?.message).toBe('passed');
}

/** Every failure message carries what is needed to replay it. */
function expectReplayable(message: string, seed: number, path: string): void {
  expect(message).toContain(`seed: ${seed}`);
  expect(message).toContain(`path: "${path}"`);
  expect(message).toContain('"seed":');
}

describe('client suite catches intolerant clients', () => {
  it('strict object parsing fails on an unknown property', async () => {
    const report = await run({ operations: { getConversation: clients.strictGetConversation }, evolutions: ['unknown-property'] });
    expectBaselinePassed(report);
    const failure = failureFor(report, 'unknown-property');
    const path = parsePath(failure.path);
    // The shrunk payload has the new key where the failure says, and the valid original did not.
    expect(getAt(failure.response.body, path)).not.toBeUndefined();
    expect(hasPath(failure.baseline!.body, path)).toBe(false);
    expect(failure.reason).toMatch(/threw on a 200 response/);
    expect(failure.message).toContain(`unexpected field`);
    expect(failure.message).toContain(failure.path);
    expectReplayable(failure.message, failure.seed, failure.replayPath);
  });

  it('an exhaustive switch fails on an unknown message type', async () => {
    const report = await run({ operations: { listMessages: clients.exhaustiveListMessages }, evolutions: ['unknown-discriminator-value', 'reordered-keys'] });
    expectBaselinePassed(report);
    expect(report.cases.find((c) => c.evolution === 'reordered-keys')?.status).toBe('passed');
    const failure = failureFor(report, 'unknown-discriminator-value');
    expect(failure.path).toMatch(/^\$\.messages\[\d+\]\.content$/);
    const content = getAt(failure.response.body, parsePath(failure.path)) as { type: string };
    expect(['text', 'image', 'file', 'carousel', 'list', 'location', 'form', 'formResponse']).not.toContain(content.type);
    expect(failure.outcome.kind).toBe('rejected');
    expect(failure.message).toContain(`unknown message type ${content.type}`);
  });

  it('an id regex fails on an id of another format', async () => {
    const report = await run({ spec: TICKETS, operations: { getTicket: clients.idRegexGetTicket }, evolutions: ['id-format'] });
    expectBaselinePassed(report);
    const failure = failureFor(report, 'id-format');
    expect(failure.path).toBe('$.id');
    const id = (failure.response.body as { id: string }).id;
    expect(id).not.toMatch(/^[0-9a-f]{24}$/);
    expect(id.length).toBeLessThanOrEqual(255);
    expect(report.baseUrl).toBe('https://tickets.example.com/api');
  });

  it('assuming one item fails when the array grows', async () => {
    const report = await run({ spec: TICKETS, operations: { listAssignees: clients.singleAssignee }, evolutions: ['more-array-items'] });
    expectBaselinePassed(report);
    const failure = failureFor(report, 'more-array-items');
    expect(failure.path).toBe('$.assignees');
    expect((failure.response.body as { assignees: unknown[] }).assignees.length).toBeGreaterThanOrEqual(3);
    expect((failure.baseline!.body as { assignees: unknown[] }).assignees).toHaveLength(1);
  });

  it('unix-timestamp parsing of a date-time field is caught on valid data', async () => {
    const report = await run({ operations: { listMessages: clients.unixTimestampListMessages }, evolutions: [] });
    const failure = failureFor(report, 'baseline');
    expect(failure.message).toMatch(/^listMessages \(GET \/v2\/apps\/\{appId\}\/conversations\/\{conversationId\}\/messages\): the client rejected valid data/);
    expect(failure.reason).toMatch(/threw on a 200 response/);
    const messages = (failure.response.body as { messages: Array<{ received: string }> }).messages;
    expect(messages.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(messages[0]!.received))).toBe(false);
    expect(failure.outcome.kind === 'rejected' && (failure.outcome.error as Error).name).toBe('RangeError');
  });

  it('an exact status match fails when an error arrives with another status', async () => {
    // The integrator's contract: a missing user is undefined, any other error an ApiError.
    const expectError = (outcome: ClientOutcome, response: Exchange): boolean =>
      response.status === 404
        ? outcome.kind === 'resolved' && outcome.value === undefined
        : outcome.kind === 'rejected' && outcome.error instanceof clients.ApiError;
    const report = await run({ operations: { getUser: { call: clients.exactStatusGetUser, expectError } }, evolutions: ['changed-error-status'] });
    expectBaselinePassed(report);
    const failure = failureFor(report, 'changed-error-status');
    expect(failure.path).toBe('status');
    expect([401, 404]).toContain(failure.baseline!.status);
    expect([401, 404]).not.toContain(failure.response.status);
    expect(failure.reason).toMatch(/^wrong handling of a \d+ error response: expectError returned false/);
    expect(failure.outcome).toEqual({ kind: 'resolved', value: { id: 'undefined' } });
  });

  it('a table of known error codes fails on a new code', async () => {
    const report = await run({ operations: { getConversation: clients.codeTableGetConversation }, evolutions: ['unknown-error-code'] });
    const failure = failureFor(report, 'unknown-error-code');
    expect(failure.path).toMatch(/^\$\.errors\[0\]\.code$/);
    expect(failure.reason).toMatch(/crashed \(TypeError\)/);
  });

  it('reports a client that calls another URL', async () => {
    const report = await run({ operations: { getConversation: clients.wrongPathGetConversation }, evolutions: [] });
    const failure = failureFor(report, 'baseline');
    expect(failure.reason).toContain('made no request matching GET https://api.smooch.io/v2/apps/{appId}/conversations/{conversationId}');
  });
});

describe('invariance check', () => {
  it('catches a result that depends on key order, only when asked for', async () => {
    const options = { operations: { getUser: clients.keyOrderGetUser }, evolutions: ['reordered-keys' as const], numRuns: 60 };
    const plain = await run(options);
    expect(plain.ok).toBe(true);
    const checked = await run({ ...options, invariance: true });
    const failure = failureFor(checked, 'reordered-keys');
    expect(failure.reason).toMatch(/^the result changed on a known field: \$\.profile/);
    expect(failure.path).toMatch(/^\$\.user\.profile$/);
  });

  it('compares a projection when given one', async () => {
    const report = await run({
      operations: { getUser: { call: clients.keyOrderGetUser, invariance: (result) => (result as { id: string }).id } },
      evolutions: ['reordered-keys', 'unknown-property'],
      invariance: false,
      numRuns: 40,
    });
    expect(report.failures).toEqual([]);
    expect(report.cases.filter((c) => c.status === 'passed')).toHaveLength(3);
  });
});
