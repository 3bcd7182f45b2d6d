import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FencedStore, FenceReason, ShardFence } from '../../../src/persistence/ports/shard-fence.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import type { TurnRecord } from '../../../src/persistence/ports/turn-journal.js';
import { createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { createSqlShardEpochs, fenceCommitSql } from '../../../src/persistence/sql/sql-turn-fence.js';
import { SQL_BACKENDS, type OpenedTestDatabase } from '../sql/sql-backends.js';

const T0 = Date.parse('2026-12-03T12:00:00.000Z');
const SHARD = 7;

function turn(seq: number): TurnRecord {
  const at = new Date(T0 + seq * 1000).toISOString();
  return {
    seq,
    inboundMessageId: `in-${seq}`,
    entries: [
      { messageId: `in-${seq}`, direction: 'in', author: 'customer', channel: 'whatsapp', text: `pregunta ${seq}`, at },
      { messageId: `out-${seq}`, direction: 'out', author: 'bot', channel: 'whatsapp', text: `respuesta ${seq}`, at },
    ],
    phase: 'triage',
    idleCloseAt: null,
  };
}

const envelope = (seq: number, epoch: number): SnapshotEnvelope => ({ v: 1, machineVersion: 1, epoch, seq, savedAt: new Date(T0 + seq * 1000).toISOString(), snapshot: { value: 'x', context: {} } });

/** A fence whose writer epoch the test sets; every refusal is recorded. */
function testFence() {
  const refusals: { shard: number; store: FencedStore; reason: FenceReason }[] = [];
  const state = { epoch: 1 as number | null };
  const fence: ShardFence = { writer: () => ({ shard: SHARD, epoch: state.epoch }), refused: (shard, store, reason) => refusals.push({ shard, store, reason }) };
  return { fence, refusals, state };
}

describe.each(SQL_BACKENDS)('the SQL journal fenced by shard epoch on $name', (backend) => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  const count = async (table: string, conversationId: string): Promise<number> => {
    const column = table === 'conversations' ? 'id' : 'conversation_id';
    const rows = await opened.db.em().execute<{ n: string }[]>(`select count(*) as n from ${table} where tenant_id = 't' and ${column} = ?`, [conversationId]);
    return Number(rows[0]!.n);
  };

  it('should write for an epoch at or above the shard’s, and write nothing (a coded refusal) below it', async () => {
    const { fence, refusals, state } = testFence();
    const journal = createSqlTurnJournal(opened.db, { fence });
    const epochs = createSqlShardEpochs(opened.db);
    const key = { tenantId: 't', conversationId: `c-${backend.name}` };
    // No row yet for the shard: nothing to be fenced by.
    expect((await journal.commit(key, turn(1), envelope(1, 1))).map((l) => l.seq)).toEqual([1, 2]);
    expect(await epochs.raise(SHARD, 3, 'm-b')).toEqual({ epoch: 3, holder: 'm-b' });
    expect(await epochs.raise(SHARD, 2, 'm-c')).toEqual({ epoch: 3, holder: 'm-b' }); // never lowered
    expect(await epochs.raise(SHARD, 3, 'm-c')).toEqual({ epoch: 3, holder: 'm-b' }); // nor taken over at the same epoch
    state.epoch = 2;
    await expect(journal.commit(key, turn(2), envelope(2, 2))).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED', details: { shard: SHARD, store: 'journal', reason: 'epoch' } });
    expect(refusals).toEqual([{ shard: SHARD, store: 'journal', reason: 'epoch' }]);
    expect(await count('messages', key.conversationId)).toBe(2);
    expect(await count('outbox_entries', key.conversationId)).toBe(1);
    const row = await opened.db.em().execute<{ snapshot_seq: number }[]>(`select snapshot_seq from conversations where tenant_id = 't' and id = ?`, [key.conversationId]);
    expect(row[0]!.snapshot_seq).toBe(1);
    // The holder of epoch 3 writes the same turn; a turn already held is answered, not refused.
    state.epoch = 3;
    expect((await journal.commit(key, turn(2), envelope(2, 3))).map((l) => l.seq)).toEqual([3, 4]);
    expect((await journal.commit(key, turn(2), envelope(2, 3))).map((l) => l.seq)).toEqual([3, 4]);
    expect(await count('messages', key.conversationId)).toBe(4);
    expect(refusals.length).toBe(1);
  });

  it('should refuse without a round trip when the member holds no valid lease on the shard', async () => {
    const { fence, refusals, state } = testFence();
    state.epoch = null;
    const journal = createSqlTurnJournal(opened.db, { fence });
    const key = { tenantId: 't', conversationId: `lapsed-${backend.name}` };
    await expect(journal.commit(key, turn(1), envelope(1, 9))).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED', details: { reason: 'lease_lapsed' } });
    expect(refusals).toEqual([{ shard: SHARD, store: 'journal', reason: 'lease_lapsed' }]);
    expect(await count('conversations', key.conversationId)).toBe(0);
  });

  it('should keep the single-process statement when no fence is given (epoch 0, no shard_epochs read)', async () => {
    const epochs = createSqlShardEpochs(opened.db);
    await epochs.raise(0, 99, 'someone');
    const journal = createSqlTurnJournal(opened.db);
    const key = { tenantId: 't', conversationId: `single-${backend.name}` };
    expect((await journal.commit(key, turn(1), envelope(1, 0))).map((l) => l.seq)).toEqual([1, 2]);
  });
});

describe('the fenced journal against a raise in progress (PostgreSQL, two connections)', () => {
  let opened: OpenedTestDatabase;
  beforeAll(async () => {
    opened = await SQL_BACKENDS.find((b) => b.name === 'postgres')!.open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('should wait for a raise that is not committed yet and then refuse, never write under the old epoch', async () => {
    const { fence, state } = testFence();
    const journal = createSqlTurnJournal(opened.db, { fence });
    await createSqlShardEpochs(opened.db).raise(SHARD, 4, 'm-a');
    state.epoch = 4;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let raised!: () => void;
    const raisedInTx = new Promise<void>((r) => (raised = r));
    // Another member's raise to 5, held open in its own transaction.
    const tx = opened.db.orm.em.fork().transactional(async (em) => {
      await em.execute(`update shard_epochs set epoch = 5, member_id = 'm-b' where shard = ${SHARD}`, [], 'run');
      raised();
      await gate;
    });
    await raisedInTx;
    const key = { tenantId: 't', conversationId: 'racing' };
    const pending = journal.commit(key, turn(1), envelope(1, 4));
    const settled = pending.then(
      () => 'written',
      () => 'refused',
    );
    // The statement is parked on the row lock (a plain snapshot read would have seen epoch 4 and written).
    await new Promise((r) => setTimeout(r, 300));
    release();
    await tx;
    await expect(pending).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED' });
    expect(await settled).toBe('refused');
    const rows = await opened.db.em().execute<{ n: string }[]>(`select count(*) as n from messages where tenant_id = 't' and conversation_id = 'racing'`);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

describe('fenceCommitSql', () => {
  it('should refuse a statement whose shape it does not know, instead of fencing half of it', () => {
    expect(() => fenceCommitSql('select 1')).toThrow(/changed shape/);
  });
});
