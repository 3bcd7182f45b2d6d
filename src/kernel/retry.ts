/**
 * The one retry policy of Hilo: attempts, exponential backoff with full jitter, a cap, and one
 * meaning for a provider's `Retry-After`.
 *
 * The rule, everywhere (channel senders, CRM and handoff webhooks, the LLM client, the outbox):
 *
 * - after failed attempt `n` (1-based) the wait is uniform in `[0, min(maxDelayMs, baseDelayMs·2^(n-1)))`
 *   ("full jitter": retries of many callers spread out instead of arriving together);
 * - a `Retry-After` is **honoured up to a cap**: the wait is never shorter than it; when it is longer
 *   than `maxRetryAfterMs` (by default `maxDelayMs`) the caller does not wait at all — it stops
 *   retrying in process and lets the error (which should carry `retryAfterMs` in its details) go up,
 *   so whoever owns durable time (the outbox) reschedules instead of holding a worker. Waiting *less*
 *   than the provider asked would only earn another 429;
 * - `maxAttempts` counts every attempt, the first included; a failure marked not retryable ends at once.
 *
 * Time is injected: `sleep` and `random` (and a `now` for HTTP dates), so tests drive it.
 */

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface RetryPolicy {
  /** Attempts in one call, the first included. */
  maxAttempts?: number;
  /** The backoff ceiling after the first failure; doubles with each further one. */
  baseDelayMs?: number;
  /** No backoff is longer. */
  maxDelayMs?: number;
  /** The longest `Retry-After` still waited for in process; longer ones stop the retries. Defaults to `maxDelayMs`. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY_POLICY = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** Fills a partial policy with `defaults` (themselves filled with {@link DEFAULT_RETRY_POLICY}). */
export function resolveRetryPolicy(policy: RetryPolicy | undefined, defaults: RetryPolicy = {}): ResolvedRetryPolicy {
  const maxAttempts = policy?.maxAttempts ?? defaults.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts;
  const baseDelayMs = policy?.baseDelayMs ?? defaults.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs;
  const maxDelayMs = policy?.maxDelayMs ?? defaults.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  const maxRetryAfterMs = policy?.maxRetryAfterMs ?? defaults.maxRetryAfterMs ?? maxDelayMs;
  return { maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs };
}

/** The backoff ceiling after `failures` failures (no jitter): `min(maxDelayMs, baseDelayMs·2^(failures-1))`. */
export function backoffCeiling(failures: number, policy: Pick<ResolvedRetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
}

/** Full jitter: a whole number of ms, uniform in `[0, backoffCeiling(failures))`. */
export function backoffDelay(failures: number, policy: Pick<ResolvedRetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeiling(failures, policy));
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | {
      retry: false;
      /** `final`: the failure is not retryable; `attempts`: none left; `retry-after`: the provider asked for a longer wait than the cap. */
      reason: 'final' | 'attempts' | 'retry-after';
    };

/**
 * The one rule, as a pure function: after failed attempt `attempt`, retry (and after how long) or stop.
 *
 * @example
 * const d = decideRetry({ attempt: 2, retryable: true, retryAfterMs: 5_000, policy: resolveRetryPolicy({ maxDelayMs: 10_000 }) });
 * // → { retry: true, delayMs: ≥ 5000 }
 */
export function decideRetry(input: { attempt: number; retryable: boolean; retryAfterMs?: number | undefined; policy: ResolvedRetryPolicy; random?: () => number }): RetryDecision {
  const { attempt, retryable, retryAfterMs, policy } = input;
  if (!retryable) return { retry: false, reason: 'final' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts' };
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after' };
  return { retry: true, delayMs: Math.max(backoffDelay(attempt, policy, input.random), retryAfterMs ?? 0) };
}

/** One attempt's outcome, classified by the adapter that understands the provider's answers. */
export type RetryOutcome<T, F extends object = object> =
  | { ok: true; value: T }
  | (F & {
      ok: false;
      /** Worth another attempt (429, 5xx, network)? */
      retry: boolean;
      /** The provider's `Retry-After`, in ms, when it sent one. */
      retryAfterMs?: number;
      /** Thrown when no attempt follows. */
      error: unknown;
    });

export type RetryFailure<F extends object> = Extract<RetryOutcome<never, F>, { ok: false }>;

export interface RetryOptions<F extends object> {
  policy?: RetryPolicy;
  sleep?: Sleep;
  random?: () => number;
  /** Called on every failed attempt, retried or not, before the wait (or the throw). */
  onFailure?: (failure: RetryFailure<F>, info: { attempt: number; decision: RetryDecision }) => void;
}

/**
 * Runs `attempt` until it succeeds, a failure is not retryable, attempts run out, or a
 * `Retry-After` is beyond the cap; then throws the last failure's `error`.
 *
 * @example
 * const { value } = await retry({ policy: { maxAttempts: 3 }, sleep }, async () => {
 *   const res = await fetch(url);
 *   if (res.ok) return { ok: true, value: await res.json() };
 *   return { ok: false, retry: res.status >= 500, retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), clock.now()), error: new HiloError(...) };
 * });
 */
export async function retry<T, F extends object = object>(options: RetryOptions<F>, attempt: (n: number) => Promise<RetryOutcome<T, F>>): Promise<{ value: T; attempts: number }> {
  const policy = resolveRetryPolicy(options.policy);
  const sleep = options.sleep ?? realSleep;
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome.ok) return { value: outcome.value, attempts: n };
    const failure = outcome as RetryFailure<F>;
    const decision = decideRetry({ attempt: n, retryable: failure.retry, retryAfterMs: failure.retryAfterMs, policy, ...(options.random ? { random: options.random } : {}) });
    options.onFailure?.(failure, { attempt: n, decision });
    if (!decision.retry) throw failure.error;
    await sleep(decision.delayMs);
  }
}

const SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * `Retry-After` as ms: delay-seconds (`120`, also `1.5`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, measured from `now`, never negative); `undefined` when absent
 * or unreadable (a negative number, junk).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (SECONDS.test(v)) return Math.round(Number(v) * 1000);
  // Every HTTP-date form (IMF-fixdate, RFC 850, asctime) names a month and a time of day;
  // anything else (`-5`, `soon`, `abc 99`) is unreadable, not a date for Date.parse to guess at.
  if (!/[a-z]{3}/i.test(v) || !/\d{2}:\d{2}:\d{2}/.test(v)) return undefined;
  const date = Date.parse(v);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * The `retryAfterMs` an adapter put in a failed call's error details (`HiloError.details`), for
 * whoever reschedules it (the outbox); `undefined` when there is none.
 */
export function retryAfterOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const details = (err as { details?: unknown }).details;
  if (typeof details !== 'object' || details === null) return undefined;
  const ms = (details as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
