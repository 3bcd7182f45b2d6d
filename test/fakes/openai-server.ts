import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { estimateRequestTokens } from '../../src/actors/brain/llm/tokens.js';

/**
 * A fake OpenAI-compatible provider on loopback that speaks the Chat Completions wire protocol the
 * real `openai` client expects: JSON answers, SSE streaming, structured-output requests, tool calls,
 * OpenAI error bodies, 429s with `retry-after` / `retry-after-ms` / `x-ratelimit-*` headers, slow and
 * hung responses. Programmable with a script of responses or a handler; records every request.
 *
 * @example
 * const fake = await startFakeOpenAi({ script: [reply.rateLimit({ retryAfterMs: 20 }), reply.chat({ content: 'hola' })] });
 * const client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'k1', maxRetries: 0 });
 */

export interface FakeToolCall {
  id?: string;
  name: string;
  /** JSON text, as the model would produce it. */
  arguments: string;
}

export type FakeResponse =
  | {
      kind: 'chat';
      content?: string | null;
      toolCalls?: FakeToolCall[];
      finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
      usage?: { prompt_tokens: number; completion_tokens: number };
      headers?: Record<string, string>;
      /** Wait this long before answering (a slow provider). */
      delayMs?: number;
      /** Streaming only: split content into chunks of this many characters. */
      chunkSize?: number;
      /** Streaming only: wait this long between content chunks (a model that types). */
      chunkDelayMs?: number;
    }
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'error'; status: number; message?: string; type?: string; code?: string | null; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'rate_limit'; retryAfterSeconds?: number; retryAfterMs?: number; headers?: Record<string, string>; message?: string }
  /** Accept the request and never answer (the socket stays open until the client gives up or the server closes). */
  | { kind: 'hang' }
  /** Stream some content, then stall forever without `[DONE]`. */
  | { kind: 'stream_hang'; content: string }
  /** Drop the connection without an answer. */
  | { kind: 'reset' };

export const reply = {
  chat: (o: Omit<Extract<FakeResponse, { kind: 'chat' }>, 'kind'> = {}): FakeResponse => ({ kind: 'chat', ...o }),
  /** A chat answer whose content is `JSON.stringify(value)` (structured output). */
  json: (value: unknown, o: Omit<Extract<FakeResponse, { kind: 'chat' }>, 'kind' | 'content'> = {}): FakeResponse => ({
    kind: 'chat',
    content: JSON.stringify(value),
    ...o,
  }),
  toolCalls: (toolCalls: FakeToolCall[], o: Omit<Extract<FakeResponse, { kind: 'chat' }>, 'kind' | 'toolCalls'> = {}): FakeResponse => ({
    kind: 'chat',
    content: null,
    toolCalls,
    finishReason: 'tool_calls',
    ...o,
  }),
  error: (status: number, o: Omit<Extract<FakeResponse, { kind: 'error' }>, 'kind' | 'status'> = {}): FakeResponse => ({ kind: 'error', status, ...o }),
  rateLimit: (o: Omit<Extract<FakeResponse, { kind: 'rate_limit' }>, 'kind'> = {}): FakeResponse => ({ kind: 'rate_limit', ...o }),
  hang: (): FakeResponse => ({ kind: 'hang' }),
  streamHang: (content: string): FakeResponse => ({ kind: 'stream_hang', content }),
  reset: (): FakeResponse => ({ kind: 'reset' }),
};

export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The API key from `Authorization: Bearer <key>`, or null. */
  apiKey: string | null;
  body: ChatBody;
  /** What this request counted against its account's TPM (prompt estimate + max_tokens). */
  estimatedTokens: number;
}

/** The parts of a Chat Completions request body the fake reads; the rest is kept as sent. */
export interface ChatBody {
  model?: string;
  messages?: { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown; strict?: boolean } }[];
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name: string; schema?: unknown; strict?: boolean } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  [key: string]: unknown;
}

