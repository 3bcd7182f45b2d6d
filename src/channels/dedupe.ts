import type { Clock } from '../kernel/clock.js';

/**
 * First-seen check on provider message ids (WhatsApp and Twilio redeliver on any non-200).
 * `claim` is true the first time; `release` forgets a claim whose events could not be accepted,
 * so the provider's retry goes through. The runtime may pass a Redis `SET NX PX` implementation;
 * the conversation service de-duplicates durably by `messageId` behind it either way.
 */
export interface Deduplicator {
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /**
   * The claimed key's events were handled: a store that holds a claim only briefly while the work
   * runs (so a process that died mid-way does not shut the retry out) keeps it now for good.
   */
  confirm?(key: string): Promise<void>;
}

/** In-memory, bounded, TTL on the injected clock (Meta retries for up to 7 days; 24 h covers bursts). */
export function createMemoryDeduplicator({ clock, ttlMs = 24 * 60 * 60 * 1000, max = 100_000 }: { clock: Clock; ttlMs?: number; max?: number }): Deduplicator {
  const seen = new Map<string, number>();
  return {
    async claim(key) {
      const now = clock.now();
      const expires = seen.get(key);
      if (expires !== undefined && expires > now) return false;
      seen.delete(key);
      seen.set(key, now + ttlMs);
      while (seen.size > max) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      return true;
    },
    async release(key) {
      seen.delete(key);
    },
  };
}
