import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

const T0 = Date.parse('2026-11-22T12:00:00.000Z');

function turn(seq: number, idleCloseAt: number | null, channel = 'rest'): TurnRecord {
  return {
    seq,
    inboundMessageId: `in-${seq}`,
    entries: [
      { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel, text: `pregunta ${seq}`, at: new Date(T0 + seq * 1000).toISOString() },
      { messageId: `out-${seq}-a`, direction: 'out', author: 'bot', channel, text: `respuesta ${seq}`, at: new Date(T0 + seq * 1000).toISOString(), intent: 'greeting' },
      { messageId: `out-${seq}-b`, direction: 'out', author: 'bot', channel, text: `¿algo más?`, at: new Date(T0 + seq * 1000).toISOString() },
    ],
    phase: 'triage',
    idleCloseAt: idleCloseAt === null ? null : new Date(idleCloseAt).toISOString(),
  };
}

const envelope = (seq: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch: 0, seq, savedAt: new Date(T0 + seq * 1000).toISOString(), snapshot: { value: { triage: 'idle' }, context: { turn: seq } } });

describe.each(SQL_BACKENDS)('SQL turn journal on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  const newKey = () => ({ tenantId: `tenant-${randomUUID()}`, conversationId: `c-${randomUUID()}` });

  it('should write a turn once: the same seq again returns the stored lines and writes nothing', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    const first = await journal.commit(key, turn(1, null), { ...envelope(1), turn: turn(1, null) } as SnapshotEnvelope);
    expect(first.map((l) => l.seq)).toEqual([1, 2, 3]);
    const again = await journal.commit(key, turn(1, null), envelope(1));
    expect(again).toEqual(first);
    const second = await journal.commit(key, turn(2, null), envelope(2));
    expect(second.map((l) => l.seq)).toEqual([4, 5, 6]);
    const lines = await createSqlTranscriptStore(opened.db).list(key);
    expect(lines.map((l) => l.messageId)).toEqual(['in-1', 'out-1-a', 'out-1-b', 'in-2', 'out-2-a', 'out-2-b']);
    // The snapshot copy is stored without the turn record.
    expect(await journal.lastCommitted(key)).toEqual({ seq: 2, envelope: envelope(2) });
  });

  it('should write one pending outbox row per reply on sender channels and none on transcript channels', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    await journal.commit(key, turn(1, null, 'whatsapp'), envelope(1));
    await journal.commit(key, turn(2, null, 'rest'), envelope(2));
    await journal.commit(key, turn(2, null, 'rest'), envelope(2));
    const rows = await opened.db.em().execute<{ idempotency_key: string; status: string }[]>(
      `select idempotency_key, status from outbox_entries where tenant_id = ? order by id`,
      [key.tenantId],
    );
    expect(rows).toEqual([
      { idempotency_key: `reply:${key.conversationId}:out-1-a`, status: 'pending' },
      { idempotency_key: `reply:${key.conversationId}:out-1-b`, status: 'pending' },
    ]);
    // The REST turn is in the transcript all the same.
    expect((await createSqlTranscriptStore(opened.db).list(key)).map((l) => l.messageId)).toEqual(['in-1', 'out-1-a', 'out-1-b', 'in-2', 'out-2-a', 'out-2-b']);
  });

  it('should read a snapshot copy written before the json column (jsonb), and move it there on the next turn', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    await journal.commit(key, turn(1, null), envelope(1));
    // A conversation whose last turn predates Migration20261204000000_snapshot_json: only the jsonb copy.
    await opened.db.em().execute(`update conversations set snapshot = snapshot_json::jsonb, snapshot_json = null where tenant_id = ? and id = ?`, [key.tenantId, key.conversationId], 'run');
    expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: envelope(1) });
    await journal.commit(key, turn(2, null), envelope(2));
    expect(await journal.lastCommitted(key)).toEqual({ seq: 2, envelope: envelope(2) });
    const rows = await opened.db.em().execute<{ old: boolean; json: boolean }[]>(
      `select snapshot is null as old, snapshot_json is not null as json from conversations where tenant_id = ? and id = ?`,
      [key.tenantId, key.conversationId],
    );
    expect(rows).toEqual([{ old: true, json: true }]);
  });

  it('should report due idle-close timers and defer or drop only the timer of the given turn', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    const mine = async (now: number) => (await journal.dueIdleCloses(now, 1000)).filter((d) => d.key.tenantId === key.tenantId);
    await journal.commit(key, turn(1, T0 + 60_000), envelope(1));
    expect(await mine(T0 + 59_000)).toEqual([]);
    expect(await mine(T0 + 60_000)).toEqual([{ key, seq: 1 }]);
    await journal.deferIdleClose(key, 1, T0 + 120_000);
    expect(await mine(T0 + 119_000)).toEqual([]);
    expect(await mine(T0 + 120_000)).toEqual([{ key, seq: 1 }]);
    // A later turn re-armed the timer: deferring the old one changes nothing.
    await journal.commit(key, turn(2, T0 + 200_000), envelope(2));
    await journal.deferIdleClose(key, 1, null);
    expect(await mine(T0 + 200_000)).toEqual([{ key, seq: 2 }]);
    await journal.deferIdleClose(key, 2, null);
    expect(await mine(T0 + 10_000_000)).toEqual([]);
  });
});
