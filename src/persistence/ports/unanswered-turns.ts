/**
 * Turns whose sender got an error (`HILO_ERR_TURN_FAILED`: the journal write failed, or a crash)
 * and that were completed since: the first retry with the same message id gets their replies as a
 * normal answer (`duplicate: false`), later retries as a duplicate. The mark must be shared by
 * every member that may take the retry (Redis in a durable deployment), else the member that did
 * not see the failure answers `duplicate: true` to the first retry, or two members both answer
 * `duplicate: false`. In memory in embedded mode (one process).
 */
import type { Clock } from '../../kernel/clock.js';
import { createLru } from '../../kernel/lru.js';
import type { ConversationKey } from './snapshot-store.js';

export interface UnansweredTurns {
  /** Marks the turn of this inbound message id as never answered, for `ttlMs`. */
  mark(key: ConversationKey, messageId: string, ttlMs: number): Promise<void>;
  /** True for exactly one caller after a mark (an atomic claim): that retry answers the replies as new. */
  take(key: ConversationKey, messageId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** How long a turn stays "never answered": as long as an `Idempotency-Key` answer is kept. */
export const UNANSWERED_TURN_TTL_MS = 24 * 60 * 60 * 1000;
/** Marks kept in memory at most, least recently used first out. */
export const MAX_MEMORY_UNANSWERED_TURNS = 10_000;

/** The marks in this process's memory (embedded mode): bounded, gone with the process. */
export function createMemoryUnansweredTurns(options: { clock: Clock; maxEntries?: number }): UnansweredTurns {
  const { clock } = options;
  const marks = createLru<number>(options.maxEntries ?? MAX_MEMORY_UNANSWERED_TURNS);
  const id = (key: ConversationKey, messageId: string) => `${key.tenantId}\u0000${key.conversationId}\u0000${messageId}`;
  return {
    async mark(key, messageId, ttlMs) {
      marks.set(id(key, messageId), clock.now() + ttlMs);
    },
    async take(key, messageId) {
      const k = id(key, messageId);
      const until = marks.get(k);
      marks.delete(k);
      return until !== undefined && until > clock.now();
    },
    async close() {},
  };
}
