/**
 * The Hilo gateway: the demo page, the widget bundle, `/health`, the tenant REST API and the
 * widget WebSocket, on uWebSockets.js (or the `node:http` + `ws` fallback). It knows the actor
 * runtime only through `ConversationService`.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { ConversationService, ConversationStateView, ConversationView, TurnResult } from '../../actors/conversation-service.js';
import { MAX_FRAME_BYTES, type WireIntro, type WireLang } from '../../channels/widget/protocol.js';
import { ERROR_CODES, HiloError, isHiloError } from '../../kernel/errors.js';
import type { ConversationDirectory } from '../../persistence/ports/conversation-directory.js';
import type { IdempotencyRecords } from '../../persistence/ports/idempotency-records.js';
import type { TranscriptEntry } from '../../persistence/ports/transcript-store.js';
import type { ApiKeyRegistry } from '../api-keys.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import { createRateLimiter } from '../rate-limiter.js';
import { observedLimiter, observeHttp, type GatewayObserver } from './gateway-observer.js';
import { bearerKey } from './bearer.js';
import { createRouter, type Route, type RouteContext } from './router.js';
import { errorResponse } from './transport-shared.js';
import { createTransport } from './select-transport.js';
import type { HttpRequest, HttpResponse, TransportKind, WsRoute } from './transport.js';
import { AGENT_MESSAGE_BODY, CONVERSATION_LIST_QUERY, MESSAGE_BODY, PARSE_BODY, RESOLVE_BODY, validateBody, validateQuery } from './validate.js';
import { createWidgetSocketHandler, withTimeout } from './widget-socket.js';
import { parseJsonBody } from './json-body.js';
import { acceptsGzip, etagMatches } from './http-caching.js';
import { createResumeTokens } from './resume-token.js';
import { resolveAnswer } from './resolve-answer.js';
import { createIdempotencyKeys, idempotent } from './idempotency-keys.js';
import { normalizeInboundFields } from '../../channels/normalize-text.js';
import { API_AGENT_LINE_PREFIX } from '../../actors/console/index.js';

export interface GatewayOptions {
  port: number;
  /** Default `0.0.0.0`. */
  host?: string;
  /** Default `auto`: uWebSockets.js when its binary loads, else `node:http` + `ws`. */
  transport?: TransportKind;
  service: ConversationService;
  apiKeys: ApiKeyRegistry;
  logger: Logger;
  clock: Clock;
  /** Read once at start and served from memory. */
  assets: { widgetJsPath: string; demoHtmlPath: string };
  limits?: {
    /** Default 64 KiB. */
    maxBodyBytes?: number;
    /** Default `MAX_FRAME_BYTES`. */
    maxFrameBytes?: number;
    /** Default 15 s. */
    turnTimeoutMs?: number;
    /** Open widget sockets per client IP; default `GATEWAY_DEFAULTS.wsMaxSocketsPerIp`, 0: no cap. */
    wsMaxSocketsPerIp?: number;
    /** A widget socket without `hello` by then is closed (4402); default `GATEWAY_DEFAULTS.wsHelloTimeoutMs`, 0: never. */
    wsHelloTimeoutMs?: number;
  };
  rateLimits?: { perIpPerMinute?: number; perContactPerMinute?: number };
  /** Lists a tenant's conversations for `GET /api/tenants/{t}/conversations`; absent: that route answers 404. */
  conversations?: ConversationDirectory;
  /** More routes (e.g. `/metrics`), matched after the built-in ones. */
  extraRoutes?: Route[];
  /** More WebSocket paths (e.g. the agent console's `/console/ws`), served beside the widget's `/ws`. */
  extraSockets?: WsRoute[];
  /** Merged into the `/health` answer; given the query (`?detail=1`: the cluster's full shard list). */
  health?: (query: URLSearchParams) => Record<string, unknown>;
  /** The last open widget of a conversation disconnected. */
  onWidgetDisconnect?: (tenantId: string, conversationId: string) => void;
  /** A tenant's widget greeting and suggestion chips (its `widget.json`). */
  widgetIntro?: (tenantId: string) => Record<WireLang, WireIntro> | undefined;
  /** Signs widget resume tokens (≥ 32 bytes; see `resume-token.ts`). Default: random per gateway. */
  secret?: Buffer;
  /**
   * Operator token: when set, `/metrics` and `/metrics.json` need `Authorization: Bearer <token>`,
   * and it shows `/health`'s details. Null/undefined: metrics are open.
   */
  metricsToken?: string | null;
  /** One trusted reverse proxy in front: the client address comes from `X-Forwarded-For`. Default false. */
  trustProxy?: boolean;
  /** Told of every HTTP answer and every rate-limit refusal (the runtime's metrics). */
  observer?: GatewayObserver;
  /** Where `Idempotency-Key` answers are kept (Redis in a durable deployment); default this process's memory. */
  idempotencyRecords?: IdempotencyRecords;
}

