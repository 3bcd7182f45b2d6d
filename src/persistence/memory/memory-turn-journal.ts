import type { ConversationKey, SnapshotEnvelope } from '../ports/snapshot-store.js';
import type { TranscriptEntry, TranscriptStore } from '../ports/transcript-store.js';
import type { DueIdleClose, DurableSnapshotEnvelope, IdleCloseSource, TurnJournal, TurnRecord } from '../ports/turn-journal.js';
import type { EnvelopeJsonMemo } from './envelope-json.js';
import { conversationMapKey } from './store-helpers.js';

interface CommittedTurn {
  key: ConversationKey;
  seq: number;
  /**
   * The envelope copy as JSON, so later changes to the caller's object cannot reach it. It may
   * still carry the envelope's `turn` (the snapshot store's text, shared): `lastCommitted` drops it.
   */
  envelope: string;
  idleCloseAt: number | null;
}

/**
 * The journal over a `TranscriptStore` (in-memory mode, and the host's default): appends the
 * turn's lines in one `append` and remembers committed seqs, envelope copies and idle-close
 * timers in memory. Idempotent by the turn's seq like the SQL journal: a turn it already holds
 * returns the stored lines and writes nothing, and completions of one conversation that run at
 * the same time are taken one after the other. With `envelopeJson` (shared with the in-memory
 * snapshot store), the envelope's text from commit step 1 is kept instead of serialising it again.
 * Conformance: test/contract/turn-journal.contract.ts.
 *
 * @example
 * const journal = createTranscriptTurnJournal(createMemoryTranscriptStore());
 * const stored = await journal.commit(key, envelope.turn, envelope);
 */
export function createTranscriptTurnJournal(transcripts: TranscriptStore, options: { envelopeJson?: EnvelopeJsonMemo } = {}): TurnJournal & IdleCloseSource {
  const memo = options.envelopeJson;
  const committed = new Map<string, CommittedTurn>();
  /** The commit running per conversation: completions of one conversation run one at a time (SQL's row lock). */
  const running = new Map<string, Promise<unknown>>();

  const commitOnce = async (k: string, key: ConversationKey, turn: TurnRecord, envelope: SnapshotEnvelope): Promise<TranscriptEntry[]> => {
    const current = committed.get(k);
    if (current && current.seq >= turn.seq) {
      const ids = new Set(turn.entries.map((e) => e.messageId));
      return (await transcripts.list(key, {})).filter((e) => ids.has(e.messageId));
    }
    // Everything that can refuse the turn runs before the first write, so a refused turn leaves
    // nothing behind (the SQL journal refuses in the same cases, before its one statement).
    const record: CommittedTurn = { key, seq: turn.seq, envelope: memo?.take(envelope) ?? withoutTurn(envelope), idleCloseAt: turn.idleCloseAt === null ? null : timeOf(turn.idleCloseAt) };
    for (const e of turn.entries) timeOf(e.at);
    const stored = await transcripts.append(key, turn.entries);
    committed.set(k, record);
    return stored;
  };

  return {
    async commit(key, turn, envelope) {
      const k = conversationMapKey(key);
      for (let busy = running.get(k); busy !== undefined; busy = running.get(k)) await busy.catch(() => undefined);
      const run = commitOnce(k, key, turn, envelope);
      running.set(k, run);
      try {
        return await run;
      } finally {
        if (running.get(k) === run) running.delete(k);
      }
    },
    async lastCommitted(key) {
      const current = committed.get(conversationMapKey(key));
      if (!current) return { seq: 0, envelope: null };
      const { turn: _turn, ...copy } = JSON.parse(current.envelope) as DurableSnapshotEnvelope;
      return { seq: current.seq, envelope: copy };
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

/** The envelope's JSON without its `turn` (the journal's copy never carries it). */
function withoutTurn(envelope: SnapshotEnvelope): string {
  const { turn: _turn, ...copy } = envelope as DurableSnapshotEnvelope;
  return JSON.stringify(copy);
}

/** Clock ms of an ISO time; a time that is not one is refused like `toISOString` does (RangeError). */
function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value');
  return ms;
}
