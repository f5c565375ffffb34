/**
 * Clients that make the classic intolerant-reader mistakes, each on its own: the client suite
 * must catch every one of them. Each fetches and parses like a real client would.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code?: string,
  ) {
    super(`API error ${status}${code ? ` ${code}` : ''}`);
    this.name = 'ApiError';
  }
}

type Json = Record<string, unknown>;

async function getJson(url: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
}

async function getOk(url: string): Promise<Json> {
  const { status, body } = await getJson(url);
  if (status >= 400) throw new ApiError(status);
  return body;
}

const SUNSHINE = 'https://api.smooch.io/v2/apps/app1';
const TICKETS = 'https://tickets.example.com/api';

/** Strict parsing: any key the client was not written for is an error. */
export async function strictGetConversation(): Promise<{ id: string; type: string }> {
  const body = await getOk(`${SUNSHINE}/conversations/conv1`);
  const allowed = {
    body: ['conversation'],
    conversation: ['id', 'type', 'isDefault', 'displayName', 'description', 'iconUrl', 'metadata', 'businessLastRead', 'lastUpdatedAt'],
  };
  for (const key of Object.keys(body)) if (!allowed.body.includes(key)) throw new Error(`unexpected field ${key}`);
  const conversation = body.conversation as Json;
  for (const key of Object.keys(conversation)) if (!allowed.conversation.includes(key)) throw new Error(`unexpected field conversation.${key}`);
  return { id: conversation.id as string, type: conversation.type as string };
}

/** An exhaustive switch over message content types, throwing on any other. */
export async function exhaustiveListMessages(): Promise<string[]> {
  const body = await getOk(`${SUNSHINE}/conversations/conv1/messages`);
  return (body.messages as Json[]).map((message) => {
    const content = message.content as Json;
    switch (content.type) {
      case 'text':
        return `text: ${String(content.text ?? '')}`;
      case 'image':
      case 'file':
        return `${content.type}: ${String(content.mediaUrl)}`;
      case 'carousel':
      case 'list':
        return `${content.type} of ${(content.items as unknown[]).length}`;
      case 'location':
        return 'location';
      case 'form':
      case 'formResponse':
        return `${content.type} with ${(content.fields as unknown[]).length} fields`;
      default:
        throw new Error(`unknown message type ${String(content.type)}`);
    }
  });
}

/** Reads `received` as a unix timestamp in seconds (it is an RFC 3339 date-time). */
export async function unixTimestampListMessages(): Promise<Date[]> {
  const body = await getOk(`${SUNSHINE}/conversations/conv1/messages`);
  return (body.messages as Json[]).map((message) => {
    const when = new Date(Number(message.received) * 1000);
    if (Number.isNaN(when.getTime())) throw new RangeError(`bad timestamp ${String(message.received)}`);
    return when;
  });
}

/** Matches error statuses exactly and takes anything else for success. */
export async function exactStatusGetUser(): Promise<{ id: string } | undefined> {
  const { status, body } = await getJson(`${SUNSHINE}/users/user1`);
  if (status === 404) return undefined;
  if (status === 401) throw new ApiError(401);
  const user = (body.user ?? {}) as Json;
  return { id: String(user.id) };
}

/** Maps every error code it knows to an error, and crashes on codes it does not. */
export async function codeTableGetConversation(): Promise<unknown> {
  const { status, body } = await getJson(`${SUNSHINE}/conversations/conv1`);
  if (status < 400) return body.conversation;
  const messages: Record<string, string> = { not_found: 'No such conversation', bad_request: 'Bad request', unauthorized: 'Check your credentials' };
  const code = ((body.errors as Json[] | undefined)?.[0]?.code ?? 'not_found') as string;
  const message = messages[code];
  if (message === undefined) throw new TypeError(`unhandled error code ${code}`);
  throw new ApiError(status, code);
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Validates ids against the format they had when the client was written. */
export async function idRegexGetTicket(): Promise<{ id: string; subject: string }> {
  const body = await getOk(`${TICKETS}/tickets/t1`);
  if (typeof body.id !== 'string' || !OBJECT_ID.test(body.id)) throw new Error(`invalid ticket id ${String(body.id)}`);
  return { id: body.id, subject: String(body.subject) };
}

/** Assumes a ticket has exactly one assignee. */
export async function singleAssignee(): Promise<string> {
  const body = await getOk(`${TICKETS}/tickets/t1/assignees`);
  const assignees = body.assignees as Json[];
  if (assignees.length !== 1) throw new Error(`expected one assignee, got ${assignees.length}`);
  return String(assignees[0]!.name);
}

/** Builds its result from the order of the keys it received. */
export async function keyOrderGetUser(): Promise<{ id: string; profile: string }> {
  const body = await getOk(`${SUNSHINE}/users/user1`);
  const user = body.user as Json;
  const profile = Object.entries((user.profile ?? {}) as Json)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(';');
  return { id: String(user.id), profile };
}

/** Calls a URL the operation does not have. */
export async function wrongPathGetConversation(): Promise<unknown> {
  return getOk(`${SUNSHINE}/conversation/conv1`);
}
