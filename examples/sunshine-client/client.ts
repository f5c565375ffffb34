/**
 * A small Sunshine Conversations v2 client written as a tolerant reader: it reads the fields it
 * needs, ignores the others, keeps values it does not recognise instead of failing on them, and
 * treats every non-2xx status as an error it reports with whatever the body says.
 */

export interface ClientConfig {
  baseUrl: string;
  keyId: string;
  secret: string;
}

export interface ApiErrorDetail {
  code: string;
  title: string;
}

/** Any error response: the status, and the error codes the body carried (possibly none). */
export class SunshineApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorDetail[],
  ) {
    super(`Sunshine Conversations API error ${status}${errors[0] ? `: ${errors[0].code}` : ''}`);
    this.name = 'SunshineApiError';
  }

  /** Codes are open-ended: new ones may appear at any time. */
  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/** `personal`, `sdkGroup`, or a type added later. */
export type ConversationType = 'personal' | 'sdkGroup' | (string & {});

export interface Conversation {
  id: string;
  type: ConversationType;
  displayName?: string;
  metadata: Record<string, unknown>;
  lastUpdatedAt?: Date;
}

export type MessageContent =
  | { type: 'text'; text: string }
  | { type: 'image' | 'file'; mediaUrl: string; text?: string }
  | { type: 'carousel' | 'list'; titles: string[] }
  | { type: 'location'; lat: number; long: number }
  | { type: 'form' | 'formResponse'; fieldNames: string[] }
  /** A content type this client does not know yet. */
  | { type: 'unsupported'; originalType: string };

export interface Message {
  id: string;
  received?: Date;
  author: { type: string; userId?: string; displayName?: string };
  content: MessageContent;
}

export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
  afterCursor?: string;
}

export interface User {
  id: string;
  externalId?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  metadata: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function date(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function toConversation(raw: unknown): Conversation {
  const c = record(raw);
  return {
    id: String(c.id ?? ''),
    type: text(c.type) ?? 'personal',
    ...optional('displayName', text(c.displayName)),
    metadata: { ...record(c.metadata) },
    ...optional('lastUpdatedAt', date(c.lastUpdatedAt)),
  };
}

function toContent(raw: unknown): MessageContent {
  const c = record(raw);
  const type = text(c.type) ?? '';
  switch (type) {
    case 'text':
      return { type, text: text(c.text) ?? '' };
    case 'image':
    case 'file':
      return { type, mediaUrl: text(c.mediaUrl) ?? '', ...optional('text', text(c.text)) };
    case 'carousel':
    case 'list':
      return { type, titles: list(c.items).map((item) => text(record(item).title) ?? '') };
    case 'location': {
      const at = record(c.coordinates);
      return { type, lat: Number(at.lat), long: Number(at.long) };
    }
    case 'form':
    case 'formResponse':
      return { type, fieldNames: list(c.fields).map((field) => text(record(field).name) ?? '') };
    default:
      return { type: 'unsupported', originalType: type };
  }
}

function toMessage(raw: unknown): Message {
  const m = record(raw);
  const author = record(m.author);
  return {
    id: String(m.id ?? ''),
    ...optional('received', date(m.received)),
    author: { type: text(author.type) ?? 'user', ...optional('userId', text(author.userId)), ...optional('displayName', text(author.displayName)) },
    content: toContent(m.content),
  };
}

function toUser(raw: unknown): User {
  const u = record(raw);
  const profile = record(u.profile);
  return {
    id: String(u.id ?? ''),
    ...optional('externalId', text(u.externalId)),
    ...optional('givenName', text(profile.givenName)),
    ...optional('surname', text(profile.surname)),
    ...optional('email', text(profile.email)),
    metadata: { ...record(u.metadata) },
  };
}

export class SunshineClient {
  constructor(private readonly config: ClientConfig) {}

  private async request(method: string, path: string, body?: unknown): Promise<Json> {
    const auth = Buffer.from(`${this.config.keyId}:${this.config.secret}`).toString('base64');
    const response = await fetch(`${this.config.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { authorization: `Basic ${auth}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const raw = await response.text();
    let parsed: unknown;
    try {
      parsed = raw === '' ? {} : JSON.parse(raw);
    } catch {
      parsed = {};
    }
    if (!response.ok) {
      const errors = list(record(parsed).errors).map((e) => ({ code: text(record(e).code) ?? 'unknown', title: text(record(e).title) ?? '' }));
      throw new SunshineApiError(response.status, errors);
    }
    return record(parsed);
  }

  async getConversation(appId: string, conversationId: string): Promise<Conversation> {
    const body = await this.request('GET', `/v2/apps/${encodeURIComponent(appId)}/conversations/${encodeURIComponent(conversationId)}`);
    return toConversation(body.conversation);
  }

  async listMessages(appId: string, conversationId: string, after?: string): Promise<MessagePage> {
    const query = after === undefined ? '' : `?page[after]=${encodeURIComponent(after)}`;
    const body = await this.request('GET', `/v2/apps/${encodeURIComponent(appId)}/conversations/${encodeURIComponent(conversationId)}/messages${query}`);
    const meta = record(body.meta);
    return {
      messages: list(body.messages).map(toMessage),
      hasMore: meta.hasMore === true,
      ...optional('afterCursor', text(meta.afterCursor)),
    };
  }

  /** Sends a text message; the API may answer with several messages for one request. */
  async sendText(appId: string, conversationId: string, message: string): Promise<Message[]> {
    const body = await this.request('POST', `/v2/apps/${encodeURIComponent(appId)}/conversations/${encodeURIComponent(conversationId)}/messages`, {
      author: { type: 'business' },
      content: { type: 'text', text: message },
    });
    return list(body.messages).map(toMessage);
  }

  /** The user, or undefined when there is no such user. */
  async findUser(appId: string, userIdOrExternalId: string): Promise<User | undefined> {
    try {
      const body = await this.request('GET', `/v2/apps/${encodeURIComponent(appId)}/users/${encodeURIComponent(userIdOrExternalId)}`);
      return toUser(body.user);
    } catch (error) {
      if (error instanceof SunshineApiError && error.status === 404) return undefined;
      throw error;
    }
  }
}
