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

// Webhook deliveries (CRM, Rocket.Chat, Slack): the same policy, one record per attempt.

/** The kernel's policy, five attempts by default (a lead or a handoff notice is worth more patience). */
export type DeliveryRetryPolicy = RetryPolicy;

/** One HTTP attempt, classified by the adapter that knows the receiver's answers. */
export type DeliveryOutcome =
  | { ok: true; status: number }
  | {
      ok: false;
      /** Worth another attempt (5xx, 429, network)? */
      retry: boolean;
      status: number | null;
      retryAfterMs?: number;
      /** The receiver's own error string (`invalid_payload`, `no_service`...) or a network message. */
      problem: string;
      /** Thrown when no attempt is left or `retry` is false. */
      error: HiloError;
    };

export interface DeliveryAttemptRecord {
  attempt: number;
  ok: boolean;
  status: number | null;
  problem: string | null;
  retrying: boolean;
  /** The wait before the next attempt, when one follows. */
  delayMs: number | null;
}

export interface DeliveryRetryContext {
  policy?: DeliveryRetryPolicy;
  sleep: Sleep;
  random?: () => number;
  onAttempt?: (record: DeliveryAttemptRecord) => void;
}

/**
 * A webhook delivery under the kernel's retry policy (`src/kernel/retry.ts`): full-jitter backoff,
 * never shorter than the receiver's `Retry-After`; a `Retry-After` longer than the cap stops here
 * instead of holding a worker, and the thrown error carries it for the outbox. Every attempt,
 * the successful one included, is reported to `onAttempt`.
 */
export async function retryDelivery(ctx: DeliveryRetryContext, attempt: (n: number) => Promise<DeliveryOutcome>): Promise<{ attempts: number; status: number }> {
  const { value: status, attempts } = await retry<number, Extract<DeliveryOutcome, { ok: false }>>(
    {
      policy: { maxAttempts: 5, ...ctx.policy },
      sleep: ctx.sleep,
      ...(ctx.random ? { random: ctx.random } : {}),
      onFailure: (outcome, { attempt: n, decision }) =>
        ctx.onAttempt?.({ attempt: n, ok: false, status: outcome.status, problem: outcome.problem, retrying: decision.retry, delayMs: decision.retry ? decision.delayMs : null }),
    },
    async (n) => {
      const outcome = await attempt(n);
      if (!outcome.ok) return outcome;
      ctx.onAttempt?.({ attempt: n, ok: true, status: outcome.status, problem: null, retrying: false, delayMs: null });
      return { ok: true, value: outcome.status };
    },
  );
  return { attempts, status };
}
