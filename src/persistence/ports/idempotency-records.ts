/**
 * Where the REST API's `Idempotency-Key` answers are kept (`runtime/gateway/idempotency-keys.ts`
 * has the semantics): one record per key, first claimed by the request that runs (`answer` null
 * while it runs, for `leaseMs`), then holding that request's answer for the key's TTL. Redis when
 * the deployment has it (every member and every restart sees the key), else this process's memory.
 *
 * A kept answer holds the bot's replies, so personal data: an answer is kept with the conversation
 * it belongs to, and a contact's erasure drops every answer of its conversations
 * (`forgetConversation`). The erasure also marks the conversation erased for a day
 * ({@link ERASED_MARK_TTL_MS}): a request of it still running then completes without keeping its
 * answer, which would otherwise replay the erased replies to the same key (harden17). Conversation
 * ids are never reused (a contact's next message after an erasure starts a new one), so the mark
 * refuses nothing else.
 */
import type { Clock } from '../../kernel/clock.js';
import { createLru } from '../../kernel/lru.js';
import type { ConversationKey } from './snapshot-store.js';

/** A kept answer: a 2xx JSON answer of the REST API (its body is text). */
export interface KeptAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyRecord {
  /** The request's fingerprint: the same key with another body is refused. */
  fingerprint: string;
  /** The first request's answer; null while that request runs. */
  answer: KeptAnswer | null;
}

export interface IdempotencyRecords {
  /**
   * Claims `id` for a request about to run: null when claimed (nobody had it, or an earlier claim's
   * lease ran out), else the record that is there. The claim lasts `leaseMs` unless completed.
   */
  claim(id: string, fingerprint: string, leaseMs: number): Promise<IdempotencyRecord | null>;
  /**
   * Keeps the claimed request's answer for `ttlMs`, filed under its conversation when it has one;
   * false (nothing kept, the claim dropped) when that conversation was erased meanwhile.
   */
  complete(id: string, record: { fingerprint: string; answer: KeptAnswer; conversation?: ConversationKey }, ttlMs: number): Promise<boolean>;
  /** Marks the conversation erased and drops every kept answer filed under it; returns how many. */
  forgetConversation(conversation: ConversationKey): Promise<number>;
  /** Drops a claim whose request failed: the next request with the key runs. */
  release(id: string): Promise<void>;
  close(): Promise<void>;
}

/** How long an erased conversation's mark stops a running request from keeping its answer: longer than any request runs. */
export const ERASED_MARK_TTL_MS = 24 * 60 * 60 * 1000;

/** At most this many keys in memory, least recently used first out. */
export const MAX_MEMORY_IDEMPOTENCY_KEYS = 10_000;

/** The records in this process's memory (the embedded default): bounded, gone with the process. */
export function createMemoryIdempotencyRecords(options: { clock: Clock; maxKeys?: number }): IdempotencyRecords {
  const { clock } = options;
  const entries = createLru<IdempotencyRecord & { expiresAt: number; conversation?: string }>(options.maxKeys ?? MAX_MEMORY_IDEMPOTENCY_KEYS);
  /** Erased conversations, until their mark expires. */
  const erased = createLru<number>(options.maxKeys ?? MAX_MEMORY_IDEMPOTENCY_KEYS);
  const tagOf = (key: ConversationKey) => `${key.tenantId}\u0000${key.conversationId}`;
  return {
    async claim(id, fingerprint, leaseMs) {
      const now = clock.now();
      const entry = entries.get(id);
      if (entry !== undefined && entry.expiresAt > now) return { fingerprint: entry.fingerprint, answer: entry.answer };
      entries.set(id, { fingerprint, answer: null, expiresAt: now + leaseMs });
      return null;
    },
    async complete(id, record, ttlMs) {
      const until = record.conversation ? erased.get(tagOf(record.conversation)) : undefined;
      if (until !== undefined && until > clock.now()) {
        entries.delete(id);
        return false;
      }
      entries.set(id, { fingerprint: record.fingerprint, answer: record.answer, expiresAt: clock.now() + ttlMs, ...(record.conversation ? { conversation: tagOf(record.conversation) } : {}) });
      return true;
    },
    async forgetConversation(conversation) {
      const tag = tagOf(conversation);
      erased.set(tag, clock.now() + ERASED_MARK_TTL_MS);
      // A walk over at most `maxKeys` entries: erasure is rare, and an index would outlive LRU evictions.
      let n = 0;
      for (const id of entries.keys()) if (entries.get(id)?.conversation === tag && entries.delete(id)) n++;
      return n;
    },
    async release(id) {
      entries.delete(id);
    },
    async close() {},
  };
}
