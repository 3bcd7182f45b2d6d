import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRefusedForGood } from '../../src/actors/journal-refusal.js';
import type { ConversationKey, SnapshotEnvelope } from '../../src/persistence/ports/snapshot-store.js';
import type { NewTranscriptEntry, TranscriptStore } from '../../src/persistence/ports/transcript-store.js';
import type { DurableSnapshotEnvelope, IdleCloseSource, TurnJournal, TurnRecord } from '../../src/persistence/ports/turn-journal.js';

/** A journal and the transcript store its committed lines are read back from. */
export interface JournalUnderTest<J extends TurnJournal & IdleCloseSource = TurnJournal & IdleCloseSource> {
  journal: J;
  transcripts: TranscriptStore;
}

export interface TurnJournalContractOptions<J extends TurnJournal & IdleCloseSource> {
  name: string;
  create: () => Promise<JournalUnderTest<J>>;
  /** Releases what `create` opened. Implementations may share one database across tests: every test uses its own tenant. */
  destroy: (made: JournalUnderTest<J>) => Promise<void>;
}

const T0 = Date.parse('2026-11-22T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function uniqueKey(label = 'conv'): ConversationKey {
  return { tenantId: `tenant-${randomUUID()}`, conversationId: `${label}-${randomUUID()}` };
}

/** A customer turn: the inbound line, a template reply with options, an agent line. */
function customerTurn(seq: number, options: { idleCloseAt?: number | null; phase?: string; channel?: string } = {}): TurnRecord {
  const at = iso(T0 + seq * 1_000);
  const channel = options.channel ?? 'whatsapp';
  const inId = `wamid.${seq}-${randomUUID()}`;
  const entries: NewTranscriptEntry[] = [
    { messageId: inId, direction: 'in', author: 'customer', channel, text: `¿Tienen cemento? (${seq})`, at },
    {
      messageId: `out:${randomUUID()}`,
      direction: 'out',
      author: 'bot',
      channel,
      text: 'Sí: el cemento gris cuesta RD$ 450 el saco.',
      at,
      intent: 'product_inquiry',
      lang: 'es',
      options: [{ label: '1. Comprar', text: 'comprar' }],
    },
    { messageId: `out:${randomUUID()}`, direction: 'out', author: 'agent', channel, text: 'Soy Ana, te ayudo.', at, agentName: 'Ana', lang: 'es' },
  ];
  return {
    seq,
    inboundMessageId: inId,
    entries,
    phase: options.phase ?? 'answering',
    idleCloseAt: options.idleCloseAt === undefined || options.idleCloseAt === null ? null : iso(options.idleCloseAt),
  };
}

/** A timer or agent turn: no inbound line. */
function quietTurn(seq: number, lines: number, idleCloseAt: number | null = null): TurnRecord {
  const at = iso(T0 + seq * 1_000);
  const entries: NewTranscriptEntry[] = Array.from({ length: lines }, (_, i) => ({ messageId: `out:${randomUUID()}`, direction: 'out', author: 'bot', channel: 'rest', text: `línea ${i + 1}`, at, lang: 'en' }));
  return { seq, inboundMessageId: null, entries, phase: lines === 0 ? 'closed' : 'triage', idleCloseAt: idleCloseAt === null ? null : iso(idleCloseAt) };
}

/** The envelope written at step (1): it carries the turn record, which the journal's copy drops. */
function envelopeOf(turn: TurnRecord, snapshot: unknown = { value: { answering: 'idle' }, context: { turn: turn.seq, lang: 'es' } }): DurableSnapshotEnvelope {
  return { v: 1, machineVersion: 1, epoch: 0, seq: turn.seq, savedAt: iso(T0 + turn.seq * 1_000 + 5), snapshot, turn };
}

/** The copy `lastCommitted` gives back: the envelope without its turn record. */
function copyOf(envelope: DurableSnapshotEnvelope): SnapshotEnvelope {
  const { turn: _turn, ...copy } = envelope;
  return copy;
}

/**
 * The one conformance suite every `TurnJournal` (with its `IdleCloseSource` side) passes: the
 * in-memory journal over a transcript store, and the SQL journal on PGlite and PostgreSQL. What
 * the conversation host relies on: a commit is idempotent by the turn's seq (an activation after
 * a crash completes the same turn again), its lines are readable from the transcript store, the
 * snapshot copy is what a later activation recovers from, a refused turn leaves nothing behind
 * and is recognised by `isRefusedForGood` (the host quarantines it), and the committed turn arms
 * or disarms its conversation's idle-close timer.
 *
 * @example
 * runTurnJournalContract({ name: 'memory', create: async () => { const transcripts = createMemoryTranscriptStore(); return { journal: createTranscriptTurnJournal(transcripts), transcripts }; }, destroy: async () => {} });
 */