export type FakeHandler = (body: ChatBody, headers: Record<string, string>, request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

/** Provider-side limits for one API key, enforced like OpenAI does: over the cap → 429. */
export interface FakeAccount {
  rpm?: number;
  tpm?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

export interface FakeAccountStats {
  requests: number;
  rateLimited: number;
  maxConcurrent: number;
  maxRequestsInWindow: number;
  maxTokensInWindow: number;
}

export interface FakeOpenAiOptions {
  /** Answers in order; when exhausted, `fallback` (or a 500) answers. */
  script?: FakeResponse[];
  handler?: FakeHandler;
  fallback?: FakeResponse;
  /** Per-key accounts; when given, an unknown key gets 401. */
  accounts?: Record<string, FakeAccount>;
  /** Account window length (default one minute). */
  windowMs?: number;
  /** Listen on this port (default: any free port). */
  port?: number;
  /** Listen on this address (default loopback). */
  host?: string;
}

export interface FakeOpenAi {
  baseURL: string;
  requests: RecordedRequest[];
  /** Append responses to the script. */
  enqueue(...responses: FakeResponse[]): void;
  setHandler(handler: FakeHandler | undefined): void;
  accountStats(apiKey: string): FakeAccountStats;
  /** Total 429s answered (scripted or from account caps). */
  readonly rateLimitedCount: number;
  close(): Promise<void>;
}

interface AccountState {
  caps: FakeAccount;
  inFlight: number;
  window: { t: number; tokens: number }[];
  stats: FakeAccountStats;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const script = [...(options.script ?? [])];
  let handler = options.handler;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const accounts = new Map<string, AccountState>();
  const windowMs = options.windowMs ?? 60_000;
  let rateLimitedCount = 0;
  let seq = 0;
  let idSeq = 0;
  for (const [key, caps] of Object.entries(options.accounts ?? {})) {
    accounts.set(key, { caps, inFlight: 0, window: [], stats: { requests: 0, rateLimited: 0, maxConcurrent: 0, maxRequestsInWindow: 0, maxTokensInWindow: 0 } });
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(err), type: 'server_error', param: null, code: null } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = headers['authorization'];
    const apiKey = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null;
    if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      sendError(res, 404, `Unknown route ${req.method} ${url.pathname}`, 'invalid_request_error', 'unknown_url');
      return;
    }
    let body: ChatBody;
    try {
      body = JSON.parse(raw) as ChatBody;
    } catch {
      sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
      return;
    }
    const estimatedTokens = estimateRequestTokens({ messages: body.messages, tools: body.tools, maxTokens: body.max_completion_tokens ?? body.max_tokens });
    const recorded: RecordedRequest = { seq: ++seq, method: req.method, path: url.pathname, headers, apiKey, body, estimatedTokens };
    requests.push(recorded);

    let account: AccountState | undefined;
    let accountHeaders: Record<string, string> = {};
    if (accounts.size > 0) {
      account = apiKey !== null ? accounts.get(apiKey) : undefined;
      if (account === undefined) {
        sendError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
        return;
      }
      const admitted = admit(account, estimatedTokens);
      if (!admitted.ok) {
        rateLimitedCount++;
        account.stats.rateLimited++;
        res.writeHead(429, { 'content-type': 'application/json', ...admitted.headers });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached.', type: 'requests', param: null, code: 'rate_limit_exceeded' } }));
        return;
      }
      accountHeaders = admitted.headers;
    }
    try {
      const response = await nextResponse(body, headers, recorded);
      // Like OpenAI, every admitted answer reports the account's remaining budget.
      await answer(response.kind === 'chat' ? { ...response, headers: { ...accountHeaders, ...response.headers } } : response, body, res);
    } finally {
      if (account !== undefined) account.inFlight--;
    }
  }

  /** Admits a request against the account caps; the headers are the rate-limit headers to answer with. */
  function admit(account: AccountState, tokens: number): { ok: boolean; headers: Record<string, string> } {
    const now = Date.now();
    account.window = account.window.filter((e) => e.t > now - windowMs);
    const used = account.window.length;
    const usedTokens = account.window.reduce((sum, e) => sum + e.tokens, 0);
    const { rpm, tpm, concurrency } = account.caps;
    const oldest = account.window[0]?.t ?? now;
    const resetMs = Math.max(1, oldest + windowMs - now);
    const rateHeaders = {
      ...(rpm !== undefined ? { 'x-ratelimit-limit-requests': String(rpm), 'x-ratelimit-remaining-requests': String(Math.max(0, rpm - used)), 'x-ratelimit-reset-requests': `${resetMs}ms` } : {}),
      ...(tpm !== undefined ? { 'x-ratelimit-limit-tokens': String(tpm), 'x-ratelimit-remaining-tokens': String(Math.max(0, tpm - usedTokens)), 'x-ratelimit-reset-tokens': `${resetMs}ms` } : {}),
    };
    if ((rpm !== undefined && used + 1 > rpm) || (tpm !== undefined && usedTokens + tokens > tpm)) {
      return { ok: false, headers: { ...rateHeaders, 'retry-after-ms': String(resetMs), 'retry-after': String(Math.ceil(resetMs / 1000)) } };
    }
    if (concurrency !== undefined && account.inFlight + 1 > concurrency) {
      return { ok: false, headers: { 'retry-after-ms': '50', 'retry-after': '1' } };
    }
    account.window.push({ t: now, tokens });
    account.inFlight++;
    account.stats.requests++;
    account.stats.maxConcurrent = Math.max(account.stats.maxConcurrent, account.inFlight);
    account.stats.maxRequestsInWindow = Math.max(account.stats.maxRequestsInWindow, account.window.length);
    account.stats.maxTokensInWindow = Math.max(account.stats.maxTokensInWindow, usedTokens + tokens);
    return {
      ok: true,
      headers: {
        ...(rpm !== undefined ? { 'x-ratelimit-limit-requests': String(rpm), 'x-ratelimit-remaining-requests': String(rpm - used - 1), 'x-ratelimit-reset-requests': `${resetMs}ms` } : {}),
        ...(tpm !== undefined ? { 'x-ratelimit-limit-tokens': String(tpm), 'x-ratelimit-remaining-tokens': String(tpm - usedTokens - tokens), 'x-ratelimit-reset-tokens': `${resetMs}ms` } : {}),
      },
    };
  }

  async function nextResponse(body: ChatBody, headers: Record<string, string>, recorded: RecordedRequest): Promise<FakeResponse> {
    const scripted = script.shift();
    if (scripted !== undefined) return scripted;
    if (handler !== undefined) return handler(body, headers, recorded);
    return options.fallback ?? { kind: 'error', status: 500, message: 'Fake provider: script exhausted.' };
  }

  async function answer(response: FakeResponse, body: ChatBody, res: ServerResponse): Promise<void> {
    if ('delayMs' in response && response.delayMs !== undefined) await sleep(response.delayMs);
    switch (response.kind) {
      case 'hang':
        return waitForClose(res);
      case 'reset':
        res.socket?.destroy();
        return;
      case 'json':
        sendJson(res, response.status, response.body, response.headers);
        return;
      case 'error':
        sendError(res, response.status, response.message ?? `Fake provider error ${response.status}.`, response.type ?? (response.status >= 500 ? 'server_error' : 'invalid_request_error'), response.code ?? null, response.headers);
        return;
      case 'rate_limit': {
        rateLimitedCount++;
        const h: Record<string, string> = { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${response.retryAfterMs ?? (response.retryAfterSeconds ?? 1) * 1000}ms`, ...response.headers };
        if (response.retryAfterMs !== undefined) h['retry-after-ms'] = String(response.retryAfterMs);
        if (response.retryAfterSeconds !== undefined) h['retry-after'] = String(response.retryAfterSeconds);
        sendError(res, 429, response.message ?? 'Rate limit reached for requests.', 'requests', 'rate_limit_exceeded', h);
        return;
      }
      case 'stream_hang': {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const id = `chatcmpl-fake${++idSeq}`;
        res.write(sse(chunk(id, body, { role: 'assistant', content: response.content }, null)));
        return waitForClose(res);
      }
      case 'chat':
        if (body.stream === true) return streamChat(response, body, res);
        sendJson(res, 200, completion(response, body), response.headers);
        return;
    }
  }

  function completion(r: Extract<FakeResponse, { kind: 'chat' }>, body: ChatBody): unknown {
    const toolCalls = r.toolCalls?.map((c, i) => ({ id: c.id ?? `call_${idSeq}_${i}`, type: 'function', function: { name: c.name, arguments: c.arguments } }));
    const usage = r.usage ?? { prompt_tokens: 10, completion_tokens: 5 };
    return {
      id: `chatcmpl-fake${++idSeq}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model ?? 'fake-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: r.content ?? null, refusal: null, ...(toolCalls !== undefined ? { tool_calls: toolCalls } : {}) },
          logprobs: null,
          finish_reason: r.finishReason ?? (toolCalls !== undefined ? 'tool_calls' : 'stop'),
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    };
  }

  async function streamChat(r: Extract<FakeResponse, { kind: 'chat' }>, body: ChatBody, res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...r.headers });
    const id = `chatcmpl-fake${++idSeq}`;
    const size = r.chunkSize ?? 4;
    res.write(sse(chunk(id, body, { role: 'assistant', content: '' }, null)));
    const content = r.content ?? '';
    for (let i = 0; i < content.length; i += size) {
      res.write(sse(chunk(id, body, { content: content.slice(i, i + size) }, null)));
      await (r.chunkDelayMs !== undefined && i + size < content.length ? sleep(r.chunkDelayMs) : tick());
    }
    for (const [index, call] of (r.toolCalls ?? []).entries()) {
      // As OpenAI does: the first delta carries id and name, later deltas only argument fragments.
      res.write(sse(chunk(id, body, { tool_calls: [{ index, id: call.id ?? `call_${idSeq}_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }, null)));
      for (let i = 0; i < call.arguments.length; i += size) {
        res.write(sse(chunk(id, body, { tool_calls: [{ index, function: { arguments: call.arguments.slice(i, i + size) } }] }, null)));
        await tick();
      }
    }
    const finish = r.finishReason ?? (r.toolCalls !== undefined ? 'tool_calls' : 'stop');
    res.write(sse(chunk(id, body, {}, finish)));
    if (body.stream_options?.include_usage === true) {
      const usage = r.usage ?? { prompt_tokens: 10, completion_tokens: 5 };
      res.write(sse({ id, object: 'chat.completion.chunk', created: 1_700_000_000, model: body.model ?? 'fake-model', choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }));
    }
    res.write('data: [DONE]\n\n');
    res.end();
  }

  function waitForClose(res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      res.on('close', () => resolve());
    });
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed = false;

  return {
    baseURL: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`,
    requests,
    enqueue: (...responses) => {
      script.push(...responses);
    },
    setHandler: (h) => {
      handler = h;
    },
    accountStats: (key) => {
      const a = accounts.get(key);
      if (a === undefined) throw new Error(`no fake account for key ${key.slice(0, 4)}…`);
      return { ...a.stats };
    },
    get rateLimitedCount() {
      return rateLimitedCount;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function chunk(id: string, body: ChatBody, delta: Record<string, unknown>, finish: string | null): unknown {
  return { id, object: 'chat.completion.chunk', created: 1_700_000_000, model: body.model ?? 'fake-model', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
