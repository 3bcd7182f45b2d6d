import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const T0 = Date.parse('2026-11-22T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function turn(seq: number, options: { phase?: string; idleCloseAt?: number | null; at?: number; channel?: string; inId?: string } = {}): TurnRecord {
  const at = iso(options.at ?? T0 + seq * 1000);
  const channel = options.channel ?? 'whatsapp';
  return {
    seq,
    inboundMessageId: options.inId ?? `in-${seq}`,
    entries: [
      { messageId: options.inId ?? `in-${seq}`, direction: 'in', author: 'customer', channel, text: `pregunta ${seq}`, at },
      { messageId: `out-${seq}-a`, direction: 'out', author: 'bot', channel, text: `respuesta ${seq}`, at, intent: 'greeting' },
      { messageId: `out-${seq}-b`, direction: 'out', author: 'agent', channel, text: '¿algo más?', at, agentName: 'Ana' },
    ],
    phase: options.phase ?? 'triage',
    idleCloseAt: options.idleCloseAt === undefined || options.idleCloseAt === null ? null : iso(options.idleCloseAt),
  };
}

const envelope = (seq: number, savedAt = T0 + seq * 1000): SnapshotEnvelope => ({
  v: 1,
  machineVersion: 1,
  epoch: 0,
  seq,
  savedAt: iso(savedAt),
  snapshot: { value: { triage: 'idle' }, context: { turn: seq } },
});

interface ConversationRow {
  phase: string;
  started_at: string;
  last_activity_at: string;
  closed_at: string | null;
  last_seq: number;
  snapshot_seq: number;
  idle_close_at: string | null;
  idle_close_seq: number | null;
}

