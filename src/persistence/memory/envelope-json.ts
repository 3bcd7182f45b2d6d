import type { SnapshotEnvelope } from '../ports/snapshot-store.js';

/**
 * The JSON text of the envelope the in-memory snapshot store wrote last, handed to the in-memory
 * turn journal of the same runtime so a turn serialises its envelope once, not twice (issue 16).
 *
 * A turn writes its envelope to the snapshot store (commit step 1) and then gives the same object
 * to the journal (step 2), with no change in between (`ConversationHost#turn`). The memo keeps the
 * text per envelope object (weakly, so a turn that never reaches the journal leaves nothing
 * behind); the journal takes it only when handed that very object with the same seq, and taking
 * it forgets it, so an object a caller reuses after a change is serialised afresh. What the
 * journal stores is then exactly what the snapshot store stored at step 1, and strings are
 * immutable, so neither copy can reach the other or the caller's object.
 *
 * @example
 * const memo = createEnvelopeJsonMemo();
 * const snapshots = createMemorySnapshotStore({ clock, envelopeJson: memo });
 * const journal = createTranscriptTurnJournal(transcripts, { envelopeJson: memo });
 */
export interface EnvelopeJsonMemo {
  /** Remembers the text the snapshot store wrote for `envelope`. */
  remember(envelope: SnapshotEnvelope, json: string): void;
  /** The remembered text when `envelope` is an object the store wrote (same seq), once; then forgotten. */
  take(envelope: SnapshotEnvelope): string | undefined;
}

export function createEnvelopeJsonMemo(): EnvelopeJsonMemo {
  const texts = new WeakMap<SnapshotEnvelope, { seq: number; json: string }>();
  return {
    remember(envelope, json) {
      texts.set(envelope, { seq: envelope.seq, json });
    },
    take(envelope) {
      const hit = texts.get(envelope);
      if (hit === undefined) return undefined;
      texts.delete(envelope);
      return hit.seq === envelope.seq ? hit.json : undefined;
    },
  };
}
