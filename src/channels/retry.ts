import { HiloError } from '../kernel/errors.js';
import type { Clock } from '../kernel/clock.js';
import { retry, type RetryPolicy, type Sleep } from '../kernel/retry.js';
import type { ChannelName, ProviderErrorRecord } from './channel.js';
import { errorMessage } from '../kernel/describe-error.js';

export { parseRetryAfter, realSleep, type RetryPolicy, type Sleep } from '../kernel/retry.js';

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
 * A channel send under the kernel's retry policy (`src/kernel/retry.ts`: full-jitter backoff, a
 * `Retry-After` honoured up to the cap, a longer one ends the call for the outbox to reschedule).
 * Every provider error is reported to `onProviderError`, retried or not.
 */
export function withRetry<T>(ctx: RetryContext, attempt: (n: number) => Promise<AttemptOutcome<T>>): Promise<{ value: T; attempts: number }> {
  return retry<T, Extract<AttemptOutcome<T>, { ok: false }>>(
    {
      ...(ctx.policy ? { policy: ctx.policy } : {}),
      sleep: ctx.sleep,
      ...(ctx.random ? { random: ctx.random } : {}),
      onFailure: (outcome, { attempt: n, decision }) =>
        ctx.onProviderError?.({
          channel: ctx.channel,
          attempt: n,
          httpStatus: outcome.httpStatus,
          providerCode: outcome.providerCode,
          message: outcome.message,
          retrying: decision.retry,
          at: ctx.clock.now(),
        }),
    },
    attempt,
  );
}

/** Classifies a failed fetch (connection refused, reset, timeout) as a retryable outcome. */
export function networkFailure<T>(err: unknown): AttemptOutcome<T> {
  const message = errorMessage(err);
  return {
    ok: false,
    retry: true,
    httpStatus: null,
    providerCode: null,
    message,
    error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED', undefined, { cause: err, details: { httpStatus: null } }),
  };
}
