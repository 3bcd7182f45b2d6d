import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { HiloError, type HiloErrorCode } from '../../../kernel/errors.js';
import type { Clock } from '../../../kernel/clock.js';
import type { KeyLease, KeyPoolPort as KeyPool } from './key-pool-port.js';
import type { Logger } from '../../../kernel/logger.js';
import { backoffDelay, realSleep, type Sleep } from '../../../kernel/retry.js';
import { toWireSchema, type JsonSchema } from './json-schema.js';
import { estimateRequestTokens } from './tokens.js';

/** Hilo's own message shape: `openai` types do not leave this folder. */
export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text exactly as the model produced it (validate before use). */
  arguments: string;
}

export interface FunctionTool {
  name: string;
  description: string;
  parameters: JsonSchema;
  strict?: boolean;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: FunctionTool[];
  toolChoice?: 'auto' | 'none' | 'required';
  /**
   * Structured output: the answer's content must be JSON matching `schema`. `mode: 'json_object'`
   * (JSON mode) is for providers without `json_schema` (DeepSeek, some OpenRouter and Ollama models):
   * the schema is then not sent, so the prompt must carry it, and validation in code is all there is.
   */
  responseFormat?: { name: string; schema: JsonSchema; strict?: boolean; mode?: ResponseFormatMode };
  maxTokens?: number;
  temperature?: number;
}

/** `json_schema` (structured outputs, the default) or `json_object` (JSON mode). */
export type ResponseFormatMode = 'json_schema' | 'json_object';

export interface ChatResult {
  content: string | null;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: { promptTokens: number; completionTokens: number } | null;
  /** Pool entry that answered (an id, never the key). */
  entryId: string;
  model: string;
  /** Provider calls this result took (1 = first try). 0 when served from the idempotency cache. */
  attempts: number;
  fromCache: boolean;
}

export interface CallOptions {
  /** Pins the call to the conversation's pool entry. */
  conversationId: string;
  /**
   * Same key → same result: sent as the `Idempotency-Key` header and used to cache the result, so
   * an actor restored mid-turn that re-invokes the call does not pay twice.
   */
  idempotencyKey: string;
  /**
   * Epoch ms after which the call gives up, when it is earlier than the client's own deadline: a
   * reading that takes several calls (tool rounds) shares one deadline.
   */
  deadlineAt?: number;
}

export interface StreamOptions extends CallOptions {
  onDelta: (text: string) => void;
  onRestart?: () => void;
}

export interface LlmClient {
  complete(request: ChatRequest, options: CallOptions): Promise<ChatResult>;
  /**
   * Streams content deltas to `onDelta` as they arrive and resolves with the assembled result
   * (tool calls included). When an attempt that already streamed text fails and is retried,
   * `onRestart` fires first so the caller can clear the partial text it showed.
   */
  stream(request: ChatRequest, options: StreamOptions): Promise<ChatResult>;
}

export interface LlmClientOptions {
  pool: KeyPool;
  logger: Logger;
  clock: Clock;
  /** One provider call (whole stream included). */
  timeoutMs?: number;
  /** All attempts, waits and retries of one call together: a turn never hangs longer. */
  deadlineMs?: number;
  /** Retries for 5xx and connection errors. */
  maxRetries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Random source for the jitter (tests may pin it). */
  random?: () => number;
  idempotencyTtlMs?: number;
  idempotencyMaxEntries?: number;
  /** How to wait between attempts (tests may record the waits). */
  sleep?: Sleep;
}

type Failure =
  | { kind: 'rate_limited'; headers: Headers | undefined }
  | { kind: 'timeout' }
  | { kind: 'deadline' }
  | { kind: 'retriable'; status: number | null }
  | { kind: 'fatal'; status: number | null };