describe.each(SQL_BACKENDS)('SQL turn journal commit on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  const newKey = () => ({ tenantId: `tenant-${randomUUID()}`, conversationId: `c-${randomUUID()}` });

  const conversation = async (key: { tenantId: string; conversationId: string }): Promise<ConversationRow> => {
    const rows = await opened.db.em().execute<ConversationRow[]>(
      `select phase, started_at, last_activity_at, closed_at, last_seq, snapshot_seq, idle_close_at, idle_close_seq
       from conversations where tenant_id = ? and id = ?`,
      [key.tenantId, key.conversationId],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('no conversation row');
    const ts = (v: string | null) => (v === null ? null : new Date(v).toISOString());
    return { ...row, started_at: ts(row.started_at) as string, last_activity_at: ts(row.last_activity_at) as string, closed_at: ts(row.closed_at), idle_close_at: ts(row.idle_close_at) };
  };
  const outboxKeys = async (tenantId: string): Promise<string[]> =>
    (await opened.db.em().execute<{ idempotency_key: string }[]>(`select idempotency_key from outbox_entries where tenant_id = ? order by id`, [tenantId])).map(
      (r) => r.idempotency_key,
    );

  it('should store a turn once when several completions of it run at the same time, new conversation or not', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    // Turn 1 races on a conversation row that does not exist yet (insert against insert) …
    const firsts = await Promise.all(Array.from({ length: 4 }, () => journal.commit(key, turn(1), envelope(1))));
    // … turn 2 on one that does (update against update).
    const seconds = await Promise.all(Array.from({ length: 4 }, () => journal.commit(key, turn(2), envelope(2))));
    for (const r of firsts) expect(r).toEqual(firsts[0]);
    for (const r of seconds) expect(r).toEqual(seconds[0]);
    expect(firsts[0]?.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(seconds[0]).toEqual([
      { seq: 4, messageId: 'in-2', direction: 'in', author: 'customer', channel: 'whatsapp', text: 'pregunta 2', at: iso(T0 + 2000) },
      { seq: 5, messageId: 'out-2-a', direction: 'out', author: 'bot', channel: 'whatsapp', text: 'respuesta 2', at: iso(T0 + 2000), intent: 'greeting' },
      { seq: 6, messageId: 'out-2-b', direction: 'out', author: 'agent', channel: 'whatsapp', text: '¿algo más?', at: iso(T0 + 2000), agentName: 'Ana' },
    ]);
    expect(await createSqlTranscriptStore(opened.db).list(key)).toEqual([...(firsts[0] ?? []), ...(seconds[0] ?? [])]);
    expect(await outboxKeys(key.tenantId)).toEqual(['out-1-a', 'out-1-b', 'out-2-a', 'out-2-b'].map((id) => `reply:${key.conversationId}:${id}`));
    expect((await conversation(key)).last_seq).toBe(6);
  });

  it('should answer a re-commit after success with the stored rows, even when its record differs, and change nothing', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    const stored = await journal.commit(key, turn(1, { idleCloseAt: T0 + 60_000 }), envelope(1));
    const before = await conversation(key);
    // A stale record of the same seq (other phase, timer, time) must not overwrite what SQL holds.
    const again = await journal.commit(key, turn(1, { phase: 'closed', idleCloseAt: null, at: T0 + 99_000 }), envelope(1, T0 + 99_000));
    expect(again).toEqual(stored);
    expect(await conversation(key)).toEqual(before);
    expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: envelope(1) });
    // An older turn after a newer one is also a no-op.
    await journal.commit(key, turn(2), envelope(2));
    const after2 = await conversation(key);
    expect(await journal.commit(key, turn(1), envelope(1))).toEqual(stored);
    expect(await conversation(key)).toEqual(after2);
  });

  it('should keep the conversation row as before: start, latest activity, timer of the turn, closed time kept while closed', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    await journal.commit(key, turn(1, { at: T0, idleCloseAt: T0 + 60_000 }), envelope(1, T0 + 500));
    expect(await conversation(key)).toEqual({
      phase: 'triage',
      started_at: iso(T0),
      last_activity_at: iso(T0 + 500),
      closed_at: null,
      last_seq: 3,
      snapshot_seq: 1,
      idle_close_at: iso(T0 + 60_000),
      idle_close_seq: 1,
    });
    await journal.commit(key, turn(2, { phase: 'closed' }), envelope(2, T0 + 10_000));
    // A turn saved with an earlier clock (another member's) never moves activity or the close time back.
    await journal.commit(key, turn(3, { phase: 'closed' }), envelope(3, T0 + 5_000));
    expect(await conversation(key)).toEqual({
      phase: 'closed',
      started_at: iso(T0),
      last_activity_at: iso(T0 + 10_000),
      closed_at: iso(T0 + 10_000),
      last_seq: 9,
      snapshot_seq: 3,
      idle_close_at: null,
      idle_close_seq: null,
    });
    await journal.commit(key, turn(4, { idleCloseAt: T0 + 90_000 }), envelope(4, T0 + 20_000));
    expect(await conversation(key)).toMatchObject({ phase: 'triage', closed_at: null, last_seq: 12, snapshot_seq: 4, idle_close_at: iso(T0 + 90_000), idle_close_seq: 4 });
  });

  it('should write nothing of a turn whose rows are refused (the statement is the transaction)', async () => {
    const journal = createSqlTurnJournal(opened.db);
    const key = newKey();
    await journal.commit(key, turn(1), envelope(1));
    const before = await conversation(key);
    // Turn 2 reuses turn 1's inbound message id: the messages unique key refuses it.
    await expect(journal.commit(key, turn(2, { inId: 'in-1' }), envelope(2))).rejects.toMatchObject({ code: '23505' });
    expect(await conversation(key)).toEqual(before);
    expect((await createSqlTranscriptStore(opened.db).list(key)).map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(await outboxKeys(key.tenantId)).toEqual([`reply:${key.conversationId}:out-1-a`, `reply:${key.conversationId}:out-1-b`]);
    expect(await journal.lastCommitted(key)).toEqual({ seq: 1, envelope: envelope(1) });
  });
});
