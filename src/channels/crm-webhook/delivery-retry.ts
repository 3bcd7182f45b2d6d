import type { HiloError } from '../../kernel/errors.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DeliveryRetryPolicy {
  /** Attempts in one call, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** No wait is longer; a `Retry-After` beyond it ends the call so the caller (outbox) reschedules. */
  maxDelayMs?: number;
}

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
 * Runs `attempt` until it succeeds, answers something not worth retrying, or attempts run out.
 * Exponential backoff with full jitter (half fixed, half random), never shorter than the
 * receiver's `Retry-After`; a `Retry-After` longer than `maxDelayMs` stops here instead of
 * holding a worker, and the thrown error carries it for the outbox.
 */
export async function retryDelivery(ctx: DeliveryRetryContext, attempt: (n: number) => Promise<DeliveryOutcome>): Promise<{ attempts: number; status: number }> {
  const { maxAttempts = 5, baseDelayMs = 500, maxDelayMs = 30_000 } = ctx.policy ?? {};
  const random = ctx.random ?? Math.random;
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome.ok) {
      ctx.onAttempt?.({ attempt: n, ok: true, status: outcome.status, problem: null, retrying: false, delayMs: null });
      return { attempts: n, status: outcome.status };
    }
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    const jittered = Math.round(backoff / 2 + (random() * backoff) / 2);
    const retryAfter = outcome.retryAfterMs ?? 0;
    const retrying = outcome.retry && n < maxAttempts && retryAfter <= maxDelayMs;
    const delayMs = retrying ? Math.max(jittered, retryAfter) : null;
    ctx.onAttempt?.({ attempt: n, ok: false, status: outcome.status, problem: outcome.problem, retrying, delayMs });
    if (!retrying || delayMs === null) throw outcome.error;
    await ctx.sleep(delayMs);
  }
}

/** `Retry-After` in seconds or as an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfterHeader(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
