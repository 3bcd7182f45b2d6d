import { describe, expect, it } from 'vitest';
import { createEnvelopeJsonMemo } from '../../../src/persistence/memory/envelope-json.js';
import { createMemorySnapshotStore } from '../../../src/persistence/memory/memory-snapshot-store.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/memory/memory-transcript-store.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import type { DurableSnapshotEnvelope, TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { runTurnJournalContract } from '../../contract/turn-journal.contract.js';

// The memory-mode wiring (src/runtime/storage.ts): snapshot store and journal share one serialisation per turn.
runTurnJournalContract({
  name: 'memory, sharing the snapshot store\'s envelope text',
  create: async () => {
    const transcripts = createMemoryTranscriptStore();
    return { journal: createTranscriptTurnJournal(transcripts, { envelopeJson: createEnvelopeJsonMemo() }), transcripts };
  },
  destroy: ({ transcripts }) => transcripts.close(),
});

const key = { tenantId: 't1', conversationId: 'c1' };

function turnOf(seq: number): TurnRecord {
  const at = new Date(Date.UTC(2026, 11, 3, 12, 0, seq)).toISOString();
  return { seq, inboundMessageId: `m${seq}`, entries: [{ messageId: `m${seq}`, direction: 'in', author: 'customer', channel: 'rest', text: `hola ${seq}`, at }], phase: 'triage', idleCloseAt: null };
}

function envelopeOf(seq: number, context: Record<string, unknown>): DurableSnapshotEnvelope {
  const turn = turnOf(seq);
  return { v: 1, machineVersion: 1, epoch: 0, seq, savedAt: turn.entries[0]!.at, snapshot: { value: 'triage', context }, turn };
}

function wired() {
  const envelopeJson = createEnvelopeJsonMemo();
  const snapshots = createMemorySnapshotStore({ envelopeJson });
  const journal = createTranscriptTurnJournal(createMemoryTranscriptStore(), { envelopeJson });
  return { snapshots, journal };
}

describe('memory snapshot store and turn journal sharing one envelope serialisation', () => {
  it('the journal copy is the envelope as written at step 1, without its turn, and changes to the object after the commit do not reach it', async () => {
    const { snapshots, journal } = wired();
    const envelope = envelopeOf(1, { cart: ['cemento'] });
    expect(await snapshots.put(key, envelope)).toEqual({ ok: true });
    await journal.commit(key, envelope.turn!, envelope);
    (envelope.snapshot as { context: { cart: string[] } }).context.cart.push('varilla');
    const { turn: _turn, ...expected } = envelopeOf(1, { cart: ['cemento'] });
    const committed = await journal.lastCommitted(key);
    expect(committed.seq).toBe(1);
    expect(committed.envelope).toEqual(expected);
    expect(committed.envelope).not.toHaveProperty('turn');
    expect((await snapshots.get(key)) as DurableSnapshotEnvelope).toHaveProperty('turn.seq', 1);
  });

  it('an object reused with a later seq is serialised afresh, not taken from the earlier write', async () => {
    const { snapshots, journal } = wired();
    const envelope = envelopeOf(1, { step: 'one' });
    await snapshots.put(key, envelope);
    await journal.commit(key, envelope.turn!, envelope);
    // Reused without a second put: the text of the first write must not serve the second commit.
    envelope.seq = 2;
    envelope.turn = turnOf(2);
    (envelope.snapshot as { context: { step: string } }).context.step = 'two';
    await journal.commit(key, envelope.turn, envelope);
    const committed = await journal.lastCommitted(key);
    expect(committed.seq).toBe(2);
    expect(committed.envelope).toMatchObject({ seq: 2, snapshot: { context: { step: 'two' } } });
  });

  it('a refused put hands nothing to the journal', async () => {
    const { snapshots, journal } = wired();
    await snapshots.put(key, envelopeOf(5, { n: 5 }));
    const stale = envelopeOf(3, { n: 3 });
    expect(await snapshots.put(key, stale)).toMatchObject({ ok: false, reason: 'stale_seq' });
    (stale.snapshot as { context: { n: number } }).context.n = 33;
    await journal.commit(key, stale.turn!, stale);
    expect((await journal.lastCommitted(key)).envelope).toMatchObject({ seq: 3, snapshot: { context: { n: 33 } } });
  });
});