export interface Gateway {
  readonly port: number;
  readonly transport: 'uws' | 'node';
  close(): Promise<void>;
}

export const GATEWAY_DEFAULTS = {
  maxBodyBytes: 64 * 1024,
  turnTimeoutMs: 15_000,
  perIpPerMinute: 300,
  perContactPerMinute: 30,
  wsPath: '/ws',
  wsIdleTimeoutSeconds: 120,
  /** Above the 1 MiB slow-consumer threshold, so the widget handler decides (4408) before uWS drops. */
  wsMaxBackpressureBytes: 2 * 1024 * 1024,
  wsMaxSocketsPerIp: 256,
  wsHelloTimeoutMs: 10_000,
} as const;

const JSON_TYPE = 'application/json; charset=utf-8';

/** 429 with the seconds to wait. */
class RateLimitedError extends HiloError {
  constructor(readonly retryAfterSeconds: number) {
    super('HILO_ERR_RATE_LIMITED');
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function toErrorResponse(err: unknown, log: Logger): HttpResponse {
  if (err instanceof RateLimitedError) return errorResponse(err, { 'retry-after': String(err.retryAfterSeconds) });
  if (isHiloError(err) && err.code in ERROR_CODES) {
    const error = err instanceof HiloError ? err : new HiloError((err as { code: HiloError["code"] }).code);
    if (error.status >= 500) log.warn({ code: error.code }, 'request failed');
    return errorResponse(error);
  }
  // Unknown failures: log the message for operators, answer without any detail.
  log.error({ err }, 'unexpected error');
  return errorResponse(new HiloError('HILO_ERR_INTERNAL'));
}

function stateView(state: ConversationStateView): { value: string; tags: string[]; context: Record<string, unknown> } {
  return { value: state.value, tags: state.tags, context: state.context };
}

/** Longest request target (path and query) a route is handed; a request head up to 64 KiB reaches Hilo on both transports. */
export const MAX_URL_CHARS = 8 * 1024;

function turnBody(result: TurnResult): unknown {
  return {
    conversation_id: result.conversationId,
    duplicate: result.duplicate,
    messages: result.replies.map((entry) => ({
      seq: entry.seq,
      id: entry.messageId,
      author: entry.author,
      text: entry.text,
      at: entry.at,
      // The choices offered with the reply: a client shows them and sends the chosen `text`.
      ...(entry.options !== undefined ? { options: entry.options } : {}),
    })),
    state: stateView(result.state),
  };
}

function transcriptLine(entry: TranscriptEntry): unknown {
  return {
    seq: entry.seq,
    id: entry.messageId,
    direction: entry.direction,
    author: entry.author,
    channel: entry.channel,
    text: entry.text,
    at: entry.at,
    ...(entry.intent !== undefined ? { intent: entry.intent } : {}),
    ...(entry.agentName !== undefined ? { agent_name: entry.agentName } : {}),
    ...(entry.options !== undefined ? { options: entry.options } : {}),
    // Provider references to what the customer sent (photo, voice note, document...): never the bytes.
    ...(entry.media !== undefined && entry.media.length > 0 ? { media: entry.media } : {}),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** 401 without a bearer token, 403 with a wrong one. */
function requireToken(req: HttpRequest, token: string): void {
  const given = bearerKey(req.headers.authorization);
  if (given === null) throw new HiloError('HILO_ERR_AUTH_MISSING');
  if (!sameSecret(given, token)) throw new HiloError('HILO_ERR_AUTH_INVALID');
}

/**
 * Starts the gateway and resolves once it listens.
 *
 * @example
 * const gateway = await startGateway({ port: 8080, service, apiKeys, logger, clock: systemClock,
 *   assets: { widgetJsPath: 'dist/widget/widget.js', demoHtmlPath: 'web-widget/demo/index.html' } });
 * // ...
 * await gateway.close();
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { service, apiKeys, clock } = options;
  const log = options.logger.child({ component: 'gateway' });
  const maxBodyBytes = options.limits?.maxBodyBytes ?? GATEWAY_DEFAULTS.maxBodyBytes;
  const maxFrameBytes = options.limits?.maxFrameBytes ?? MAX_FRAME_BYTES;
  const turnTimeoutMs = options.limits?.turnTimeoutMs ?? GATEWAY_DEFAULTS.turnTimeoutMs;
  const perIp = options.rateLimits?.perIpPerMinute ?? GATEWAY_DEFAULTS.perIpPerMinute;
  const perContact = options.rateLimits?.perContactPerMinute ?? GATEWAY_DEFAULTS.perContactPerMinute;
  const ipLimiter = observedLimiter(createRateLimiter({ capacity: perIp, refillPerMinute: perIp, clock }), 'ip', options.observer);
  const contactLimiter = observedLimiter(createRateLimiter({ capacity: perContact, refillPerMinute: perContact, clock }), 'contact', options.observer);
  const metricsToken = options.metricsToken ?? null;
  const idempotency = createIdempotencyKeys({ clock, logger: log, ...(options.idempotencyRecords ? { records: options.idempotencyRecords } : {}) });

  // ---------------------------------------------------------------- static assets, read once
  let widgetJs: Buffer;
  try {
    widgetJs = await readFile(options.assets.widgetJsPath);
  } catch (err) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `Widget bundle not readable at ${options.assets.widgetJsPath}.`, { cause: err });
  }
  const widgetGzip = gzipSync(widgetJs, { level: 9 });
  const widgetEtag = `"${createHash('sha256').update(widgetJs).digest('base64url').slice(0, 27)}"`;
  let demoHtml: Buffer | null = null;
  try {
    demoHtml = await readFile(options.assets.demoHtmlPath);
  } catch {
    log.warn({ path: options.assets.demoHtmlPath }, 'demo page not readable; GET / answers 404');
  }

  // ---------------------------------------------------------------- the /api guard
  const takeOrThrow = (limiter: typeof ipLimiter, key: string): void => {
    const decision = limiter.take(key);
    if (!decision.allowed) throw new RateLimitedError(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  };

  type ApiHandler = (req: HttpRequest, ctx: RouteContext, tenantId: string, body: unknown) => Promise<HttpResponse>;
  const api =
    (handler: ApiHandler): Route['handler'] =>
    async (req, ctx) => {
      const key = bearerKey(req.headers.authorization);
      if (key === null) throw new HiloError('HILO_ERR_AUTH_MISSING');
      // API keys are visible ASCII; any other byte is refused, not compared (docs/rest-api.md, "Header values").
      if (!/^[\x21-\x7e]+$/.test(key)) throw new HiloError('HILO_ERR_HTTP_VALIDATION', undefined, { details: [{ path: 'header Authorization', problem: 'the API key must be visible ASCII' }] });
      const tenantId = ctx.params.tenant ?? '';
      if (!service.hasTenant(tenantId)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
      if (!apiKeys.verify(tenantId, key)) throw new HiloError('HILO_ERR_AUTH_INVALID');
      let body: unknown;
      if (req.method === 'POST') {
        const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (mediaType !== 'application/json') throw new HiloError('HILO_ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
        body = parseJsonBody(req.body);
      }
      return handler(req, ctx, tenantId, body);
    };

  const conversationExists = async (tenantId: string, conversationId: string): Promise<ConversationView> => {
    const view = await service.getConversation(tenantId, conversationId);
    if (view === null) throw new HiloError('HILO_ERR_CONVERSATION_NOT_FOUND');
    return view;
  };

  // ---------------------------------------------------------------- routes
  let transportKind: 'uws' | 'node' = 'node';
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/',
      handler: async () => {
        if (demoHtml === null) throw new HiloError('HILO_ERR_HTTP_NOT_FOUND');
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: demoHtml };
      },
    },
    {
      // The same greeting and chips as `welcome.intro`, for pages that want them before a socket opens.
      method: 'GET',
      path: '/widget-config',
      handler: async (req) => {
        const tenant = req.query.get('tenant') ?? '';
        if (!service.hasTenant(tenant)) throw new HiloError('HILO_ERR_TENANT_NOT_FOUND');
        const intro = options.widgetIntro?.(tenant);
        return json(200, { tenant, ...(intro !== undefined ? { intro } : {}) }, { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
      },
    },
    {
      method: 'GET',
      path: '/widget.js',
      handler: async (req) => {
        const headers: Record<string, string> = {
          etag: widgetEtag,
          'cache-control': 'public, max-age=300',
          vary: 'Accept-Encoding',
        };
        if (etagMatches(req.headers['if-none-match'], widgetEtag)) return { status: 304, headers, body: '' };
        headers['content-type'] = 'application/javascript; charset=utf-8';
        if (acceptsGzip(req.headers['accept-encoding'])) {
          return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: widgetGzip };
        }
        return { status: 200, headers, body: widgetJs };
      },
    },
    {
      method: 'GET',
      path: '/health',
      handler: async (req) => {
        // Probes get the status; only an authenticated caller learns which tenants this server runs.
        const base = { status: 'ok', transport: transportKind };
        const key = bearerKey(req.headers.authorization);
        if (key === null) return json(200, base);
        const details = options.health?.(req.query) ?? {};
        if (metricsToken && sameSecret(key, metricsToken)) return json(200, { ...base, ...details });
        const tenants = (Array.isArray(details.tenants) ? (details.tenants as unknown[]) : []).filter((t): t is string => typeof t === 'string' && apiKeys.verify(t, key));
        if (tenants.length === 0) return json(200, base);
        return json(200, { ...base, ...details, tenants });
      },
    },
    {
      method: 'POST',
      path: '/api/tenants/:tenant/messages',
      handler: api(async (req, ctx, tenantId, raw) => {
        const body = validateBody(normalizeInboundFields(raw, ['text']), MESSAGE_BODY);
        const request = { tenantId, apiKey: bearerKey(req.headers.authorization) ?? '', route: 'messages', fields: [body.sender, body.text, body.message_id ?? null] };
        return idempotent(idempotency, req.headers, request, async (keyedMessageId) => {
          takeOrThrow(contactLimiter, `${tenantId}:rest:${body.sender}`);
          const messageId = body.message_id ?? keyedMessageId;
          const result = await withTimeout(
            service.handleMessage({
              tenantId,
              channel: 'rest',
              senderId: body.sender,
              text: body.text,
              // No clientIp: REST calls come from the integrator's server, one address for all its
              // customers; per-IP identity limits would let one of them lock the others out.
              ...(messageId !== undefined ? { messageId } : {}),
            }),
            turnTimeoutMs,
          );
          ctx.log.info({ tenant: tenantId, conversationId: result.conversationId, duplicate: result.duplicate, replies: result.replies.length }, 'turn');
          // The kept answer holds the replies: filed under the conversation, so its erasure drops it.
          return { ...json(200, turnBody(result)), conversation: { tenantId, conversationId: result.conversationId } };
        });
      }),
    },
    {
      method: 'POST',
      path: '/api/tenants/:tenant/nlu/parse',
      handler: api(async (_req, _ctx, tenantId, raw) => {
        const body = validateBody(normalizeInboundFields(raw, ['text']), PARSE_BODY);
        return json(200, service.parse(tenantId, body.text));
      }),
    },
    {
      method: 'GET',
      path: '/api/tenants/:tenant/conversations',
      handler: api(async (req, _ctx, tenantId) => {
        const directory = options.conversations;
        if (!directory) throw new HiloError('HILO_ERR_HTTP_NOT_FOUND');
        const { state, limit, cursor } = validateQuery(req.query, CONVERSATION_LIST_QUERY);
        const page = await directory.list(tenantId, {
          ...(state !== undefined ? { phase: state } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        });
        return json(200, {
          conversations: page.items.map((i) => ({
            conversation_id: i.conversationId,
            state: i.phase,
            started_at: i.startedAt,
            last_activity_at: i.lastActivityAt,
            messages: i.messages,
          })),
          next: page.next,
        });
      }),
    },
    {
      method: 'GET',
      path: '/api/tenants/:tenant/conversations/:id',
      handler: api(async (_req, ctx, tenantId) => {
        const view = await service.getConversation(tenantId, ctx.params.id ?? '');
        if (view === null) throw new HiloError('HILO_ERR_CONVERSATION_NOT_FOUND');
        return json(200, {
          tenant: view.tenantId,
          conversation_id: view.conversationId,
          state: view.state ? stateView(view.state) : null,
          transcript: view.transcript.map(transcriptLine),
        });
      }),
    },
    {
      method: 'POST',
      path: '/api/tenants/:tenant/conversations/:id/agent-messages',
      handler: api(async (_req, ctx, tenantId, raw) => {
        const body = validateBody(normalizeInboundFields(raw, ['agent', 'text']), AGENT_MESSAGE_BODY);
        const conversationId = ctx.params.id ?? '';
        await conversationExists(tenantId, conversationId);
        // The line's id says where it came from (`api:`, as Rocket.Chat's say `rocketchat:`): it travels
        // with the turn to whichever member runs it, so the console labels its author "María (API)".
        const result = await withTimeout(service.handleAgentMessage(tenantId, conversationId, body.agent, body.text, `${API_AGENT_LINE_PREFIX}${randomUUID()}`), turnTimeoutMs);
        // Outside a handoff the machine drops an agent line: say so instead of a 200 that lost it.
        if (!result.replies.some((r) => r.author === 'agent')) throw new HiloError('HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', undefined, { details: { state: result.state.value } });
        return json(200, turnBody(result));
      }),
    },
    {
      method: 'POST',
      path: '/api/tenants/:tenant/conversations/:id/resolve',
      handler: api(async (_req, ctx, tenantId, raw) => {
        const body = validateBody(normalizeInboundFields(raw, ['agent', 'outcome']), RESOLVE_BODY);
        const conversationId = ctx.params.id ?? '';
        const before = await conversationExists(tenantId, conversationId);
        const result = await withTimeout(service.resolveHandoff(tenantId, conversationId, body.agent, body.outcome), turnTimeoutMs);
        return json(200, resolveAnswer(before, result, body, turnBody(result) as Record<string, unknown>));
      }),
    },
    ...(options.extraRoutes ?? []),
  ];
  const route = createRouter(routes);

  const http = observeHttp(route, options.observer, async (req: HttpRequest): Promise<HttpResponse> => {
    const requestId = randomUUID();
    // Ids and sizes only: bodies, texts and keys never reach the log.
    const reqLog = log.child({ reqId: requestId });
    const started = clock.now();
    let response: HttpResponse;
    try {
      // Every API route pays the per-IP limit, the built-in ones and the extra ones (governance) alike.
      if (req.path.startsWith('/api/')) takeOrThrow(ipLimiter, `ip:${req.ip}`);
      // No route reads a query anywhere near this long: a clear refusal, not a route working on a truncated or giant query.
      if ((req.target ?? req.path).length > MAX_URL_CHARS) throw new HiloError('HILO_ERR_HTTP_URI_TOO_LONG');
      if (metricsToken && (req.path === '/metrics' || req.path === '/metrics.json')) requireToken(req, metricsToken);
      const match = route(req.method, req.path);
      if (match.kind === 'not_found') throw new HiloError('HILO_ERR_HTTP_NOT_FOUND');
      if (match.kind === 'bad_path') throw new HiloError('HILO_ERR_HTTP_PATH_INVALID');
      if (match.kind === 'method_not_allowed') {
        response = errorResponse(new HiloError('HILO_ERR_HTTP_METHOD_NOT_ALLOWED'), { allow: match.allow.join(', ') });
      } else {
        response = await match.route.handler(req, { params: match.params, log: reqLog, requestId });
      }
    } catch (err) {
      response = toErrorResponse(err, reqLog);
    }
    response.headers['x-request-id'] = requestId;
    const fields = { method: req.method, path: req.path, status: response.status, ms: clock.now() - started, bytesIn: req.body.byteLength };
    if (response.status >= 500) reqLog.warn(fields, 'request');
    else reqLog.debug(fields, 'request');
    return response;
  });

  const widget = createWidgetSocketHandler({
    service,
    logger: options.logger,
    rateLimiter: contactLimiter,
    turnTimeoutMs,
    resumeTokens: createResumeTokens(options.secret ?? randomBytes(32)),
    // Opening a widget thread costs a contact row: the API's per-IP budget applies to hello too.
    helloLimiter: ipLimiter,
    maxSocketsPerIp: options.limits?.wsMaxSocketsPerIp ?? GATEWAY_DEFAULTS.wsMaxSocketsPerIp,
    helloTimeoutMs: options.limits?.wsHelloTimeoutMs ?? GATEWAY_DEFAULTS.wsHelloTimeoutMs,
    ...(options.onWidgetDisconnect !== undefined ? { onDisconnect: options.onWidgetDisconnect } : {}),
    ...(options.widgetIntro !== undefined ? { intro: options.widgetIntro } : {}),
  });
  const transport = await createTransport(options.transport ?? 'auto', options.logger);
  transportKind = transport.kind;
  const port = await transport.listen({
    host: options.host ?? '0.0.0.0',
    port: options.port,
    http,
    maxBodyBytes,
    bodyLimitFor: (method, path) => {
      const found = route(method, path);
      return found.kind === 'found' && found.route.maxBodyBytes !== undefined ? found.route.maxBodyBytes : maxBodyBytes;
    },
    tooLargeCodeFor: (method, path) => {
      const found = route(method, path);
      return found.kind === 'found' ? found.route.tooLargeCode : undefined;
    },
    trustProxy: options.trustProxy === true,
    ws: [
      { path: GATEWAY_DEFAULTS.wsPath, handler: widget, maxPayloadBytes: maxFrameBytes, idleTimeoutSeconds: GATEWAY_DEFAULTS.wsIdleTimeoutSeconds, maxBackpressureBytes: GATEWAY_DEFAULTS.wsMaxBackpressureBytes },
      ...(options.extraSockets ?? []),
    ],
  });
  log.info({ port, transport: transport.kind }, 'gateway listening');

  let closing: Promise<void> | null = null;
  return {
    port,
    transport: transport.kind,
    close() {
      closing ??= transport.close().then(() => log.info({ port }, 'gateway closed'));
      return closing;
    },
  };
}
