import { HiloError, isHiloError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { ConversationKey, SnapshotEnvelope, SnapshotStore } from '../persistence/ports/snapshot-store.js';
import type { TranscriptEntry } from '../persistence/ports/transcript-store.js';
import { UNANSWERED_TURN_TTL_MS, type UnansweredTurns } from '../persistence/ports/unanswered-turns.js';
import type { DurableSnapshotEnvelope, TurnJournal, TurnRecord } from '../persistence/ports/turn-journal.js';
import type { ConversationUpdate } from './conversation-service.js';
import { isRefusedForGood } from './journal-refusal.js';

/** The counters kept here (a slice of the host's stats object, updated in place). */
export interface DurabilityStats {
  /** Turns whose journal write was completed on activation (after a crash or a failed write). */
  turnsCompletedOnActivation: number;
  /** Turns the journal refused for good: set aside so they never poison their conversation. */
  turnsQuarantined: number;
}

export interface TurnDurability {
  /**
   * The envelope to activate from. A turn whose record is in the snapshot store but not yet in
   * the journal is committed to the journal first (and its lines published): that is the crash
   * between steps (1) and (2). When the store has nothing or an older seq (in-memory store after
   * a restart, an expired TTL), the journal's snapshot copy is used.
   */
  recover(key: ConversationKey): Promise<SnapshotEnvelope | null>;
  /** Read-only view of the newest envelope: the snapshot store's, else the journal's copy. */
  latestEnvelope(key: ConversationKey): Promise<SnapshotEnvelope | null>;
  /**
   * The coded error for a failed journal write (step 2) of a turn whose snapshot is written. A
   * refusal for good quarantines the turn first (`HILO_ERR_TURN_QUARANTINED`); anything else is
   * an outage the next activation repairs (`HILO_ERR_TURN_FAILED`).
   */
  journalFailed(key: ConversationKey, turn: TurnRecord, err: unknown, log: Logger): Promise<HiloError>;
  /**
   * Whether the replies of the turn of this inbound message id were never answered: its sender got
   * an error (the journal write failed) and the turn was completed on an activation since. True
   * once, on every member sharing `UnansweredTurns` (Redis in a durable deployment): the retry that
   * takes it gets them as a normal answer (`duplicate: false`), later ones as a duplicate. When
   * the mark cannot be read (Redis down) the retry is answered as a duplicate, never twice as new.
   */
  takeUnanswered(key: ConversationKey, messageId: string): Promise<boolean>;
}

/**
 * The recovery side of the two-step turn commit (docs/architecture.md §4 "Turn durability"):
 * completing half-committed turns on activation, and setting aside turns the journal refuses
 * for good. The host writes both steps; this decides what a failure means.
 */
export function createTurnDurability(deps: {
  snapshots: SnapshotStore;
  journal: TurnJournal;
  stats: DurabilityStats;
  /** The host's logger. */
  log: Logger;
  publish: (key: ConversationKey, update: ConversationUpdate) => void;
  /** The "never answered" marks: shared by the cluster's members (Redis), else this process's. */
  unanswered: UnansweredTurns;
}): TurnDurability {
  const { snapshots, journal, stats, log, publish, unanswered } = deps;
  const noteUnanswered = async (key: ConversationKey, turn: TurnRecord): Promise<void> => {
    if (turn.inboundMessageId === null) return;
    // Unmarked, the retry still gets the replies, only flagged `duplicate: true`: not worth failing for.
    await unanswered.mark(key, turn.inboundMessageId, UNANSWERED_TURN_TTL_MS).catch((err: unknown) => log.warn({ tenant: key.tenantId, conversationId: key.conversationId, err }, 'unanswered turn not marked'));
  };

  /**
   * Sets aside a turn the journal refused for good: its snapshot (step 1) is deleted, so the
   * conversation's next activation starts from the journal's copy of the last recorded turn and
   * the turn is never replayed. Only this turn is lost, and its sender got an error for it (or no
   * answer at all); every turn recorded before stays. Side effects it already caused (a ticket, a
   * lead) keep their idempotency keys. The log carries ids and the error's code, never the text.
   */
  const quarantine = async (key: ConversationKey, turn: TurnRecord, err: unknown): Promise<void> => {
    stats.turnsQuarantined++;
    log.error(
      { code: 'HILO_ERR_TURN_QUARANTINED', tenant: key.tenantId, conversationId: key.conversationId, seq: turn.seq, inboundMessageId: turn.inboundMessageId, lines: turn.entries.length, err },
      'the journal refused a turn for good; the turn is quarantined and the conversation goes on from its last recorded turn',
    );
    await snapshots.delete(key);
  };

  /**
   * The stored snapshot, or null when it is unreadable (`HILO_ERR_SNAPSHOT_CORRUPT`: a key no Hilo
   * store wrote — an operator's SET, a bad restore): the key is deleted and the conversation goes
   * on from the journal's copy of its last committed turn (harden20; before, every later message of
   * the customer answered 500 for good). Only an uncommitted turn held by that snapshot is lost.
   */
  const readSnapshot = async (key: ConversationKey): Promise<SnapshotEnvelope | null> => {
    try {
      return await snapshots.get(key);
    } catch (err) {
      if (!isHiloError(err, 'HILO_ERR_SNAPSHOT_CORRUPT')) throw err;
      log.warn({ code: err.code, tenant: key.tenantId, conversationId: key.conversationId }, 'unreadable conversation snapshot deleted; going on from the journal’s copy');
      await snapshots.delete(key);
      return null;
    }
  };

  return {
    async recover(key) {
      try {
        return await recoverFrom(key);
      } catch (err) {
        const failed = loadFailed(err);
        log.warn({ tenant: key.tenantId, conversationId: key.conversationId, code: failed.code, err }, 'conversation could not be loaded; nothing of the message was recorded');
        throw failed;
      }
    },

    takeUnanswered(key, messageId) {
      return unanswered.take(key, messageId).catch((err: unknown) => {
        log.warn({ tenant: key.tenantId, conversationId: key.conversationId, err }, 'unanswered turn mark not read; answered as a duplicate');
        return false;
      });
    },

    async latestEnvelope(key) {
      const env = await readSnapshot(key);
      if (env) return env;
      return (await journal.lastCommitted(key)).envelope;
    },

    async journalFailed(key, turn, err, turnLog) {
      if (isHiloError(err, 'HILO_ERR_CONVERSATION_ERASED')) {
        // Erased on another member while this turn ran (harden19): the snapshot of step (1) goes too.
        await snapshots.delete(key);
        return err;
      }
      if (isRefusedForGood(err)) {
        // Retrying would replay the same refusal on every activation, forever: set it aside.
        await quarantine(key, turn, err);
        return new HiloError('HILO_ERR_TURN_QUARANTINED', undefined, { cause: err });
      }
      turnLog.error({ err, seq: turn.seq }, 'journal write failed; the turn completes on the next activation');
      // The snapshot holds the turn: the retry with the same message id gets its replies, never a
      // second turn — as a normal answer (`duplicate: false`), since its sender never saw them.
      await noteUnanswered(key, turn);
      return new HiloError('HILO_ERR_TURN_FAILED', 'The reply could not be stored yet; send the message again with the same message id to get it (it runs once).', { cause: err });
    },
  };

  async function recoverFrom(key: ConversationKey): Promise<SnapshotEnvelope | null> {
    const [env, committed] = await Promise.all([readSnapshot(key) as Promise<DurableSnapshotEnvelope | null>, journal.lastCommitted(key)]);
    if (env && env.seq > committed.seq) {
      if (env.turn && env.turn.seq === env.seq) {
        let stored: TranscriptEntry[];
        try {
          stored = await journal.commit(key, env.turn, env);
        } catch (err) {
          // An outage: fail this activation, the next one completes the turn. A refusal for good
          // (a turn written before inbound text was normalised, say): set it aside and go on
          // from the journal's copy, so the conversation is never poisoned.
          if (!isRefusedForGood(err)) throw err;
          await quarantine(key, env.turn, err);
          return committed.envelope;
        }
        stats.turnsCompletedOnActivation++;
        // Whoever sent it got an error, or nothing (a crash): the retry's answer is the first one.
        await noteUnanswered(key, env.turn);
        log.warn({ tenant: key.tenantId, conversationId: key.conversationId, seq: env.seq, lines: stored.length }, 'completed a turn found in the snapshot but not in the journal');
        for (const line of stored) publish(key, { type: 'message', entry: line });
      }
      return env;
    }
    if (committed.envelope && (!env || committed.seq > env.seq)) return committed.envelope;
    return env;
  }
}

/**
 * A store that could not be read while loading a conversation (Redis or PostgreSQL unreachable,
 * a command that ran out of retries) is `HILO_ERR_TURN_FAILED`, like a store that fails while
 * saving the turn: nothing of the message was recorded, and sending it again with the same
 * message id runs it once (was `HILO_ERR_INTERNAL`, "a bug"). Coded errors (a corrupt snapshot, a
 * fenced shard) keep their code.
 */
export function loadFailed(err: unknown, message = 'The conversation could not be loaded; nothing of this message was recorded. Send it again.'): HiloError {
  if (isHiloError(err)) return err;
  return new HiloError('HILO_ERR_TURN_FAILED', message, { cause: err });
}
