/**
 * A `Deduplicator` whose claims live in the `AccessCounters` store: the SQL database (embedded
 * PGlite or PostgreSQL), Redis when `REDIS_URL` is set (shared by every cluster member), memory
 * only in all-in-memory mode. A claim survives a restart.
 *
 * For the Rocket.Chat agent route: with claims in memory Rocket.Chat's retry of a message already
 * relayed before a restart reached the customer a second time. Provider webhooks keep the memory
 * one: the turn journal de-duplicates their messages by id behind it. (Behind this route the
 * conversation's snapshot now keeps the message's Rocket.Chat id too, written by the turn that
 * relays it, which covers the window these claims cannot: a kill between the relay and `confirm`.)
 *
 * Two keys per message: `running` while the work runs (a short window, longer than a turn may
 * take), `done` once it was handled (`confirm`, kept `ttlMs`). A process that dies between the
 * claim and the relay leaves only the short one: the retry after it goes through, as it did with
 * memory claims, instead of being dropped for a day (and, had the relay been committed, finds its
 * id in the snapshot and relays nothing).
 */
import type { Deduplicator } from '../../channels/index.js';
import type { AccessCounters } from '../../persistence/ports/access-counters.js';

/** Rocket.Chat retries an outgoing webhook for minutes; a day covers an agent's manual resend too. */
export const COUNTED_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** Longer than a turn may run (`HILO_TURN_TIMEOUT_MS`, 30 s by default) with the relay after it. */
export const COUNTED_RUNNING_TTL_MS = 2 * 60 * 1000;

/**
 * @example
 * const dedupe = createCountedDeduplicator({ counters: identityAccess.counters });
 * if (await dedupe.claim(key)) { await relay(); await dedupe.confirm?.(key); }
 */
export function createCountedDeduplicator(options: { counters: Pick<AccessCounters, 'hit' | 'count'>; ttlMs?: number; runningTtlMs?: number; prefix?: string }): Deduplicator {
  const { counters, ttlMs = COUNTED_CLAIM_TTL_MS, runningTtlMs = COUNTED_RUNNING_TTL_MS, prefix = 'claim:' } = options;
  const running = (key: string): string => `${prefix}run:${key}`;
  const done = (key: string): string => `${prefix}done:${key}`;
  return {
    // A running claim holds its count at 1: a refused hit is taken back (or the release after it
    // would leave 1 and shut the retry out), a release brings it to 0 so the retry counts 1 again.
    // At most 1 rather than exactly: a release that lands after the window ended leaves -1.
    async claim(key) {
      if ((await counters.count(done(key))) > 0) return false;
      const count = await counters.hit(running(key), runningTtlMs);
      if (count <= 1) return true;
      await counters.hit(running(key), runningTtlMs, -1);
      return false;
    },
    async release(key) {
      await counters.hit(running(key), runningTtlMs, -1);
    },
    async confirm(key) {
      await counters.hit(done(key), ttlMs);
    },
  };
}