/**
 * The resilient completion client: one `openai` client per pool entry with the SDK's own retries
 * off (`maxRetries: 0`), because Hilo decides: 429 → another entry or honour `retry-after`;
 * timeout → one retry; 5xx/connection → up to `maxRetries` with exponential backoff and full
 * jitter; 400/401/403/404 → no retry. Everything inside one total deadline. Failures are
 * `HiloError`s with `HILO_ERR_LLM_*` codes.
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const {
    pool,
    clock,
    timeoutMs = 20_000,
    deadlineMs = 45_000,
    maxRetries = 3,
    backoffBaseMs = 250,
    backoffMaxMs = 4_000,
    random = Math.random,
    idempotencyTtlMs = 5 * 60_000,
    idempotencyMaxEntries = 1_000,
    sleep = realSleep,
  } = options;
  const log = options.logger.child({ component: 'llm-client' });
  const clients = new Map<string, OpenAI>();
  const cache = new Map<string, { expiresAt: number; result: Promise<ChatResult> }>();

  const clientFor = (entryId: string): OpenAI => {
    let c = clients.get(entryId);
    if (c === undefined) {
      const cred = pool.credentials(entryId);
      c = new OpenAI({ baseURL: cred.baseURL, apiKey: cred.apiKey, maxRetries: 0, timeout: timeoutMs });
      clients.set(entryId, c);
    }
    return c;
  };

  function cached(key: string, run: () => Promise<ChatResult>): Promise<ChatResult> {
    const now = clock.now();
    for (const [k, v] of cache) {
      if (v.expiresAt > now) break; // insertion order ≈ expiry order
      cache.delete(k);
    }
    const hit = cache.get(key);
    if (hit !== undefined && hit.expiresAt > now) return hit.result.then((r) => ({ ...r, attempts: 0, fromCache: true }));
    const result = run();
    cache.set(key, { expiresAt: now + idempotencyTtlMs, result });
    while (cache.size > idempotencyMaxEntries) cache.delete(cache.keys().next().value as string);
    // A failure is not an answer: the next invocation must try again.
    result.catch(() => {
      if (cache.get(key)?.result === result) cache.delete(key);
    });
    return result;
  }

  async function call(request: ChatRequest, opts: CallOptions, streaming: Pick<StreamOptions, 'onDelta' | 'onRestart'> | undefined): Promise<ChatResult> {
    const deadlineAt = Math.min(clock.now() + deadlineMs, opts.deadlineAt ?? Number.POSITIVE_INFINITY);
    const wire = toWire(request);
    const tokens = estimateRequestTokens({ messages: wire.messages, tools: wire.tools, maxTokens: request.maxTokens });
    let lease = acquireOrThrow(opts.conversationId);
    let attempts = 0;
    let timeouts = 0;
    let failures = 0;
    let rateLimits = 0;
    /** Entries whose RPM/TPM budget this call found spent (never bounce between them). */
    const spent = new Set<string>();
    /** The previous attempt streamed text before it failed. */
    let partial = false;
    const maxRateLimits = maxRetries + 2;

    for (;;) {
      const remaining = deadlineAt - clock.now();
      if (remaining <= 0) throw llmError('HILO_ERR_LLM_TIMEOUT', 'LLM call deadline reached', { attempts });
      const reserved = pool.reserveRequest(lease.entryId, tokens);
      if (!reserved.ok) {
        spent.add(lease.entryId);
        const moved = pool.reassign(opts.conversationId, [...spent]);
        if (moved.ok) {
          lease = moved.lease;
          continue;
        }
        if (reserved.retryAfterMs >= remaining) throw llmError('HILO_ERR_LLM_RATE_LIMITED', `key budget spent (${reserved.reason})`, { attempts });
        await sleep(reserved.retryAfterMs);
        spent.clear();
        continue;
      }
      attempts++;
      const attemptTimeout = Math.min(timeoutMs, remaining);
      if (partial) {
        streaming?.onRestart?.();
        partial = false;
      }
      const onDelta =
        streaming === undefined
          ? undefined
          : (text: string) => {
              partial = true;
              streaming.onDelta(text);
            };
      try {
        const result = await attempt(lease, wire, opts.idempotencyKey, attemptTimeout, remaining <= timeoutMs, onDelta);
        return { ...result, attempts, fromCache: false };
      } catch (err) {
        const failure = classify(err);
        log.warn({ keyId: lease.entryId, attempt: attempts, failure: failure.kind, status: 'status' in failure ? failure.status : undefined }, 'LLM call failed');
        const left = deadlineAt - clock.now();
        switch (failure.kind) {
          case 'rate_limited': {
            rateLimits++;
            const wait = pool.reportRateLimited(lease.entryId, failure.headers);
            if (rateLimits > maxRateLimits) throw llmError('HILO_ERR_LLM_RATE_LIMITED', 'rate limited on every retry', { attempts }, err);
            const moved = pool.reassign(opts.conversationId, [lease.entryId]);
            if (moved.ok) {
              lease = moved.lease;
              continue;
            }
            if (wait >= left) throw llmError('HILO_ERR_LLM_RATE_LIMITED', `retry-after ${wait} ms does not fit in the deadline`, { attempts }, err);
            await sleep(wait);
            continue;
          }
          case 'timeout':
            if (++timeouts > 1) throw llmError('HILO_ERR_LLM_TIMEOUT', 'LLM call timed out twice', { attempts }, err);
            continue;
          case 'deadline':
            throw llmError('HILO_ERR_LLM_TIMEOUT', 'LLM call deadline reached', { attempts }, err);
          case 'retriable': {
            if (++failures > maxRetries) throw llmError('HILO_ERR_LLM_UNAVAILABLE', 'LLM provider failed after retries', { attempts, status: failure.status }, err);
            const delay = backoffDelay(failures, { baseDelayMs: backoffBaseMs, maxDelayMs: backoffMaxMs }, random);
            if (delay >= left) throw llmError('HILO_ERR_LLM_UNAVAILABLE', 'no time left to retry the LLM provider', { attempts, status: failure.status }, err);
            await sleep(delay);
            continue;
          }
          case 'fatal':
            throw llmError('HILO_ERR_LLM_UNAVAILABLE', `LLM provider refused the request (${failure.status ?? 'no status'})`, { attempts, status: failure.status }, err);
        }
      }
    }
  }

  function acquireOrThrow(conversationId: string): KeyLease {
    const got = pool.acquire(conversationId);
    if (!got.ok) throw llmError('HILO_ERR_LLM_POOL_EXHAUSTED', `key pool: ${got.reason}`, { reason: got.reason });
    return got.lease;
  }

  async function attempt(
    lease: KeyLease,
    wire: WireRequest,
    idempotencyKey: string,
    attemptTimeoutMs: number,
    limitedByDeadline: boolean,
    onDelta: ((text: string) => void) | undefined,
  ): Promise<Omit<ChatResult, 'attempts' | 'fromCache'>> {
    const client = clientFor(lease.entryId);
    const controller = new AbortController();
    let why: 'timeout' | 'deadline' | null = null;
    // Our own timer covers the whole stream, not only the wait for headers.
    const timer = setTimeout(() => {
      why = limitedByDeadline ? 'deadline' : 'timeout';
      controller.abort();
    }, attemptTimeoutMs);
    const requestOptions = { signal: controller.signal, timeout: attemptTimeoutMs, maxRetries: 0, headers: { 'Idempotency-Key': idempotencyKey } };
    try {
      if (onDelta === undefined) {
        const { data, response } = await client.chat.completions.create({ ...wire, model: lease.model, stream: false }, requestOptions).withResponse();
        pool.reportHeaders(lease.entryId, response.headers);
        const choice = data.choices[0];
        const toolCalls: ToolCall[] = [];
        for (const c of choice?.message.tool_calls ?? []) {
          if (c.type === 'function') toolCalls.push({ id: c.id, name: c.function.name, arguments: c.function.arguments });
        }
        return {
          content: choice?.message.content ?? null,
          toolCalls,
          finishReason: choice?.finish_reason ?? null,
          usage: data.usage ? { promptTokens: data.usage.prompt_tokens, completionTokens: data.usage.completion_tokens } : null,
          entryId: lease.entryId,
          model: lease.model,
        };
      }
      const { data: stream, response } = await client.chat.completions
        .create({ ...wire, model: lease.model, stream: true, stream_options: { include_usage: true } }, requestOptions)
        .withResponse();
      pool.reportHeaders(lease.entryId, response.headers);
      let content = '';
      let sawContent = false;
      let finishReason: string | null = null;
      let usage: ChatResult['usage'] = null;
      const calls: { id: string; name: string; arguments: string }[] = [];
      for await (const chunk of stream) {
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        const choice = chunk.choices[0];
        if (choice === undefined) continue;
        if (typeof choice.delta.content === 'string' && choice.delta.content !== '') {
          content += choice.delta.content;
          sawContent = true;
          onDelta(choice.delta.content);
        }
        for (const tc of choice.delta.tool_calls ?? []) {
          const slot = (calls[tc.index] ??= { id: '', name: '', arguments: '' });
          if (tc.id) slot.id = tc.id;
          if (tc.function?.name) slot.name += tc.function.name;
          if (tc.function?.arguments) slot.arguments += tc.function.arguments;
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
      if (why !== null) throw new APIConnectionTimeoutError();
      return {
        content: sawContent ? content : null,
        toolCalls: calls.filter((c) => c !== undefined),
        finishReason,
        usage,
        entryId: lease.entryId,
        model: lease.model,
      };
    } catch (err) {
      if (why !== null) throw Object.assign(new Error(`LLM attempt aborted: ${why}`, { cause: err }), { hiloAbort: why });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    complete: (request, opts) => cached(opts.idempotencyKey, () => call(request, opts, undefined)),
    stream: (request, opts) =>
      cached(opts.idempotencyKey, () => call(request, opts, opts)).then((r) => {
        // A replay from the cache still shows the customer the answer, in one piece.
        if (r.fromCache && r.content !== null) opts.onDelta(r.content);
        return r;
      }),
  };
}

function classify(err: unknown): Failure {
  const abort = (err as { hiloAbort?: 'timeout' | 'deadline' }).hiloAbort;
  if (abort === 'timeout') return { kind: 'timeout' };
  if (abort === 'deadline') return { kind: 'deadline' };
  if (err instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (err instanceof APIUserAbortError) return { kind: 'timeout' };
  if (err instanceof APIConnectionError) return { kind: 'retriable', status: null };
  if (err instanceof APIError) {
    const status = typeof err.status === 'number' ? err.status : null;
    if (status === 429) return { kind: 'rate_limited', headers: err.headers };
    if (status === 408 || status === 409 || status === null || status >= 500) return { kind: 'retriable', status };
    return { kind: 'fatal', status };
  }
  // The stream broke mid-way (socket closed) or an unknown failure: treat as a connection error.
  return { kind: 'retriable', status: null };
}

function llmError(code: HiloErrorCode, message: string, details: Record<string, unknown>, cause?: unknown): HiloError {
  return new HiloError(code, message, { details, ...(cause !== undefined ? { cause } : {}) });
}

interface WireRequest {
  messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[];
  tools?: OpenAI.Chat.Completions.ChatCompletionTool[];
  tool_choice?: 'auto' | 'none' | 'required';
  response_format?: OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject;
  max_tokens?: number;
  temperature?: number;
}

function toWire(request: ChatRequest): WireRequest {
  const messages = request.messages.map((m): OpenAI.Chat.Completions.ChatCompletionMessageParam => {
    switch (m.role) {
      case 'system':
        return { role: 'system', content: m.content };
      case 'user':
        return { role: 'user', content: m.content };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      case 'assistant':
        return {
          role: 'assistant',
          content: m.content,
          ...(m.toolCalls !== undefined && m.toolCalls.length > 0
            ? { tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } })) }
            : {}),
        };
    }
  });
  return {
    messages,
    ...(request.tools !== undefined && request.tools.length > 0
      ? {
          tools: request.tools.map((t) => ({
            type: 'function' as const,
            function: { name: t.name, description: t.description, parameters: toWireSchema(t.parameters) as Record<string, unknown>, ...(t.strict !== undefined ? { strict: t.strict } : {}) },
          })),
        }
      : {}),
    ...(request.toolChoice !== undefined ? { tool_choice: request.toolChoice } : {}),
    ...(request.responseFormat?.mode === 'json_object'
      ? { response_format: { type: 'json_object' as const } }
      : request.responseFormat !== undefined
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: { name: request.responseFormat.name, schema: toWireSchema(request.responseFormat.schema) as Record<string, unknown>, strict: request.responseFormat.strict ?? true },
            },
          }
        : {}),
    ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
  };
}
