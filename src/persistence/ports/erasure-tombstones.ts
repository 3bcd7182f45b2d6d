import type { ConversationKey } from './snapshot-store.js';

/**
 * How long an erased conversation's tombstone lives (15 minutes). It must outlive every turn of
 * the conversation that was already on its way when the erasure ran, on any member: a turn runs
 * at most `HILO_TURN_TIMEOUT_MS` (default 30 s), an inbox entry of a dead member waits for a lease
 * (`HILO_SHARD_LEASE_MS`, default 5 s) and the sweep (a few seconds) before another member runs
 * it, and a paused member's writes are refused by its own clock once its lease lapsed. After the
 * tombstone expires nothing of the erased conversation is left to write back: its id is never
 * given out again (the channel identity went with the contact).
 */
export const ERASURE_TOMBSTONE_MS = 15 * 60 * 1000;

/**
 * Cluster-wide marks of erased conversations (harden19): the erasure writes one before it drops
 * anything, and the snapshot store's put and the journal's commit refuse a conversation that has
 * one with `HILO_ERR_CONVERSATION_ERASED` — so a turn on another member, which the erasure's own
 * process cannot fence in memory, never writes the erased state back.
 */
export interface ErasureTombstones {
  /** Marks the conversation erased for {@link ERASURE_TOMBSTONE_MS}. */
  mark(key: ConversationKey): Promise<void>;
  isErased(key: ConversationKey): Promise<boolean>;
  close(): Promise<void>;
}
