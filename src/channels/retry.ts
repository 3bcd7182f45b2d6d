import { HiloError } from '../kernel/errors.js';
import type { Clock } from '../kernel/clock.js';
import type { ChannelName, ProviderErrorRecord } from './channel.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryPolicy {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** The outcome of one provider call, classified by the adapter that understands the provider's errors. */
export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** Retry this (rate limit, 5xx, network)? */
      retry: boolean;
      retryAfterMs?: number;
      httpStatus: number | null;
      providerCode: string | null;
      message: string;
      /** The error to throw when no retry is left (or `retry` is false). */
      error: HiloError;
    };

export interface RetryContext {
  channel: ChannelName;
  clock: Clock;
  sleep: Sleep;
  policy?: RetryPolicy;
  random?: () => number;
  onProviderError?: (record: ProviderErrorRecord) => void;
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error comes back, or attempts run out.
 * Exponential backoff with full jitter, never shorter than the provider's retry-after.
 * Every provider error is reported to `onProviderError`, retried or not.
 */
export async function withRetry<T>(ctx: RetryContext, attempt: (n: number) => Promise<AttemptOutcome<T>>): Promise<{ value: T; attempts: number }> {
  const { maxAttempts = 4, baseDelayMs = 500, maxDelayMs = 30_000 } = ctx.policy ?? {};
  const random = ctx.random ?? Math.random;
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome.ok) return { value: outcome.value, attempts: n };
    const retrying = outcome.retry && n < maxAttempts;
    ctx.onProviderError?.({
      channel: ctx.channel,
      attempt: n,
      httpStatus: outcome.httpStatus,
      providerCode: outcome.providerCode,
      message: outcome.message,
      retrying,
      at: ctx.clock.now(),
    });
    if (!retrying) throw outcome.error;
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    const jittered = Math.round(backoff / 2 + (random() * backoff) / 2);
    await ctx.sleep(Math.max(jittered, Math.min(maxDelayMs, outcome.retryAfterMs ?? 0)));
  }
}

/** Classifies a failed fetch (connection refused, reset, timeout) as a retryable outcome. */
export function networkFailure<T>(err: unknown): AttemptOutcome<T> {
  const message = err instanceof Error ? err.message : String(err);
  return {
    ok: false,
    retry: true,
    httpStatus: null,
    providerCode: null,
    message,
    error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED', undefined, { cause: err, details: { httpStatus: null } }),
  };
}

/** Seconds (`Retry-After: 5`) or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
