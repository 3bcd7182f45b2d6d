import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRefusedForGood } from '../../../src/actors/journal-refusal.js';
import type { ShardFence } from '../../../src/persistence/ports/shard-fence.js';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import type { TranscriptEntry } from '../../../src/persistence/ports/transcript-store.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from './sql-backends.js';

const T0 = Date.parse('2026-12-04T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A turn of conversation number `c`, varied so every column and branch of the statement is used:
 * provider channels (outbox rows, with the recipient) and transcript channels (none), options,
 * media, language, an idle-close timer or none, a closed phase.
 */
function turn(c: number, seq: number, options: { inId?: string } = {}): TurnRecord {
  const at = iso(T0 + c * 100_000 + seq * 1000);
  const channel = ['whatsapp', 'rest', 'telegram', 'web'][c % 4] as string;
  const inId = options.inId ?? `in-${c}-${seq}`;
  return {
    seq,
    inboundMessageId: inId,
    entries: [
      { messageId: inId, direction: 'in', author: 'customer', channel, text: `pregunta ${seq}`, at, ...(c % 3 === 0 ? { media: [{ kind: 'image', id: `m-${c}-${seq}`, caption: 'foto' }] } : {}) },
      { messageId: `out-${c}-${seq}-a`, direction: 'out', author: 'bot', channel, text: `respuesta ${seq}`, at, intent: 'greeting', lang: seq % 2 === 0 ? 'en' : 'es' },
      ...(seq % 2 === 1 ? [{ messageId: `out-${c}-${seq}-b`, direction: 'out' as const, author: 'bot' as const, channel, text: '¿algo más?', at, options: [{ label: 'Sí', text: 'sí' }] }] : []),
    ],
    phase: c % 5 === 0 && seq === 3 ? 'closed' : 'triage',
    idleCloseAt: c % 2 === 0 ? iso(T0 + c * 100_000 + seq * 1000 + 60_000) : null,
    // Some recipients are on another channel than the replies' (their rows then carry none).
    recipient: c % 8 === 6 ? { channel: 'whatsapp', to: `+3460000${c}` } : channel === 'whatsapp' || channel === 'telegram' ? { channel, to: `+3460000${c}` } : null,
  };
}

const envelope = (c: number, seq: number): SnapshotEnvelope => ({
  v: 1,
  machineVersion: 1,
  epoch: 0,
  seq,
  savedAt: iso(T0 + c * 100_000 + seq * 1000 + 500),
  snapshot: { value: { triage: 'idle' }, context: { conversation: c, turn: seq } },
});

const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v).toISOString() : v);
const normalised = <T extends Record<string, unknown>>(rows: T[]): Record<string, unknown>[] => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));

