import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConversationHost } from '../../../src/actors/conversation-host.js';
import { createTenantRuntime } from '../../../src/actors/tenant-runtime.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import type { ContactDirectory } from '../../../src/persistence/ports/records.js';
import type { SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import { createRedisSnapshotStore, type RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { createSqlTranscriptStore, createSqlTurnJournal } from '../../../src/persistence/sql/index.js';
import { createFencedSnapshotStore } from '../../../src/runtime/cluster/index.js';
import { loadDemo } from '../../helpers/memory-host.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';
import { connectRedis, conversationOnShard, createCluster, metricValue, REDIS_URL, type TestCluster, type TestMember } from './cluster-harness.js';

const A = '10.0.0.1:8080';
const B = '10.0.0.2:8080';
const TENANT = 'ferreteria';

interface Row {
  seq: number;
  message_id: string;
  direction: 'in' | 'out';
  text: string;
}

describe('fencing a member that lost its shards (real hosts, Redis snapshots, PostgreSQL journal)', () => {
  let opened: OpenedTestDatabase;
  let admin: Redis;
  let cluster: TestCluster;
  const stores: RedisSnapshotStore[] = [];

  beforeAll(async () => {
    admin = await connectRedis();
    opened = await postgresBackend.open();
  });
  afterAll(async () => {
    await opened?.dispose();
    admin?.disconnect();
  });
  beforeEach(async () => {
    await opened.db.em().execute('delete from shard_epochs', [], 'run');
    cluster = createCluster(opened.db, admin);
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await cluster.dispose();
  });

  /** A conversation host as a member runs it: its router, its fenced snapshot store, its fenced journal. */
  async function hostOf(m: TestMember, contacts: ContactDirectory, wrap: (store: SnapshotStore) => SnapshotStore = (x) => x): Promise<ConversationHost> {
    const { tenant, brain } = await loadDemo();
    const logger = createSilentLogger();
    const redisStore = createRedisSnapshotStore({ url: REDIS_URL, prefix: cluster.prefix, logger });
    stores.push(redisStore);
    const transcripts = createSqlTranscriptStore(opened.db);
    let host: ConversationHost | null = null;
    const runtime = createTenantRuntime({
      data: tenant,
      brain,
      tickets: createMemoryTicketStore({ clock: m.clock }),
      leads: createMemoryLeadStore({ clock: m.clock }),
      crm: { pushLead: async () => {} },
      transcripts,
      clock: m.clock,
      logger,
      contextOf: (t, c) => host?.contextOf(t, c) ?? null,
    });
    host = new ConversationHost({
      tenants: new Map([[TENANT, runtime]]),
      snapshots: wrap(createFencedSnapshotStore(redisStore, m.member.fence)),
      transcripts,
      journal: createSqlTurnJournal(opened.db, { fence: m.member.fence }),
      contacts,
      router: m.member.router,
      clock: m.clock,
      logger,
    });
    return host;
  }

  const send = (host: ConversationHost, conversationId: string, messageId: string, text: string) =>
    host.handleMessage({ tenantId: TENANT, channel: 'rest', senderId: `sender-${conversationId}`, messageId, text }, { conversationId });

  const rows = async (conversationId: string): Promise<Row[]> =>
    opened.db.em().execute<Row[]>(`select seq, message_id, direction, text from messages where tenant_id = ? and conversation_id = ? order by seq`, [TENANT, conversationId]);

  /** Inbound message ids in order, each followed by how many replies it got. */
  const answers = (lines: Row[]): [string, number][] => {
    const out: [string, number][] = [];
    for (const l of lines) {
      if (l.direction === 'in') out.push([l.message_id, 0]);
      else if (out.length > 0) out[out.length - 1]![1]++;
    }
    return out;
  };

  it('should refuse every write of a paused member once another holds its shards, count it, and never record a second answer', async () => {
    const [a, b] = [await cluster.add(A), await cluster.add(B)];
    await cluster.settle(a, b);
    const contacts = createMemoryContactDirectory();
    const [hostA, hostB] = [await hostOf(a, contacts), await hostOf(b, contacts)];
    const aShards = [...a.member.router.held().keys()];
    expect(aShards.length).toBeGreaterThanOrEqual(2);
    const [s1, s2] = aShards as [number, number];
    const shardOf = (t: string, c: string) => a.member.router.shardOf(t, c);
    const conv1 = conversationOnShard(TENANT, s1, shardOf, 'conv1');
    const conv2 = conversationOnShard(TENANT, s2, shardOf, 'conv2');
    const epochA = a.member.router.ownership(s1)!.epoch;

    // A serves conv1 while it holds s1.
    const first = await send(hostA, conv1, 'm1', 'hola');
    expect(first.replies.length).toBeGreaterThan(0);

    // A pauses (SIGSTOP, a long GC): its clock does not move, so it still believes it holds its
    // shards; Redis's clock expires its heartbeat and leases, and B takes every shard.
    await cluster.expireMember(A);
    await cluster.expireLeases(aShards);
    await cluster.settle(b);
    const epochB1 = b.member.router.ownership(s1)!.epoch;
    const epochB2 = b.member.router.ownership(s2)!.epoch;
    expect(epochB1).toBeGreaterThan(epochA);
    expect(a.member.router.ownership(s1)).toEqual({ epoch: epochA }); // A does not know yet

    // B serves the next message of conv1 from the snapshot A left.
    const second = await send(hostB, conv1, 'm2', '¿tienen cemento gris?');
    expect(second.replies.length).toBeGreaterThan(0);

    // A wakes up with conv1 still in memory and answers a message: the snapshot CAS refuses its
    // epoch, the member learns it lost s1 and stops serving it.
    await expect(send(hostA, conv1, 'm3', 'gracias')).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED' });
    expect(await metricValue(a.registry, 'hilo_shard_fenced_total', { store: 'snapshot', reason: 'epoch' })).toBe(1);
    expect(a.member.router.ownership(s1)).toBeNull();
    expect(a.lost).toContain(s1);
    // Another message for s1 at A is refused before any write (no lease).
    await expect(send(hostA, conv1, 'm4', 'hola otra vez')).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED' });
    expect(await metricValue(a.registry, 'hilo_shard_fenced_total', { store: 'snapshot', reason: 'lease_lapsed' })).toBe(1);

    // conv1 holds m1 and m2 with their answers, once each; nothing of m3 or m4.
    const conv1Answers = answers(await rows(conv1));
    expect(conv1Answers.map(([id]) => id)).toEqual(['m1', 'm2']);
    expect(conv1Answers.every(([, n]) => n >= 1)).toBe(true);
    expect(conv1Answers.map(([, n]) => n)).toEqual([first.replies.length, second.replies.length]);
    // The snapshot was written under the router's epoch (B's), never A's again.
    const env = await stores[0]!.get({ tenantId: TENANT, conversationId: conv1 });
    expect(env).toMatchObject({ seq: 2, epoch: epochB1 });

    // conv2 (shard s2) B has not touched, so its Redis key has no epoch to compare with: A's
    // snapshot write passes, and the SQL journal — fenced by shard — refuses the turn. Nothing
    // of it is recorded: no conversation row, no transcript line, no outbox row.
    await expect(send(hostA, conv2, 'm5', 'hola')).rejects.toMatchObject({ code: 'HILO_ERR_TURN_FAILED', cause: { code: 'HILO_ERR_SHARD_FENCED' } });
    expect(await metricValue(a.registry, 'hilo_shard_fenced_total', { store: 'journal', reason: 'epoch' })).toBe(1);
    expect(a.member.router.ownership(s2)).toBeNull();
    expect(await rows(conv2)).toEqual([]);
    expect(await opened.db.em().execute(`select 1 from conversations where tenant_id = ? and id = ?`, [TENANT, conv2])).toEqual([]);
    expect(await opened.db.em().execute(`select 1 from outbox_entries where tenant_id = ? and conversation_id = ?`, [TENANT, conv2])).toEqual([]);

    // B activates conv2: the turn A's snapshot carries is completed once, under B's epoch (the
    // turn happened: its snapshot was written), then B answers the new message. m5 gets one
    // answer — A's, recorded by B — and B never answers m5 again.
    const later = await send(hostB, conv2, 'm6', 'hola de nuevo');
    expect(hostB.stats.turnsCompletedOnActivation).toBe(1);
    const conv2Answers = answers(await rows(conv2));
    expect(conv2Answers.map(([id]) => id)).toEqual(['m5', 'm6']);
    expect(conv2Answers[1]![1]).toBe(later.replies.length);
    // A retry of m5 runs nothing and writes nothing: its sender got an error, so the first retry
    // answers the recorded replies as a normal answer (harden15), the next one as a duplicate.
    const retry = await send(hostB, conv2, 'm5', 'hola');
    expect(retry.duplicate).toBe(false);
    expect(retry.replies).toHaveLength(conv2Answers[0]![1]);
    expect((await send(hostB, conv2, 'm5', 'hola')).duplicate).toBe(true);
    expect(answers(await rows(conv2))).toEqual(conv2Answers);
    expect((await stores[1]!.get({ tenantId: TENANT, conversationId: conv2 }))!.epoch).toBe(epochB2);

    const fencedTotal = (await a.registry.getSingleMetric('hilo_shard_fenced_total')!.get()).values.reduce((n, v) => n + v.value, 0);
    console.log(`paused member: ${fencedTotal} writes refused (snapshot epoch 1, snapshot lease 1, journal epoch 1); conv1 ${JSON.stringify(conv1Answers)}, conv2 ${JSON.stringify(conv2Answers)}`);
    await hostA.close();
    await hostB.close();
  });

  it('should write nothing while the member’s own clock says its lease lapsed, and write again after a renewal proves it still holds the shard', async () => {
    const a = await cluster.add(A);
    await cluster.settle(a);
    const host = await hostOf(a, createMemoryContactDirectory());
    const conv = conversationOnShard(TENANT, 5, (t, c) => a.member.router.shardOf(t, c), 'lapse');
    await send(host, conv, 'm1', 'hola');
    a.clock.advance(a.member.leaseMs); // paused past the lease, by its own clock
    await expect(send(host, conv, 'm2', '¿tienen cemento gris?')).rejects.toMatchObject({ code: 'HILO_ERR_SHARD_FENCED' });
    expect(await metricValue(a.registry, 'hilo_shard_fenced_total', { store: 'snapshot', reason: 'lease_lapsed' })).toBe(1);
    expect(answers(await rows(conv)).map(([id]) => id)).toEqual(['m1']);
    // Nobody took it meanwhile: the renewal succeeds and the same epoch serves again.
    await a.member.reconcile();
    const ok = await send(host, conv, 'm2', '¿tienen cemento gris?');
    expect(ok.replies.length).toBeGreaterThan(0);
    expect(answers(await rows(conv)).map(([id]) => id)).toEqual(['m1', 'm2']);
    await host.close();
  });
  it('should order a stale turn that slipped into Redis before the new owner’s, when the new owner had loaded the conversation already', async () => {
    const [a, b] = [await cluster.add(A), await cluster.add(B)];
    await cluster.settle(a, b);
    const contacts = createMemoryContactDirectory();
    // B's snapshot writes wait at a gate the test opens, so A's stale write lands in between.
    let gate: Promise<void> | null = null;
    let atGate!: () => void;
    const reachedGate = new Promise<void>((r) => (atGate = r));
    const hostA = await hostOf(a, contacts);
    const hostB = await hostOf(b, contacts, (store) => ({
      ...store,
      get: (k) => store.get(k),
      delete: (k) => store.delete(k),
      close: () => store.close(),
      put: async (k, envelope, options) => {
        if (gate) {
          atGate();
          await gate;
        }
        return store.put(k, envelope, options);
      },
    }));
    const s = [...a.member.router.held().keys()][0]!;
    const conv = conversationOnShard(TENANT, s, (t, c) => a.member.router.shardOf(t, c), 'race');
    await send(hostA, conv, 'm1', 'hola');
    await cluster.expireMember(A);
    await cluster.expireLeases(a.member.router.held().keys());
    await cluster.settle(b);

    let open!: () => void;
    gate = new Promise<void>((r) => (open = r));
    // B loads the conversation (seq 1) and runs m2 up to its snapshot write...
    const bTurn = send(hostB, conv, 'm2', '¿tienen cemento gris?').then(
      (r) => ({ ok: true as const, r }),
      (err: unknown) => ({ ok: false as const, err }),
    );
    await reachedGate;
    // ...while A, paused and unaware, answers m3: its snapshot (seq 2) lands, its journal write is refused.
    await expect(send(hostA, conv, 'm3', 'gracias')).rejects.toMatchObject({ code: 'HILO_ERR_TURN_FAILED', cause: { code: 'HILO_ERR_SHARD_FENCED' } });
    gate = null;
    open();
    // B's write of seq 2 finds A's seq 2: refused as stale, the caller is told to retry.
    const first = await bTurn;
    expect(first.ok).toBe(false);
    expect(first.ok ? null : first.err).toMatchObject({ code: 'HILO_ERR_TURN_FAILED' });
    // The retry completes A's turn (once, under B's epoch), then answers m2 after it.
    const retried = await send(hostB, conv, 'm2', '¿tienen cemento gris?');
    expect(retried.duplicate).toBe(false);
    expect(hostB.stats.turnsCompletedOnActivation).toBe(1);
    const lines = answers(await rows(conv));
    expect(lines.map(([id]) => id)).toEqual(['m1', 'm3', 'm2']);
    expect(lines.every(([, n]) => n === 1)).toBe(true);
    console.log(`stale write before the new owner's: ${JSON.stringify(lines)}`);
    await hostA.close();
    await hostB.close();
  });
});
