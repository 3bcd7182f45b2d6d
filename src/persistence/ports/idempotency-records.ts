/**
 * Where the REST API's `Idempotency-Key` answers are kept (`runtime/gateway/idempotency-keys.ts`
 * has the semantics): one record per key, first claimed by the request that runs (`answer` null
 * while it runs, for `leaseMs`), then holding that request's answer for the key's TTL. Redis when
 * the deployment has it (every member and every restart sees the key), else this process's memory.
 *
 * A kept answer holds the bot's replies, so personal data: an answer is kept with the conversation
 * it belongs to, and a contact's erasure drops every answer of its conversations
 * (`forgetConversation`).
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
  /** Keeps the claimed request's answer for `ttlMs`, filed under its conversation when it has one. */
  complete(id: string, record: { fingerprint: string; answer: KeptAnswer; conversation?: ConversationKey }, ttlMs: number): Promise<void>;
  /** Drops every kept answer (and running claim) filed under this conversation; returns how many. */
  forgetConversation(conversation: ConversationKey): Promise<number>;
  /** Drops a claim whose request failed: the next request with the key runs. */
  release(id: string): Promise<void>;
  close(): Promise<void>;
}

/** At most this many keys in memory, least recently used first out. */
export const MAX_MEMORY_IDEMPOTENCY_KEYS = 10_000;

/** The records in this process's memory (the embedded default): bounded, gone with the process. */
export function createMemoryIdempotencyRecords(options: { clock: Clock; maxKeys?: number }): IdempotencyRecords {
  const { clock } = options;
  const entries = createLru<IdempotencyRecord & { expiresAt: number; conversation?: string }>(options.maxKeys ?? MAX_MEMORY_IDEMPOTENCY_KEYS);
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
      entries.set(id, { fingerprint: record.fingerprint, answer: record.answer, expiresAt: clock.now() + ttlMs, ...(record.conversation ? { conversation: tagOf(record.conversation) } : {}) });
    },
    async forgetConversation(conversation) {
      // A walk over at most `maxKeys` entries: erasure is rare, and an index would outlive LRU evictions.
      const tag = tagOf(conversation);
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
