/**
 * A `Deduplicator` whose claims live in the `AccessCounters` store: the SQL database (embedded
 * PGlite or PostgreSQL), Redis when `REDIS_URL` is set (shared by every cluster member), memory
 * only in all-in-memory mode. A claim survives a restart.
 *
 * For the Rocket.Chat agent route: nothing behind it de-duplicates an agent's message (agent lines
 * carry no id at the host, `docs/cluster.md`), so with claims in memory Rocket.Chat's retry of a
 * message already relayed before a restart reached the customer a second time. Provider webhooks
 * keep the memory one: the turn journal de-duplicates their messages by id behind it.
 */
import type { Deduplicator } from '../../channels/index.js';
import type { AccessCounters } from '../../persistence/ports/access-counters.js';

/** Rocket.Chat retries an outgoing webhook for minutes; a day covers an agent's manual resend too. */
export const COUNTED_CLAIM_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * @example
 * const dedupe = createCountedDeduplicator({ counters: identityAccess.counters });
 * if (await dedupe.claim(`rocketchat:${tenantId}:${messageId}`)) relay();
 */
export function createCountedDeduplicator(options: { counters: Pick<AccessCounters, 'hit'>; ttlMs?: number; prefix?: string }): Deduplicator {
  const { counters, ttlMs = COUNTED_CLAIM_TTL_MS, prefix = 'claim:' } = options;
  return {
    // A claim holds the count at 1: the first hit counts 1, a refused one takes its hit back (or
    // a release after it would leave 1 and shut the retry out), a release brings it to 0 so the
    // retry counts 1 again. At most 1 rather than exactly: a release that lands after the window
    // ended leaves -1, and the message must not be shut out for a day.
    async claim(key) {
      const count = await counters.hit(prefix + key, ttlMs);
      if (count <= 1) return true;
      await counters.hit(prefix + key, ttlMs, -1);
      return false;
    },
    async release(key) {
      await counters.hit(prefix + key, ttlMs, -1);
    },
  };
}
