import type { Clock } from '../kernel/clock.js';

export interface PacerOptions {
  clock: Clock;
  /** Sustained messages per second per sending number (WhatsApp Cloud API default throughput: 80). */
  perNumberPerSecond?: number;
  perNumberBurst?: number;
  /** One message to the same recipient every this many ms, sustained (WhatsApp pair rate: 1 per 6 s). */
  pairIntervalMs?: number;
  /** Messages to one recipient that may leave back to back before the pair rate applies. */
  pairBurst?: number;
  /** Pair buckets kept in memory; full (idle) buckets are dropped first. */
  maxPairs?: number;
}

export interface Pacer {
  /**
   * Reserves one send from `from` to `to` and returns how many ms to wait before sending.
   * The slot is taken at once, so concurrent callers queue behind each other instead of bursting.
   */
  reserve(from: string, to: string): number;
  /** The provider said slow down: nothing leaves `from` (or the pair, when `to` is given) for `ms`. */
  pause(from: string, ms: number, to?: string): void;
}

interface Bucket {
  tokens: number;
  at: number;
  blockedUntil: number;
}

/**
 * Token buckets on the injected clock: one per sending number (throughput) and one per
 * sender/recipient pair (pair rate). Tokens may go negative: the deficit is the queue.
 *
 * @example
 * const pacer = createPacer({ clock });
 * const waitMs = pacer.reserve(phoneNumberId, waId);
 * if (waitMs > 0) await sleep(waitMs);
 */
export function createPacer({
  clock,
  perNumberPerSecond = 80,
  perNumberBurst = 80,
  pairIntervalMs = 6_000,
  pairBurst = 5,
  maxPairs = 100_000,
}: PacerOptions): Pacer {
  const numbers = new Map<string, Bucket>();
  const pairs = new Map<string, Bucket>();
  const numberRate = perNumberPerSecond / 1000;
  const pairRate = 1 / pairIntervalMs;

  const refill = (b: Bucket, rate: number, burst: number, now: number): void => {
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * rate);
    b.at = now;
  };
  const bucket = (map: Map<string, Bucket>, key: string, burst: number, now: number): Bucket => {
    let b = map.get(key);
    if (!b) {
      b = { tokens: burst, at: now, blockedUntil: 0 };
      map.set(key, b);
    }
    return b;
  };
  const take = (b: Bucket, rate: number, now: number): number => {
    const start = Math.max(now, b.blockedUntil);
    b.tokens -= 1;
    const deficitWait = b.tokens >= 0 ? 0 : Math.ceil(-b.tokens / rate);
    return Math.max(0, start - now) + deficitWait;
  };
  const sweep = (now: number): void => {
    if (pairs.size <= maxPairs) return;
    for (const [key, b] of pairs) {
      refill(b, pairRate, pairBurst, now);
      if (b.tokens >= pairBurst && b.blockedUntil <= now) pairs.delete(key);
      if (pairs.size <= maxPairs * 0.9) break;
    }
  };

  return {
    reserve(from, to) {
      const now = clock.now();
      const n = bucket(numbers, from, perNumberBurst, now);
      const p = bucket(pairs, `${from}\u0000${to}`, pairBurst, now);
      refill(n, numberRate, perNumberBurst, now);
      refill(p, pairRate, pairBurst, now);
      const wait = Math.max(take(n, numberRate, now), take(p, pairRate, now));
      sweep(now);
      return wait;
    },
    pause(from, ms, to) {
      const now = clock.now();
      const b = to === undefined ? bucket(numbers, from, perNumberBurst, now) : bucket(pairs, `${from}\u0000${to}`, pairBurst, now);
      b.blockedUntil = Math.max(b.blockedUntil, now + ms);
    },
  };
}
