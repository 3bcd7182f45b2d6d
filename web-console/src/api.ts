import type { Agent, CannedReply, ConversationDetail, InboxItem, InboxView, Note, TransferTarget } from './wire.js';

/** An answer other than 2xx: the server's `{error: {code, message, details}}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** `GET /session` and `POST /login`: the agent, the CSRF token, the tenant's time zone and whether it files quotes. */
export interface SessionAnswer {
  agent: Agent;
  csrfToken: string;
  timeZone?: string;
  /** False for a tenant that files no quote tickets (no catalog): the page shows no quotes tab. */
  filesQuotes?: boolean;
}

export interface ConsoleApi {
  session(): Promise<SessionAnswer | null>;
  login(tenant: string, username: string, password: string): Promise<SessionAnswer>;
  /** Ends the session; resolves only once the server confirmed (204, or 401: it was already over). */
  logout(): Promise<void>;
  inbox(view: InboxView, q: string): Promise<{ items: InboxItem[]; nextCursor: string | null }>;
  conversation(id: string): Promise<ConversationDetail>;
  cannedReplies(): Promise<CannedReply[]>;
  agents(): Promise<Agent[]>;
  /** Every agent of the tenant a conversation can be transferred to (any role). */
  transferTargets(): Promise<TransferTarget[]>;
  take(id: string): Promise<{ assignee: { id: string; displayName: string } }>;
  transfer(id: string, agentId: string): Promise<{ assignee: { id: string; displayName: string } }>;
  /** `key`: the message's Idempotency-Key; a resend under it is answered without sending again. */
  reply(id: string, text: string, key?: string): Promise<{ messageId: string }>;
  note(id: string, text: string, key?: string): Promise<Note>;
  /** `already_resolved`: someone resolved it first (a second click, another agent); `resolution` is theirs. */
  /** `unanswered`: nobody answered the customer and the agent confirmed resolving anyway. */
  resolve(id: string, outcome: string, unanswered?: boolean): Promise<{ state: string; already_resolved?: boolean; resolution?: { agent: string; outcome: string } }>;
  /** Closes the conversation's open quote ticket with how it went; `already_closed` when someone did first. */
  closeQuote(id: string, outcome: string): Promise<{ number: string; already_closed: boolean; resolution: { agent: string | null; outcome: string | null } }>;
  /** Makes this agent (or, for an admin, `agentId`) the quote's salesperson; the bot keeps the conversation. */
  claimQuote(id: string, agentId?: string): Promise<{ number: string; owner: { id: string; displayName: string }; changed: boolean; from: string | null }>;
  /** The quote's owner (or an admin) lets it go; `released: false` when nobody followed it up. */
  releaseQuote(id: string): Promise<{ number: string; released: boolean; from: string | null }>;
  /** Drops the CSRF token and tenant (after logout or an expired session). */
  forget(): void;
}

/**
 * The console's REST client: same-origin cookie session, the CSRF token on every POST, errors as
 * `ApiError` with the server's code. `onUnauthorized` hears every 401 after login (session expired);
 * `onReach` hears whether each call reached the server (false: a network failure, no answer at all).
 */
export function createConsoleApi(options: { base?: string; onUnauthorized: () => void; onReach?: (reached: boolean) => void }): ConsoleApi {
  const base = options.base ?? '/console/api';
  let csrf: string | null = null;
  let tenant = '';

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, { quiet401 = false, idempotencyKey = undefined as string | undefined } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method === 'POST' && csrf) headers['x-csrf-token'] = csrf;
    let res: Response;
    try {
      res = await fetch(base + path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (err) {
      options.onReach?.(false);
      throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'network error');
    }
    options.onReach?.(true);
    const text = await res.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    if (!res.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      const retry = Number(res.headers.get('retry-after'));
      if (res.status === 401 && !quiet401) options.onUnauthorized();
      throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? res.statusText, error?.details, Number.isFinite(retry) && retry > 0 ? retry : null);
    }
    return parsed as T;
  }

  const t = (path: string) => `/tenants/${encodeURIComponent(tenant)}${path}`;
  const c = (id: string, path = '') => t(`/conversations/${encodeURIComponent(id)}${path}`);
  const remember = (answer: SessionAnswer) => {
    csrf = answer.csrfToken;
    tenant = answer.agent.tenant;
    return answer;
  };

  return {
    async session() {
      try {
        return remember(await call<SessionAnswer>('GET', '/session', undefined, { quiet401: true }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    login: async (tenantId, username, password) => remember(await call<SessionAnswer>('POST', '/login', { tenant: tenantId, username, password }, { quiet401: true })),
    async logout() {
      try {
        await call('POST', '/logout', undefined, { quiet401: true });
      } catch (err) {
        // 401: the session was already gone, which is what logging out wants. Anything else
        // (network, 5xx, CSRF) leaves the session alive: keep the token so a retry can end it.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
      this.forget();
    },
    inbox: (view, q) => call('GET', t(`/inbox?view=${view}&limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`)),
    conversation: (id) => call('GET', c(id)),
    cannedReplies: () => call('GET', t('/canned-replies')),
    agents: async () => (await call<{ agents: Agent[] }>('GET', t('/agents'))).agents,
    transferTargets: async () => (await call<{ agents: TransferTarget[] }>('GET', t('/transfer-targets'))).agents,
    take: (id) => call('POST', c(id, '/take'), {}),
    transfer: (id, agentId) => call('POST', c(id, '/transfer'), { agentId }),
    reply: (id, text, key) => call('POST', c(id, '/messages'), { text }, { idempotencyKey: key }),
    note: (id, text, key) => call('POST', c(id, '/notes'), { text }, { idempotencyKey: key }),
    resolve: (id, outcome, unanswered) => call('POST', c(id, '/resolve'), unanswered ? { outcome, unanswered } : { outcome }),
    closeQuote: (id, outcome) => call('POST', c(id, '/quote/close'), { outcome }),
    releaseQuote: (id) => call('POST', c(id, '/quote/release'), {}),
    claimQuote: (id, agentId) => call('POST', c(id, '/quote/claim'), agentId ? { agentId } : {}),
    forget() {
      csrf = null;
      tenant = '';
    },
  };
}
