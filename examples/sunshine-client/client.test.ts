/**
 * The tolerance suite for the example client, as an integrator writes it: every response the
 * spec documents, and every change the Sunshine Conversations versioning policy allows, is
 * served to the real client code through nock.
 */
import { describeClientTolerance, type ClientOutcome, type Exchange } from 'apicompat/vitest';
import { SunshineApiError, SunshineClient } from './client.js';

const client = new SunshineClient({ baseUrl: 'https://api.smooch.io', keyId: 'app_5f1a', secret: 'not-a-secret' });

/** Errors must surface as SunshineApiError carrying the status that was served. */
const reportsApiError = (outcome: ClientOutcome, response: Exchange): boolean =>
  outcome.kind === 'rejected' && outcome.error instanceof SunshineApiError && outcome.error.status === response.status;

describeClientTolerance({
  spec: 'specs/sunshine-conversations/v2.yaml',
  policy: 'specs/sunshine-conversations/policy.yaml',
  baseUrl: 'https://api.smooch.io',
  invariance: true,
  expectError: reportsApiError,
  operations: {
    getConversation: () => client.getConversation('app_5f1a', 'conv_1'),
    listMessages: {
      call: () => client.listMessages('app_5f1a', 'conv_1', 'msg_0'),
      expectResult: (page) => (page as { messages: unknown[] }).messages.every((m) => typeof (m as { id: unknown }).id === 'string'),
    },
    postMessage: () => client.sendText('app_5f1a', 'conv_1', 'Hello'),
    getUser: {
      call: () => client.findUser('app_5f1a', 'user_1'),
      // A missing user is not an error for findUser: it answers undefined.
      expectError: (outcome, response) =>
        response.status === 404 ? outcome.kind === 'resolved' && outcome.value === undefined : reportsApiError(outcome, response),
    },
  },
});