export function runTurnJournalContract<J extends TurnJournal & IdleCloseSource>(options: TurnJournalContractOptions<J>): void {
  describe(`TurnJournal contract: ${options.name}`, () => {
    let made: JournalUnderTest<J>;
    let journal: J;
    let transcripts: TranscriptStore;

    beforeEach(async () => {
      made = await options.create();
      ({ journal, transcripts } = made);
    });

    afterEach(async () => {
      await options.destroy(made);
    });

    /** Due timers of these conversations only (a shared database holds other tests' timers). */
    const dueOf = async (keys: ConversationKey[], now: number) => {
      const mine = new Set(keys.map((k) => `${k.tenantId}/${k.conversationId}`));
      return (await journal.dueIdleCloses(now, 10_000)).filter((d) => mine.has(`${d.key.tenantId}/${d.key.conversationId}`));
    };

    describe('commit and recover', () => {
      it('should know nothing of a conversation that never committed', async () => {
        expect(await journal.lastCommitted(uniqueKey())).toEqual({ seq: 0, envelope: null });
      });

      it('should store a turn\'s lines in order, numbered from 1, every field kept, and readable from the transcript store', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1);
        const stored = await journal.commit(key, turn, envelopeOf(turn));

        expect(stored).toEqual(turn.entries.map((e, i) => ({ ...e, seq: i + 1 })));
        expect(await transcripts.list(key)).toEqual(stored);
        expect(await transcripts.hasInbound(key, turn.inboundMessageId!)).toBe(true);
      });

      it('should keep the media references of a customer line', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1);
        turn.entries[0] = { ...turn.entries[0]!, text: '', media: [{ kind: 'image', id: 'media-1', mimeType: 'image/jpeg' }] };
        const [line] = await journal.commit(key, turn, envelopeOf(turn));
        expect(line?.media).toEqual([{ kind: 'image', id: 'media-1', mimeType: 'image/jpeg' }]);
        expect((await transcripts.list(key))[0]?.media).toEqual([{ kind: 'image', id: 'media-1', mimeType: 'image/jpeg' }]);
      });

      it('should continue the numbering across turns and remember the last turn with its envelope copy, without the turn record', async () => {
        const key = uniqueKey();
        const first = customerTurn(1);
        const second = customerTurn(2);
        await journal.commit(key, first, envelopeOf(first));
        const env = envelopeOf(second);
        const stored = await journal.commit(key, second, env);

        expect(stored.map((l) => l.seq)).toEqual([4, 5, 6]);
        expect((await transcripts.list(key)).map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]);
        const last = await journal.lastCommitted(key);
        expect(last).toEqual({ seq: 2, envelope: copyOf(env) });
        expect(last.envelope).not.toHaveProperty('turn');
      });

      it('should commit a turn with no lines (a close that says nothing) and still move the last committed turn', async () => {
        const key = uniqueKey();
        const first = customerTurn(1);
        await journal.commit(key, first, envelopeOf(first));
        const silent = quietTurn(2, 0);
        expect(await journal.commit(key, silent, envelopeOf(silent))).toEqual([]);
        expect((await journal.lastCommitted(key)).seq).toBe(2);
        expect(await transcripts.list(key)).toHaveLength(3);
      });

      it('should record a turn after a gap (an earlier turn record lost with its snapshot store) rather than wedge', async () => {
        const key = uniqueKey();
        const first = customerTurn(1);
        await journal.commit(key, first, envelopeOf(first));
        const third = customerTurn(3);
        const stored = await journal.commit(key, third, envelopeOf(third));
        expect(stored.map((l) => l.seq)).toEqual([4, 5, 6]);
        expect((await journal.lastCommitted(key)).seq).toBe(3);
      });

      it('should keep the snapshot copy unchanged by later changes to the caller\'s objects', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1);
        const snapshot = { value: 'triage', context: { count: 1 } };
        const env = envelopeOf(turn, snapshot);
        await journal.commit(key, turn, env);
        snapshot.context.count = 99;
        expect((await journal.lastCommitted(key)).envelope?.snapshot).toEqual({ value: 'triage', context: { count: 1 } });
      });

      it('should keep conversations apart, also the same conversation id under two tenants', async () => {
        const conversationId = `shared-${randomUUID()}`;
        const a = { tenantId: `tenant-a-${randomUUID()}`, conversationId };
        const b = { tenantId: `tenant-b-${randomUUID()}`, conversationId };
        const ta = customerTurn(5);
        await journal.commit(a, ta, envelopeOf(ta));
        expect(await journal.lastCommitted(b)).toEqual({ seq: 0, envelope: null });
        const tb = customerTurn(1);
        // b's turn 1 is new for b even though a holds turn 5.
        expect((await journal.commit(b, tb, envelopeOf(tb))).map((l) => l.seq)).toEqual([1, 2, 3]);
        expect(await transcripts.list(a)).toHaveLength(3);
        expect(await transcripts.list(b)).toHaveLength(3);
      });
    });

    describe('idempotent replays', () => {
      it('should answer a turn committed again (activation after a crash) with the stored lines and write nothing', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1);
        const env = envelopeOf(turn);
        const stored = await journal.commit(key, turn, env);
        const again = await journal.commit(key, turn, env);

        expect(again).toEqual(stored);
        expect(await transcripts.list(key)).toEqual(stored);
        expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: copyOf(env) });
      });

      it('should complete a turn from the envelope a snapshot store gives back (JSON round trip), once', async () => {
        const key = uniqueKey();
        const first = customerTurn(1);
        await journal.commit(key, first, envelopeOf(first));
        const second = customerTurn(2, { idleCloseAt: T0 + 60_000 });
        // The crash between steps (1) and (2): the activation finds the turn only in the envelope.
        const readBack = JSON.parse(JSON.stringify(envelopeOf(second))) as DurableSnapshotEnvelope;
        const completed = await journal.commit(key, readBack.turn!, readBack);
        const again = await journal.commit(key, readBack.turn!, readBack);

        expect(completed.map((l) => [l.seq, l.messageId])).toEqual(second.entries.map((e, i) => [i + 4, e.messageId]));
        expect(again).toEqual(completed);
        expect(await journal.lastCommitted(key)).toEqual({ seq: 2, envelope: copyOf(readBack) });
        expect(await dueOf([key], T0 + 60_000)).toEqual([{ key, seq: 2 }]);
      });

      it('should answer an older turn with its own stored lines and not step the journal back', async () => {
        const key = uniqueKey();
        const first = customerTurn(1);
        const second = customerTurn(2);
        const storedFirst = await journal.commit(key, first, envelopeOf(first));
        const env2 = envelopeOf(second);
        await journal.commit(key, second, env2);

        expect(await journal.commit(key, first, envelopeOf(first))).toEqual(storedFirst);
        expect(await journal.lastCommitted(key)).toEqual({ seq: 2, envelope: copyOf(env2) });
        expect(await transcripts.list(key)).toHaveLength(6);
      });

      it('should not take a different turn under a seq it already holds', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1);
        const env = envelopeOf(turn);
        await journal.commit(key, turn, env);
        const impostor = customerTurn(1);
        // Its lines were never stored: nothing comes back and nothing is written.
        expect(await journal.commit(key, impostor, envelopeOf(impostor))).toEqual([]);
        expect(await transcripts.list(key)).toHaveLength(3);
        expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: copyOf(env) });
      });

      it('should store a turn once when several completions of it run at the same time', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1);
        const env = envelopeOf(turn);
        const results = await Promise.all(Array.from({ length: 4 }, () => journal.commit(key, turn, env)));
        for (const r of results) expect(r).toEqual(results[0]);
        expect(results[0]!.map((l) => l.seq)).toEqual([1, 2, 3]);
        expect(await transcripts.list(key)).toHaveLength(3);
      });
    });

    describe('turns refused for good (the host quarantines them)', () => {
      it('should refuse an envelope that cannot be serialised, recognisably, and write nothing', async () => {
        const key = uniqueKey();
        const first = customerTurn(1);
        const env1 = envelopeOf(first);
        await journal.commit(key, first, env1);
        const poisoned = customerTurn(2);
        const err = await journal.commit(key, poisoned, envelopeOf(poisoned, { value: 'triage', context: { big: 10n } })).then(
          () => expect.unreachable('the commit should have been refused'),
          (e: unknown) => e,
        );

        expect(isRefusedForGood(err)).toBe(true);
        expect(await transcripts.list(key)).toHaveLength(3);
        expect(await transcripts.hasInbound(key, poisoned.inboundMessageId!)).toBe(false);
        expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: copyOf(env1) });
      });

      it('should refuse a turn whose times are not times, recognisably, and write nothing', async () => {
        const key = uniqueKey();
        const badTimer = { ...customerTurn(1), idleCloseAt: 'mañana' };
        const badLine = customerTurn(1);
        badLine.entries[1] = { ...badLine.entries[1]!, at: 'not a time' };
        for (const turn of [badTimer, badLine]) {
          const err = await journal.commit(key, turn, envelopeOf(turn)).then(
            () => expect.unreachable('the commit should have been refused'),
            (e: unknown) => e,
          );
          expect(isRefusedForGood(err)).toBe(true);
        }
        expect(await transcripts.list(key)).toEqual([]);
        expect(await journal.lastCommitted(key)).toEqual({ seq: 0, envelope: null });
        expect(await dueOf([key], T0 + 365 * 86_400_000)).toEqual([]);
      });

      it('should take the next good turn under the refused turn\'s seq', async () => {
        const key = uniqueKey();
        const refused = customerTurn(1);
        await expect(journal.commit(key, refused, envelopeOf(refused, { context: { big: 1n } }))).rejects.toBeDefined();
        const good = customerTurn(1);
        expect((await journal.commit(key, good, envelopeOf(good))).map((l) => l.seq)).toEqual([1, 2, 3]);
        expect((await journal.lastCommitted(key)).seq).toBe(1);
      });
    });

    describe('idle-close timers', () => {
      it('should arm the timer of a committed turn and find it due at its time, not before', async () => {
        const key = uniqueKey();
        const at = T0 + 600_000;
        const turn = customerTurn(1, { idleCloseAt: at });
        await journal.commit(key, turn, envelopeOf(turn));

        expect(await dueOf([key], at - 1)).toEqual([]);
        expect(await dueOf([key], at)).toEqual([{ key, seq: 1 }]);
        expect(await dueOf([key], at + 86_400_000)).toEqual([{ key, seq: 1 }]);
      });

      it('should let a later turn re-arm the timer, and a turn without one disarm it', async () => {
        const key = uniqueKey();
        const first = customerTurn(1, { idleCloseAt: T0 + 60_000 });
        const second = customerTurn(2, { idleCloseAt: T0 + 120_000 });
        await journal.commit(key, first, envelopeOf(first));
        await journal.commit(key, second, envelopeOf(second));
        expect(await dueOf([key], T0 + 90_000)).toEqual([]);
        expect(await dueOf([key], T0 + 120_000)).toEqual([{ key, seq: 2 }]);

        const closing = quietTurn(3, 1, null);
        await journal.commit(key, closing, envelopeOf(closing));
        expect(await dueOf([key], T0 + 86_400_000)).toEqual([]);
      });

      it('should move a timer, or remove it, only for the turn that armed it', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1, { idleCloseAt: T0 + 60_000 });
        await journal.commit(key, turn, envelopeOf(turn));

        await journal.deferIdleClose(key, 1, T0 + 300_000);
        expect(await dueOf([key], T0 + 60_000)).toEqual([]);
        expect(await dueOf([key], T0 + 300_000)).toEqual([{ key, seq: 1 }]);

        // A timer armed by an older turn: the newer turn's timer stays.
        const next = customerTurn(2, { idleCloseAt: T0 + 400_000 });
        await journal.commit(key, next, envelopeOf(next));
        await journal.deferIdleClose(key, 1, null);
        await journal.deferIdleClose(key, 1, T0 + 900_000);
        expect(await dueOf([key], T0 + 400_000)).toEqual([{ key, seq: 2 }]);

        await journal.deferIdleClose(key, 2, null);
        expect(await dueOf([key], T0 + 86_400_000)).toEqual([]);
        // A removed timer is not brought back by a late deferral.
        await journal.deferIdleClose(key, 2, T0 + 500_000);
        expect(await dueOf([key], T0 + 86_400_000)).toEqual([]);
      });

      it('should not arm a timer for a turn that has none, nor let a deferral invent one', async () => {
        const key = uniqueKey();
        const turn = customerTurn(1, { idleCloseAt: null });
        await journal.commit(key, turn, envelopeOf(turn));
        await journal.deferIdleClose(key, 1, T0 + 10_000);
        expect(await dueOf([key], T0 + 86_400_000)).toEqual([]);
      });

      it('should scan every tenant, earliest first, at most `limit`', async () => {
        // Due in 2001, earlier than any other test's timers: a shared database's other rows sort after these.
        const base = Date.parse('2001-01-01T00:00:00.000Z');
        const keys = [uniqueKey('late'), uniqueKey('early'), uniqueKey('middle')];
        const offsets = [30_000, 10_000, 20_000];
        for (const [i, key] of keys.entries()) {
          const turn = { ...customerTurn(1), idleCloseAt: iso(base + offsets[i]!) };
          await journal.commit(key, turn, envelopeOf(turn));
        }
        expect(await dueOf(keys, base + 60_000)).toEqual([keys[1], keys[2], keys[0]].map((key) => ({ key, seq: 1 })));
        const firstTwo = await journal.dueIdleCloses(base + 60_000, 2);
        expect(firstTwo).toEqual([keys[1], keys[2]].map((key) => ({ key, seq: 1 })));
        for (const key of keys) await journal.deferIdleClose(key, 1, null);
      });
    });
  });
}
