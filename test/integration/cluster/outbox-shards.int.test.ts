import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import type { OutboxEntry } from '../../../src/persistence/ports/outbox.js';
import type { ShardFence } from '../../../src/persistence/ports/shard-fence.js';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { backfillShards, createOutboxRepository, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { createSqlShardEpochs } from '../../../src/persistence/sql/sql-turn-fence.js';
import { shardOf } from '../../../src/runtime/shard-router.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';
import { conversationOnShard } from './cluster-harness.js';

/**
 * Issue 13, "outbox lanes and durable timers run per shard on its owner": each member claims only
 * the outbox rows of the shards it owns, under its epoch; a shard that moves hands its rows over
 * with no loss and no second send; idle-close timers are scanned per shard. Real PostgreSQL.
 */
const SHARDS = 4;
const TENANT = 't-outbox-shards';
const shard = (c: string): number => shardOf(TENANT, c, SHARDS);

describe('per-shard outbox claims and timer scans on PostgreSQL', () => {
  let opened: OpenedTestDatabase;
  const clock = createManualClock(Date.parse('2026-12-03T12:00:00.000Z'));
  beforeAll(async () => {
    opened = await postgresBackend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  const conv = (s: number, tag: string): string => conversationOnShard(TENANT, s, (t, c) => shardOf(t, c, SHARDS), tag);

  it('should let each member claim only its shards, fence a stale epoch and hand a moved shard’s rows over once', async () => {
    const outbox = createOutboxRepository({ db: opened.db, clock, shardOf: (t, c) => shardOf(t, c, SHARDS) });
    const epochs = createSqlShardEpochs(opened.db);
    // m-a owns shards 0 and 1, m-b shards 2 and 3, all at epoch 1.
    for (const s of [0, 1]) await epochs.raise(s, 1, 'm-a#1');
    for (const s of [2, 3]) await epochs.raise(s, 1, 'm-b#1');
    const ids: string[] = [];
    for (let s = 0; s < SHARDS; s++) {
      const c = conv(s, `claim-${s}`);
      for (let i = 0; i < 3; i++) {
        expect(await outbox.enqueue({ tenantId: TENANT, conversationId: c, kind: 'reply', payload: { n: i }, idempotencyKey: `k-${s}-${i}` })).toBe(true);
        ids.push(`k-${s}-${i}`);
      }
    }
    const a = await outbox.claimDue(50, 60_000, { shards: [{ shard: 0, epoch: 1 }, { shard: 1, epoch: 1 }] });
    const b = await outbox.claimDue(50, 60_000, { shards: [{ shard: 2, epoch: 1 }, { shard: 3, epoch: 1 }] });
    expect(a.map((e) => shard(e.conversationId)).sort()).toEqual([0, 0, 0, 1, 1, 1]);
    expect(b.map((e) => shard(e.conversationId)).sort()).toEqual([2, 2, 2, 3, 3, 3]);
    expect(a.every((e) => e.claimEpoch === 1 && e.shard === shard(e.conversationId))).toBe(true);
    // A member claiming nothing it owns claims nothing (never the whole table).
    expect(await outbox.claimDue(50, 60_000, { shards: [] })).toEqual([]);

    // m-a sends shard 1's first row, then shard 1 moves to m-b under epoch 2 (m-a died or paused).
    const shard1 = a.filter((e) => e.shard === 1);
    await outbox.markDone(shard1[0]!.id, { providerMessageId: 'sent-by-a' });
    expect(await epochs.raise(1, 2, 'm-b#1')).toEqual({ epoch: 2, holder: 'm-b#1' });
    // m-a, still at epoch 1, is fenced on shard 1 (no rows) and keeps shard 0 (nothing due: claimed).
    expect(await outbox.claimDue(50, 60_000, { shards: [{ shard: 0, epoch: 1 }, { shard: 1, epoch: 1 }] })).toEqual([]);
    // m-b takes over at once (well before the 60 s lease) the two rows m-a claimed and never finished.
    const taken = await outbox.claimDue(50, 60_000, { shards: [{ shard: 1, epoch: 2 }, { shard: 2, epoch: 1 }, { shard: 3, epoch: 1 }] });
    expect(taken.map((e) => e.id)).toEqual(shard1.slice(1).map((e) => e.id));
    expect(taken.every((e) => e.claimEpoch === 2)).toBe(true);
    // m-a's release of a row it no longer holds changes nothing; m-b's claims stand.
    await outbox.release!(shard1[1]!.id, 1);
    expect(await outbox.claimDue(50, 60_000, { shards: [{ shard: 1, epoch: 2 }] })).toEqual([]);
    for (const e of [...taken, ...b, ...a.filter((r) => r.shard === 0)]) await outbox.markDone(e.id, {});
    const rows = await opened.db.em().execute<{ idempotency_key: string; status: string; attempts: number }[]>(`select idempotency_key, status, attempts from outbox_entries where tenant_id = ? order by id`, [TENANT]);
    expect(rows.map((r) => r.idempotency_key)).toEqual(ids);
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    console.log(`[outbox shards] ${rows.length} rows over ${SHARDS} shards: m-a claimed ${a.length}, m-b ${b.length}; shard 1 moved: m-a fenced (0 rows), m-b took over ${taken.length} unfinished rows at once; every row done once`);
  });

  it('should put a released row back for the next owner without counting the attempt', async () => {
    const outbox = createOutboxRepository({ db: opened.db, clock, shardOf: (t, c) => shardOf(t, c, SHARDS) });
    const c = conv(0, 'release');
    await outbox.enqueue({ tenantId: TENANT, conversationId: c, kind: 'reply', payload: {}, idempotencyKey: 'rel-1' });
    const [row] = (await outbox.claimDue(10, 60_000, { shards: [{ shard: 0, epoch: 1 }], tenantId: TENANT })) as [OutboxEntry];
    expect(row.attempts).toBe(1);
    await outbox.release!(row.id, 1);
    const [again] = (await outbox.claimDue(10, 60_000, { shards: [{ shard: 0, epoch: 1 }], tenantId: TENANT })) as [OutboxEntry];
    expect(again.id).toBe(row.id);
    expect(again.attempts).toBe(1);
    await outbox.markDone(again.id, {});
  });

  it('should scan the idle-close timers of the given shards only, the fenced journal writing each conversation’s shard', async () => {
    let writer = { shard: 0, epoch: 1 as number | null };
    const fence: ShardFence = { writer: () => writer, refused: () => undefined };
    const journal = createSqlTurnJournal(opened.db, { fence });
    const at = new Date(clock.now()).toISOString();
    const turn = (c: string): TurnRecord => ({
      seq: 1,
      inboundMessageId: `in-${c}`,
      entries: [{ messageId: `in-${c}`, direction: 'in', author: 'customer', channel: 'telegram', text: 'hola', at }, { messageId: `out-${c}`, direction: 'out', author: 'bot', channel: 'telegram', text: 'buenas', at }],
      phase: 'triage',
      idleCloseAt: new Date(clock.now() - 1_000).toISOString(),
    });
    const byShard = new Map<number, string>();
    for (const s of [0, 2, 3]) {
      const c = conv(s, `timer-${s}`);
      byShard.set(s, c);
      writer = { shard: s, epoch: 1 };
      await journal.commit({ tenantId: TENANT, conversationId: c }, turn(c), { v: 1, machineVersion: 1, epoch: 1, seq: 1, savedAt: at, snapshot: { value: 'x', context: {} } });
    }
    const due = async (shards?: number[]): Promise<string[]> => (await journal.dueIdleCloses(clock.now(), 100, shards)).map((d) => d.key.conversationId).filter((id) => id.startsWith('timer-')).sort();
    expect(await due([2, 3])).toEqual([byShard.get(2)!, byShard.get(3)!].sort());
    expect(await due([0])).toEqual([byShard.get(0)!]);
    expect(await due([1])).toEqual([]);
    expect(await due([])).toEqual([]);
    expect(await due()).toEqual([...byShard.values()].sort()); // one process: every timer
    // The reply row of the turn carries the shard too (claimed by that shard's owner).
    const [reply] = await opened.db.em().execute<{ shard: number }[]>(`select shard from outbox_entries where tenant_id = ? and conversation_id = ?`, [TENANT, byShard.get(3)!]);
    expect(reply!.shard).toBe(3);
  });

  it('should backfill the shard of rows written without one (before the column, or by one process)', async () => {
    const plain = createOutboxRepository({ db: opened.db, clock });
    const c = conv(2, 'backfill');
    await plain.enqueue({ tenantId: TENANT, conversationId: c, kind: 'reply', payload: {}, idempotencyKey: 'bf-1' });
    await opened.db.em().execute(`update conversations set shard = null where tenant_id = ?`, [TENANT], 'run');
    const filled = await backfillShards(opened.db, (t, id) => shardOf(t, id, SHARDS));
    expect(filled.outbox).toBeGreaterThanOrEqual(1);
    expect(filled.conversations).toBe(3);
    const [row] = await opened.db.em().execute<{ shard: number }[]>(`select shard from outbox_entries where idempotency_key = 'bf-1'`);
    expect(row!.shard).toBe(2);
    expect(await backfillShards(opened.db, (t, id) => shardOf(t, id, SHARDS))).toEqual({ outbox: 0, conversations: 0 });
  });
});
