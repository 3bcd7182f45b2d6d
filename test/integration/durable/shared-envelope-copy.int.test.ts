import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelopeJsonMemo, type EnvelopeJsonMemo } from '../../../src/persistence/memory/envelope-json.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import type { DurableSnapshotEnvelope, TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createRedisSnapshotStore, envelopeTexts, type RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const T0 = Date.parse('2026-12-06T12:00:00.000Z');

function turnOf(seq: number, text: string): TurnRecord {
  const at = new Date(T0 + seq * 1000).toISOString();
  return {
    seq,
    inboundMessageId: `in-${seq}`,
    entries: [
      { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel: 'rest', text, at },
      { messageId: `out-${seq}`, direction: 'out', author: 'bot', channel: 'rest', text: `respuesta ${seq}`, at },
    ],
    phase: 'triage',
    idleCloseAt: null,
  };
}

function envelopeOf(seq: number, context: Record<string, unknown>): DurableSnapshotEnvelope {
  return { v: 1, machineVersion: 1, epoch: 0, seq, savedAt: new Date(T0 + seq * 1000).toISOString(), snapshot: { value: { triage: 'idle' }, context }, turn: turnOf(seq, `pregunta ${seq}`) };
}

const withoutTurn = (e: DurableSnapshotEnvelope): SnapshotEnvelope => {
  const { turn: _turn, ...copy } = e;
  return copy;
};

/** The memo of src/runtime/storage.ts, counting the texts the journal actually took. */
function countingMemo(): EnvelopeJsonMemo & { taken: number } {
  const inner = createEnvelopeJsonMemo();
  const memo = {
    taken: 0,
    remember: inner.remember,
    take(envelope: SnapshotEnvelope) {
      const text = inner.take(envelope);
      if (text !== undefined) memo.taken++;
      return text;
    },
  };
  return memo;
}

describe('envelopeTexts', () => {
  it('should give the envelope with its turn and the copy without it, from one serialisation of the snapshot', () => {
    const envelope = envelopeOf(3, { note: 'comillas "dobles" y \\ barras', n: [1, 2] });
    const { full, copy } = envelopeTexts(envelope);
    expect(JSON.parse(full)).toEqual(envelope);
    expect(copy).toBe(JSON.stringify(withoutTurn(envelope)));
    expect(full.startsWith(copy.slice(0, -1))).toBe(true);
  });

  it('should give one text when the envelope has no turn', () => {
    const envelope = withoutTurn(envelopeOf(1, {}));
    expect(envelopeTexts(envelope)).toEqual({ full: JSON.stringify(envelope), copy: JSON.stringify(envelope) });
  });
});

/**
 * The durable wiring (src/runtime/storage.ts) on real Redis and PostgreSQL: the Redis put (commit
 * step 1) hands the journal (step 2) its text of the envelope without the turn, and the journal
 * stores that text as the snapshot copy, still made safe for PostgreSQL.
 */
describe('Redis snapshot store and SQL turn journal sharing one envelope serialisation', () => {
  let opened: OpenedTestDatabase;
  let store: RedisSnapshotStore;
  let memo: ReturnType<typeof countingMemo>;
  const prefix = `shared-copy-${randomUUID()}`;

  beforeAll(async () => {
    opened = await postgresBackend.open();
    memo = countingMemo();
    store = createRedisSnapshotStore({ url: REDIS_URL, prefix, envelopeCopyJson: memo });
  });

  afterAll(async () => {
    await store?.close();
    await opened?.dispose();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const newKey = () => ({ tenantId: 'ferreteria', conversationId: `c-${randomUUID()}` });

  it('should store the snapshot store\'s copy as the journal\'s, without the turn', async () => {
    const journal = createSqlTurnJournal(opened.db, { envelopeCopyJson: memo });
    const key = newKey();
    const envelope = envelopeOf(1, { cart: ['cemento gris'], note: 'con "comillas"' });
    expect(await store.put(key, envelope)).toEqual({ ok: true });
    const takenBefore = memo.taken;
    const stored = await journal.commit(key, envelope.turn!, envelope);
    expect(memo.taken).toBe(takenBefore + 1);
    expect(stored.map((l) => l.messageId)).toEqual(['in-1', 'out-1']);
    expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: withoutTurn(envelope) });
    // Redis holds the envelope with its turn (what activation completes a half-committed turn from).
    expect(await store.get(key)).toEqual(envelope);
  });

  it('should make a shared copy with a NUL or an unpaired surrogate safe before PostgreSQL sees it', async () => {
    const journal = createSqlTurnJournal(opened.db, { envelopeCopyJson: memo });
    const key = newKey();
    const envelope = envelopeOf(1, { said: 'hola\u0000 mundo \ud800 fin' });
    expect(await store.put(key, envelope)).toEqual({ ok: true });
    const takenBefore = memo.taken;
    await journal.commit(key, envelope.turn!, envelope);
    expect(memo.taken).toBe(takenBefore + 1);
    const copy = (await journal.lastCommitted(key)).envelope as { snapshot: { context: { said: string } } };
    expect(copy.snapshot.context.said).toBe('hola mundo \ufffd fin');
  });

  it('should serialise afresh an envelope the store did not write, or one changed after the put', async () => {
    const journal = createSqlTurnJournal(opened.db, { envelopeCopyJson: memo });
    const key = newKey();
    const first = envelopeOf(1, { step: 'uno' });
    // Never put: nothing to share.
    await journal.commit(key, first.turn!, first);
    expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: withoutTurn(first) });
    const second = envelopeOf(2, { step: 'dos' });
    expect(await store.put(key, second)).toEqual({ ok: true });
    // The caller reuses the object for another seq: the remembered text is for seq 2, not this one.
    const third = Object.assign(second, { seq: 3, turn: turnOf(3, 'pregunta 3') });
    const takenBefore = memo.taken;
    await journal.commit(key, third.turn, third);
    expect(memo.taken).toBe(takenBefore);
    expect(await journal.lastCommitted(key)).toEqual({ seq: 3, envelope: withoutTurn(third) });
  });
});
