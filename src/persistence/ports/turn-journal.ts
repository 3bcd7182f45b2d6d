import type { ConversationKey, SnapshotEnvelope } from './snapshot-store.js';
import type { NewTranscriptEntry, TranscriptEntry } from './transcript-store.js';

/**
 * What one turn leaves behind. It travels inside the snapshot envelope written at step (1) of
 * the commit until the journal holds it (step 2), so a crash in between loses nothing: the next
 * activation completes the turn from the envelope. See docs/architecture.md §4 "Turn durability".
 */
export interface TurnRecord {
  /** The envelope seq this turn produced (the journal is idempotent by it). */
  seq: number;
  /** The customer's message id (customer turns); null for agent and timer turns. */
  inboundMessageId: string | null;
  /** Transcript lines in order: the inbound line first (customer turns), then the replies. */
  entries: NewTranscriptEntry[];
  /** Top-level state after the turn (`triage`, `qualifying`, …, `closed`). */
  phase: string;
  /** ISO time at which the idle-close timer fires; null: no timer (closed, or timers off). */
  idleCloseAt: string | null;
  /**
   * Where the customer is reached on a provider channel (WhatsApp phone, Telegram chat id), when the
   * host knows it: reply outbox rows on that channel carry it, so the sender needs no lookup.
   */
  recipient?: { channel: string; to: string } | null;
}

/** The snapshot envelope with the turn record of the last turn (an extra field; stores keep it as JSON). */
export type DurableSnapshotEnvelope = SnapshotEnvelope & { turn?: TurnRecord };

/**
 * The durable side of a turn: transcript rows, outbox rows, a snapshot copy and timers written
 * together (one SQL statement in `createSqlTurnJournal`). `commit` is idempotent by
 * `turn.seq`: committing a turn the journal already holds returns the stored lines and writes
 * nothing. The snapshot copy never carries the envelope's `turn` field.
 */
export interface TurnJournal {
  commit(key: ConversationKey, turn: TurnRecord, envelope: SnapshotEnvelope): Promise<TranscriptEntry[]>;
  /** The seq of the last committed turn and the envelope copy stored with it (if the journal keeps one). */
  lastCommitted(key: ConversationKey): Promise<{ seq: number; envelope: SnapshotEnvelope | null }>;
}

/** An idle-close timer that is due: the conversation, and the turn (seq) that armed it. */
export interface DueIdleClose {
  key: ConversationKey;
  seq: number;
}

/**
 * Where due idle-close timers are found (the conversation rows in SQL; memory in memory mode).
 * A committed turn arms its conversation's timer at `turn.idleCloseAt` (or disarms it with null).
 */
export interface IdleCloseSource {
  /**
   * Due timers (armed at or before `now`, clock ms), earliest first, at most `limit`; with
   * `shards` (clustered runtime), only conversations of those shards.
   */
  dueIdleCloses(now: number, limit: number, shards?: readonly number[]): Promise<DueIdleClose[]>;
  /**
   * Moves the timer armed by turn `seq` to `dueAt` (clock ms), or removes it (`null`). Does
   * nothing when a later turn has re-armed the timer since.
   */
  deferIdleClose(key: ConversationKey, seq: number, dueAt: number | null): Promise<void>;
}