describe.each(SQL_BACKENDS)('SQL turn journal group commit on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  /** Every row a tenant's turns wrote, without surrogate ids (outbox ids follow arrival order). */
  const rowsOf = async (tenantId: string) => {
    const em = opened.db.em();
    const conversations = await em.execute<Record<string, unknown>[]>(
      `select id, phase, started_at, last_activity_at, closed_at, last_seq, snapshot_seq, snapshot_json::text as snapshot_json, snapshot, idle_close_at, idle_close_seq
       from conversations where tenant_id = ? order by id`,
      [tenantId],
    );
    const messages = await em.execute<Record<string, unknown>[]>(
      `select conversation_id, seq, message_id, direction, author, channel, text, intent, agent_name, lang, options, media, created_at
       from messages where tenant_id = ? order by conversation_id, seq`,
      [tenantId],
    );
    const outbox = await em.execute<Record<string, unknown>[]>(
      `select conversation_id, kind, payload, status, next_attempt_at, idempotency_key, created_at
       from outbox_entries where tenant_id = ? order by idempotency_key`,
      [tenantId],
    );
    return { conversations: normalised(conversations), messages: normalised(messages), outbox: normalised(outbox) };
  };
  const conversationsOf = (n: number) => Array.from({ length: n }, (_, c) => c);
  const keyOf = (tenantId: string, c: number) => ({ tenantId, conversationId: `c-${c}` });

  it('should write exactly the rows of sequential commits when many conversations commit at once, in batches', async () => {
    const sequentialTenant = `seq-${randomUUID()}`;
    const concurrentTenant = `conc-${randomUUID()}`;
    const conversations = conversationsOf(24);
    const sequential = createSqlTurnJournal(opened.db, { maxBatch: 1 });
    const seqAnswers = new Map<string, TranscriptEntry[]>();
    for (const seq of [1, 2, 3]) {
      for (const c of conversations) seqAnswers.set(`${c}/${seq}`, await sequential.commit(keyOf(sequentialTenant, c), turn(c, seq), envelope(c, seq)));
    }
    expect(sequential.groupCommitStats()).toMatchObject({ batches: 0, alone: 72 });

    const journal = createSqlTurnJournal(opened.db, { maxBatch: 8 });
    const concAnswers = new Map<string, TranscriptEntry[]>();
    // Each conversation's turns in order (as its mailbox would), all conversations at once.
    await Promise.all(
      conversations.map(async (c) => {
        for (const seq of [1, 2, 3]) concAnswers.set(`${c}/${seq}`, await journal.commit(keyOf(concurrentTenant, c), turn(c, seq), envelope(c, seq)));
      }),
    );
    const stats = journal.groupCommitStats();
    expect(stats?.batches).toBeGreaterThan(0);
    expect(stats?.largestBatch).toBeLessThanOrEqual(8);
    expect(stats?.failedBatches).toBe(0);
    expect((stats?.alone ?? 0) + (stats?.batchedItems ?? 0)).toBe(72);
    expect(stats?.statements).toBeLessThan(72);

    expect(concAnswers).toEqual(seqAnswers);
    const a = await rowsOf(sequentialTenant);
    const b = await rowsOf(concurrentTenant);
    expect(b).toEqual(a);
    // Gap-free seqs per conversation, and what the rows hold is what the callers were told.
    for (const c of conversations) {
      const listed = await createSqlTranscriptStore(opened.db).list(keyOf(concurrentTenant, c));
      expect(listed.map((l) => l.seq)).toEqual(Array.from({ length: listed.length }, (_, i) => i + 1));
      expect(listed).toEqual([1, 2, 3].flatMap((seq) => concAnswers.get(`${c}/${seq}`) ?? []));
    }
    // The rows exercised what they should: outbox rows (with recipients) only for provider channels, timers, a closed conversation.
    expect(b.outbox.length).toBeGreaterThan(0);
    expect(b.outbox.every((o) => !['rest', 'web'].includes((o.payload as { channel: string }).channel))).toBe(true);
    expect(b.outbox.some((o) => (o.payload as { recipient?: string }).recipient !== undefined)).toBe(true);
    expect(b.outbox.some((o) => (o.payload as { recipient?: string }).recipient === undefined)).toBe(true);
    expect(b.conversations.some((r) => r.phase === 'closed' && r.closed_at !== null)).toBe(true);
    expect(b.conversations.some((r) => r.idle_close_at !== null && r.idle_close_seq === 3)).toBe(true);
    expect(await journal.lastCommitted(keyOf(concurrentTenant, 7))).toEqual({ seq: 3, envelope: envelope(7, 3) });
  });

  it('should keep a later turn of a conversation already in the pile for the next batch, in order', async () => {
    const tenantId = `pile-${randomUUID()}`;
    const journal = createSqlTurnJournal(opened.db);
    // Conversation 1's turn 1 goes out alone; everything below piles up behind it.
    const commits = [
      journal.commit(keyOf(tenantId, 1), turn(1, 1), envelope(1, 1)),
      journal.commit(keyOf(tenantId, 2), turn(2, 1), envelope(2, 1)),
      journal.commit(keyOf(tenantId, 1), turn(1, 2), envelope(1, 2)),
      journal.commit(keyOf(tenantId, 3), turn(3, 1), envelope(3, 1)),
      journal.commit(keyOf(tenantId, 1), turn(1, 3), envelope(1, 3)),
      journal.commit(keyOf(tenantId, 2), turn(2, 2), envelope(2, 2)),
    ];
    const answers = await Promise.all(commits);
    // Alone (1/1), then 2/1 + 1/2 + 3/1, then 1/3 + 2/2.
    expect(journal.groupCommitStats()).toMatchObject({ alone: 1, batches: 2, batchedItems: 5, largestBatch: 3 });
    expect(answers.map((lines) => lines.map((l) => l.seq))).toEqual([[1, 2, 3], [1, 2, 3], [4, 5], [1, 2, 3], [6, 7, 8], [4, 5]]);
    const listed = await createSqlTranscriptStore(opened.db).list(keyOf(tenantId, 1));
    expect(listed.map((l) => l.messageId)).toEqual([...turn(1, 1).entries, ...turn(1, 2).entries, ...turn(1, 3).entries].map((e) => e.messageId));
    expect(await journal.lastCommitted(keyOf(tenantId, 1))).toEqual({ seq: 3, envelope: envelope(1, 3) });
  });

  it('should answer a replayed turn inside a batch with its stored lines and write nothing for it', async () => {
    const tenantId = `replay-${randomUUID()}`;
    const journal = createSqlTurnJournal(opened.db);
    const stored = await journal.commit(keyOf(tenantId, 1), turn(1, 1), envelope(1, 1));
    await journal.commit(keyOf(tenantId, 4), turn(4, 1), envelope(4, 1));
    const before = await rowsOf(tenantId);
    const beforeStats = journal.groupCommitStats();
    const [, replayed, staleReplay, fresh] = await Promise.all([
      journal.commit(keyOf(tenantId, 2), turn(2, 1), envelope(2, 1)),
      // Conversation 1's turn 1 again (activation after a crash), in the batch with conversation 3's first turn.
      journal.commit(keyOf(tenantId, 1), turn(1, 1), envelope(1, 1)),
      // An older turn of conversation 4, replayed with another record.
      journal.commit(keyOf(tenantId, 4), { ...turn(4, 1), phase: 'closed', idleCloseAt: null }, envelope(4, 1)),
      journal.commit(keyOf(tenantId, 3), turn(3, 1), envelope(3, 1)),
    ]);
    expect(journal.groupCommitStats()?.batches).toBe((beforeStats?.batches ?? 0) + 1);
    expect(replayed).toEqual(stored);
    expect(staleReplay.map((l) => l.messageId)).toEqual(turn(4, 1).entries.map((e) => e.messageId));
    expect(fresh.map((l) => l.seq)).toEqual([1, 2, 3]);
    const after = await rowsOf(tenantId);
    const untouched = (rows: typeof before, ids: string[]) => ({
      conversations: rows.conversations.filter((r) => ids.includes(r.id as string)),
      messages: rows.messages.filter((r) => ids.includes(r.conversation_id as string)),
      outbox: rows.outbox.filter((r) => ids.includes(r.conversation_id as string)),
    });
    expect(untouched(after, ['c-1', 'c-4'])).toEqual(untouched(before, ['c-1', 'c-4']));
    expect(after.conversations.map((r) => r.id)).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
  });

  it('should retry a failed batch turn by turn: the refused turn gets its own refusal, the others commit', async () => {
    const tenantId = `poison-${randomUUID()}`;
    const journal = createSqlTurnJournal(opened.db);
    await journal.commit(keyOf(tenantId, 1), turn(1, 1), envelope(1, 1));
    const settled = await Promise.allSettled([
      journal.commit(keyOf(tenantId, 9), turn(9, 1), envelope(9, 1)),
      journal.commit(keyOf(tenantId, 2), turn(2, 1), envelope(2, 1)),
      // Turn 2 of conversation 1 reuses turn 1's inbound message id: the messages unique key refuses it for good.
      journal.commit(keyOf(tenantId, 1), turn(1, 2, { inId: 'in-1-1' }), envelope(1, 2)),
      journal.commit(keyOf(tenantId, 3), turn(3, 1), envelope(3, 1)),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const refusal = (settled[2] as PromiseRejectedResult).reason as { code?: string };
    expect(refusal.code).toBe('23505');
    expect(isRefusedForGood(refusal)).toBe(true);
    expect(journal.groupCommitStats()).toMatchObject({ batches: 1, failedBatches: 1, retriedAlone: 3 });
    for (const c of [2, 3]) expect((await createSqlTranscriptStore(opened.db).list(keyOf(tenantId, c))).map((l) => l.seq)).toEqual([1, 2, 3]);
    // Nothing of the refused turn: conversation 1 still holds turn 1 only.
    expect(await journal.lastCommitted(keyOf(tenantId, 1))).toEqual({ seq: 1, envelope: envelope(1, 1) });
    expect((await createSqlTranscriptStore(opened.db).list(keyOf(tenantId, 1))).map((l) => l.seq)).toEqual([1, 2, 3]);
  });
  it('should not batch fenced turns: each keeps its own fenced statement', async () => {
    const tenantId = `fenced-${randomUUID()}`;
    const fence: ShardFence = { writer: () => ({ shard: 7, epoch: 1 }), refused: () => undefined };
    const journal = createSqlTurnJournal(opened.db, { fence });
    expect(journal.groupCommitStats()).toBeNull();
    const answers = await Promise.all(conversationsOf(6).map((c) => journal.commit(keyOf(tenantId, c), turn(c, 1), envelope(c, 1))));
    expect(answers.map((lines) => lines[0]?.seq)).toEqual([1, 1, 1, 1, 1, 1]);
    // The fenced statement wrote the shard on every conversation row (the batch statement has no shard column).
    const shards = await opened.db.em().execute<{ shard: number }[]>(`select shard from conversations where tenant_id = ?`, [tenantId]);
    expect(shards.map((r) => r.shard)).toEqual([7, 7, 7, 7, 7, 7]);
  });
});
