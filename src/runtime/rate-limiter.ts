/**
 * Token buckets keyed by string (an IP, a tenant + contact). Time comes from the injected clock.
 * Memory is bounded: buckets that have refilled completely carry no information and are evicted,
 * and past `maxBuckets` the least recently used bucket goes first.
 */
import type { Clock } from '../kernel/clock.js';

export interface RateLimitDecision {
  allowed: boolean;
  /** Tokens left after this call. */
  remaining: number;
  /** When not allowed: milliseconds until one token is available (0 when allowed). */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Takes `cost` tokens from the bucket of `key` if it has them. */
  take(key: string, cost?: number): RateLimitDecision;
  /** Number of buckets held in memory. */
  readonly size: number;
}

export interface RateLimiterOptions {
  /** Burst size: tokens in a full bucket. */
  capacity: number;
  /** Tokens added per minute (continuous refill). */
  refillPerMinute: number;
  clock: Clock;
  /** Hard cap on buckets kept in memory. */
  maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * @example
 * const perIp = createRateLimiter({ capacity: 60, refillPerMinute: 60, clock });
 * if (!perIp.take(req.ip).allowed) return tooManyRequests();
 */
export function createRateLimiter({ capacity, refillPerMinute, clock, maxBuckets = 100_000 }: RateLimiterOptions): RateLimiter {
  if (!(capacity > 0) || !(refillPerMinute > 0)) throw new RangeError('capacity and refillPerMinute must be positive');
  const perMs = refillPerMinute / 60_000;
  const fullAfterMs = capacity / perMs;
  // Map iteration order = least recently used first (every touch re-inserts).
  const buckets = new Map<string, Bucket>();

  const evictIdle = (now: number): void => {
    for (const [key, bucket] of buckets) {
      if (now - bucket.updatedAt < fullAfterMs) break;
      buckets.delete(key);
    }
  };

  return {
    take(key: string, cost = 1): RateLimitDecision {
      const now = clock.now();
      evictIdle(now);
      const existing = buckets.get(key);
      let tokens = capacity;
      if (existing) {
        tokens = Math.min(capacity, existing.tokens + Math.max(0, now - existing.updatedAt) * perMs);
        buckets.delete(key);
      }
      const allowed = tokens >= cost;
      if (allowed) tokens -= cost;
      buckets.set(key, { tokens, updatedAt: now });
      if (buckets.size > maxBuckets) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      return {
        allowed,
        remaining: Math.floor(tokens),
        retryAfterMs: allowed ? 0 : Math.ceil((cost - tokens) / perMs),
      };
    },
    get size() {
      return buckets.size;
    },
  };
}
