import type { ConversationKey, SnapshotEnvelope } from '../ports/snapshot-store.js';
import type { TranscriptStore } from '../ports/transcript-store.js';
import type { DueIdleClose, DurableSnapshotEnvelope, IdleCloseSource, TurnJournal } from '../ports/turn-journal.js';
import { conversationMapKey } from './store-helpers.js';

interface CommittedTurn {
  key: ConversationKey;
  seq: number;
  /** The envelope copy as JSON, so later changes to the caller's object cannot reach it. */
  envelope: string;
  idleCloseAt: number | null;
}

/**
 * The journal over a `TranscriptStore` (in-memory mode, and the host's default): appends the
 * turn's lines in one `append` and remembers committed seqs, envelope copies and idle-close
 * timers in memory. Idempotent by the turn's seq like the SQL journal: a turn it already holds
 * returns the stored lines and writes nothing.
 *
 * @example
 * const journal = createTranscriptTurnJournal(createMemoryTranscriptStore());
 * const stored = await journal.commit(key, envelope.turn, envelope);
 */
export function createTranscriptTurnJournal(transcripts: TranscriptStore): TurnJournal & IdleCloseSource {
  const committed = new Map<string, CommittedTurn>();
  return {
    async commit(key, turn, envelope) {
      const k = conversationMapKey(key);
      const current = committed.get(k);
      if (current && current.seq >= turn.seq) {
        const ids = new Set(turn.entries.map((e) => e.messageId));
        return (await transcripts.list(key, {})).filter((e) => ids.has(e.messageId));
      }
      const stored = await transcripts.append(key, turn.entries);
      const { turn: _turn, ...copy } = envelope as DurableSnapshotEnvelope;
      committed.set(k, { key, seq: turn.seq, envelope: JSON.stringify(copy), idleCloseAt: turn.idleCloseAt === null ? null : Date.parse(turn.idleCloseAt) });
      return stored;
    },
    async lastCommitted(key) {
      const current = committed.get(conversationMapKey(key));
      return current ? { seq: current.seq, envelope: JSON.parse(current.envelope) as SnapshotEnvelope } : { seq: 0, envelope: null };
    },
    async dueIdleCloses(now, limit): Promise<DueIdleClose[]> {
      const due = [...committed.values()].filter((c) => c.idleCloseAt !== null && c.idleCloseAt <= now);
      due.sort((a, b) => (a.idleCloseAt ?? 0) - (b.idleCloseAt ?? 0));
      return due.slice(0, limit).map((c) => ({ key: c.key, seq: c.seq }));
    },
    async deferIdleClose(key, seq, dueAt) {
      const current = committed.get(conversationMapKey(key));
      if (current && current.seq === seq && current.idleCloseAt !== null) current.idleCloseAt = dueAt;
    },
  };
}
