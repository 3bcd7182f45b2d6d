import { createHmac } from 'node:crypto';
import type { Clock } from '../../kernel/clock.js';
import { HiloError, isHiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { parseRetryAfter, realSleep, retry, type RetryPolicy, type Sleep } from '../../kernel/retry.js';
import { checkWith, type z } from '../../kernel/schema.js';
import { createCircuitBreaker, type BreakerState, type CircuitBreaker } from './circuit-breaker.js';

/** How Hilo proves itself to a business backend. Secrets arrive resolved (from the environment), never from tenant files. */
export type BackendAuth =
  | { type: 'bearer'; token: string }
  /** `X-Hilo-Timestamp: <unix s>` and `X-Hilo-Signature: v1=<hex HMAC-SHA256 of "<t>.<METHOD>.<path?query as sent>.<body>">`. */
  | { type: 'hmac'; secret: string; keyId?: string };

/** What the connector tells the metrics (`src/runtime/observability/connector-metrics.ts`). */
export interface ConnectorObserver {
  /** One HTTP attempt: `outcome` is `ok`, `not_found`, or the error code it ended with. */
  attempt(labels: { tenant: string; backend: string; outcome: string }): void;
  breakerState(labels: { tenant: string; backend: string }, state: BreakerState): void;
}

export interface BackendClientOptions {
  tenantId: string;
  /** A name for this backend (`business`, `payments`), for metrics and logs. */
  backend: string;
  /** `http://127.0.0.1:4100/api`: paths are appended to it. */
  baseUrl: string;
  auth?: BackendAuth;
  /** One attempt's limit (connection, headers and body). */
  timeoutMs?: number;
  /** Attempts for idempotent calls (reads, or writes with an idempotency key). Others get one. */
  retry?: RetryPolicy;
  breaker?: { failureThreshold?: number; openMs?: number };
  clock: Clock;
  logger: Logger;
  observer?: ConnectorObserver;
  sleep?: Sleep;
  random?: () => number;
}

export interface BackendRequest<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/stock`, `/accounts/12345` (already encoded). */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Every 2xx body is checked against it; a mismatch is `HILO_ERR_BACKEND_BAD_RESPONSE`. */
  schema: S;
  /** Sent as `Idempotency-Key`; makes a write safe to retry. */
  idempotencyKey?: string;
  /** A 404 answers `null` (a lookup of something that does not exist) instead of failing. */
  notFoundIsNull?: boolean;
}

export interface BackendClient {
  readonly tenantId: string;
  readonly backend: string;
  request<S extends z.ZodType>(req: BackendRequest<S> & { notFoundIsNull: true }): Promise<z.output<S> | null>;
  request<S extends z.ZodType>(req: BackendRequest<S>): Promise<z.output<S>>;
  readonly breaker: Pick<CircuitBreaker, 'state'>;
}

export const DEFAULT_BACKEND_TIMEOUT_MS = 2_500;
/** Reads are retried quickly: a customer is waiting for the answer. */
export const DEFAULT_BACKEND_RETRY: Required<Pick<RetryPolicy, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>> = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The typed HTTP client of one tenant's business backend: timeouts, bounded retries with full
 * jitter for idempotent calls only (the kernel's retry policy), a circuit breaker per tenant and
 * backend, coded errors and a zod check of every answer. Nothing the backend sends reaches a caller
 * unchecked; nothing secret reaches a log line.
 *
 * @example
 * const client = createBackendClient({ tenantId: 'ferreteria', backend: 'business', baseUrl, auth: { type: 'bearer', token }, clock, logger });
 * const stock = await client.request({ method: 'GET', path: '/stock', query: { sku: 'CEM-001' }, schema: StockAnswer });
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const { tenantId, backend, clock } = options;
  const log = options.logger.child({ component: 'backend-client', tenant: tenantId, backend });
  const timeoutMs = options.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS;
  const base = options.baseUrl.replace(/\/+$/, '');
  const labels = { tenant: tenantId, backend };
  const breaker = createCircuitBreaker({
    clock,
    ...(options.breaker?.failureThreshold !== undefined ? { failureThreshold: options.breaker.failureThreshold } : {}),
    ...(options.breaker?.openMs !== undefined ? { openMs: options.breaker.openMs } : {}),
    onStateChange: (to, from) => {
      options.observer?.breakerState(labels, to);
      (to === 'open' ? log.warn.bind(log) : log.info.bind(log))({ event: 'backend.breaker', from, to }, `backend circuit ${to}`);
    },
  });
  options.observer?.breakerState(labels, 'closed');

  async function attempt<S extends z.ZodType>(req: BackendRequest<S>, url: string, pathAndQuery: string, body: string | undefined) {
    if (!breaker.tryAcquire()) {
      options.observer?.attempt({ ...labels, outcome: 'HILO_ERR_BACKEND_CIRCUIT_OPEN' });
      return { ok: false as const, retry: false, error: new HiloError('HILO_ERR_BACKEND_CIRCUIT_OPEN', undefined, { details: { backend } }) };
    }
    const headers: Record<string, string> = { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    if (options.auth?.type === 'bearer') headers.authorization = `Bearer ${options.auth.token}`;
    if (options.auth?.type === 'hmac') Object.assign(headers, signRequest(options.auth, req.method, pathAndQuery, body ?? '', clock.now()));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const fail = (error: HiloError, retryable: boolean, retryAfterMs?: number) => {
      breaker.failure();
      options.observer?.attempt({ ...labels, outcome: error.code });
      return { ok: false as const, retry: retryable, error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    };
    try {
      const res = await fetch(url, { method: req.method, headers, ...(body !== undefined ? { body } : {}), signal: controller.signal });
      const text = await readBody(res);
      if (res.status === 404 && req.notFoundIsNull) {
        breaker.success();
        options.observer?.attempt({ ...labels, outcome: 'not_found' });
        return { ok: true as const, value: null };
      }
      if (res.status >= 500 || res.status === 429) {
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
        return fail(new HiloError('HILO_ERR_BACKEND_UNAVAILABLE', `The business backend answered ${res.status}.`, { details: { backend, status: res.status } }), true, retryAfterMs);
      }
      if (res.status < 200 || res.status >= 300) {
        // The backend is healthy and said no: not a failure for the breaker, never retried.
        breaker.success();
        options.observer?.attempt({ ...labels, outcome: 'HILO_ERR_BACKEND_REJECTED' });
        return { ok: false as const, retry: false, error: new HiloError('HILO_ERR_BACKEND_REJECTED', `The business backend answered ${res.status}.`, { details: { backend, status: res.status, reason: backendReason(text) } }) };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return fail(new HiloError('HILO_ERR_BACKEND_BAD_RESPONSE', 'The business backend answered with a body that is not JSON.', { details: { backend, problems: [{ path: '$', problem: 'not JSON' }] } }), false);
      }
      const checked = checkWith(req.schema, json);
      if (!checked.ok) return fail(new HiloError('HILO_ERR_BACKEND_BAD_RESPONSE', undefined, { details: { backend, problems: checked.problems.slice(0, 10) } }), false);
      breaker.success();
      options.observer?.attempt({ ...labels, outcome: 'ok' });
      return { ok: true as const, value: checked.value as z.output<S> };
    } catch (err) {
      if (isHiloError(err)) return fail(err, false);
      if (controller.signal.aborted) return fail(new HiloError('HILO_ERR_BACKEND_TIMEOUT', `The business backend did not answer within ${timeoutMs} ms.`, { details: { backend, timeoutMs } }), true);
      return fail(new HiloError('HILO_ERR_BACKEND_UNAVAILABLE', 'The business backend could not be reached.', { cause: err, details: { backend } }), true);
    } finally {
      clearTimeout(timer);
    }
  }

  async function request<S extends z.ZodType>(req: BackendRequest<S>): Promise<z.output<S> | null> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query.append(k, v);
    const qs = query.toString();
    const pathAndQuery = `${req.path}${qs ? `?${qs}` : ''}`;
    const url = `${base}${pathAndQuery}`;
    // The signature covers the path as the backend receives it (the base URL's own path included).
    const wire = new URL(url);
    const signedPath = `${wire.pathname}${wire.search}`;
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const idempotent = req.method === 'GET' || req.method === 'PUT' || req.method === 'DELETE' || req.idempotencyKey !== undefined;
    const policy = idempotent ? { ...DEFAULT_BACKEND_RETRY, ...options.retry } : { maxAttempts: 1 };
    const { value } = await retry(
      {
        policy,
        sleep: options.sleep ?? realSleep,
        ...(options.random ? { random: options.random } : {}),
        onFailure: (failure, { attempt: n, decision }) => {
          const code = isHiloError(failure.error) ? failure.error.code : undefined;
          log.warn({ event: 'backend.attempt_failed', method: req.method, path: req.path, attempt: n, code, retry: decision.retry }, 'business backend call failed');
        },
      },
      () => attempt(req, url, signedPath, body),
    );
    return value;
  }

  return {
    tenantId,
    backend,
    request: request as BackendClient['request'],
    breaker: {
      get state() {
        return breaker.state;
      },
    },
  };
}

/** The headers of an HMAC-signed request (see {@link BackendAuth}). */
export function signRequest(auth: { secret: string; keyId?: string }, method: string, pathAndQuery: string, body: string, nowMs: number): Record<string, string> {
  const t = String(Math.floor(nowMs / 1000));
  const mac = createHmac('sha256', auth.secret).update(`${t}.${method.toUpperCase()}.${pathAndQuery}.${body}`).digest('hex');
  return { 'x-hilo-timestamp': t, 'x-hilo-signature': `v1=${mac}`, ...(auth.keyId ? { 'x-hilo-key-id': auth.keyId } : {}) };
}

async function readBody(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw new HiloError('HILO_ERR_BACKEND_BAD_RESPONSE', 'The business backend answered with a body over 1 MiB.');
  }
  const text = await res.text();
  if (text.length > MAX_BODY_BYTES) throw new HiloError('HILO_ERR_BACKEND_BAD_RESPONSE', 'The business backend answered with a body over 1 MiB.');
  return text;
}

/** The backend's own error code from `{"error":{"code":"slot_taken"}}`, when it sends one (a short token only: nothing personal). */
function backendReason(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[a-z0-9_.-]{1,60}$/i.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}
