import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqlShardEpochs } from '../../../src/persistence/sql/sql-turn-fence.js';
import { assignShards } from '../../../src/runtime/cluster/index.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';
import { connectRedis, createCluster, metricValue, type TestCluster, type TestMember } from './cluster-harness.js';

const A = '10.0.0.1:8080';
const B = '10.0.0.2:8080';
const C = '10.0.0.3:8080';

/** shard → epoch of what a member holds. */
const heldEpochs = (m: TestMember): Map<number, number> => new Map([...m.member.router.held()].map(([s, h]) => [s, h.epoch]));
const shardsOf = (assignment: (string | null)[], id: string): number[] => assignment.flatMap((m, s) => (m === id ? [s] : []));

describe('cluster membership and shard leases (Redis + PostgreSQL)', () => {
  let opened: OpenedTestDatabase;
  let admin: Redis;
  let cluster: TestCluster;

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
    await cluster.dispose();
  });

  it('should spread the shards over three members as rendezvous says, each shard held once under an epoch raised in SQL', async () => {
    const [a, b, c] = [await cluster.add(A), await cluster.add(B), await cluster.add(C)];
    const rounds = await cluster.settle(a, b, c);
    const expected = assignShards(cluster.shardCount, [A, B, C]);
    for (const m of [a, b, c]) {
      expect([...m.member.router.held().keys()].sort((x, y) => x - y)).toEqual(shardsOf(expected, m.member.memberId));
      expect(m.member.members()).toEqual([A, B, C]);
    }
    const holders = await cluster.holders();
    const epochs = createSqlShardEpochs(opened.db);
    for (let shard = 0; shard < cluster.shardCount; shard++) {
      const owner = [a, b, c].find((m) => m.member.memberId === expected[shard])!;
      expect(holders.get(shard)!.holder).toBe(owner.member.token);
      const epoch = owner.member.router.ownership(shard)!.epoch;
      expect(epoch).toBe(holders.get(shard)!.epoch);
      expect(await epochs.current(shard)).toBe(epoch);
      // Nobody else thinks it owns the shard.
      for (const other of [a, b, c]) if (other !== owner) expect(other.member.router.ownership(shard)).toBeNull();
    }
    console.log(`3 members settled in ${rounds} rounds: ${[a, b, c].map((m) => m.member.router.held().size).join(' / ')} of ${cluster.shardCount} shards`);
  });

  it('should move only the shards rendezvous gives a joining member, each under a higher epoch, the others untouched', async () => {
    const [a, b] = [await cluster.add(A), await cluster.add(B)];
    await cluster.settle(a, b);
    a.handedOver.length = 0; // the first settle moved shards too (A alone took them all)
    b.handedOver.length = 0;
    const before = new Map([...heldEpochs(a), ...heldEpochs(b)]);
    const ownerBefore = assignShards(cluster.shardCount, [A, B]);
    const acquisitionsBefore = (await metricValue(a.registry, 'hilo_shard_acquisitions_total')) + (await metricValue(b.registry, 'hilo_shard_acquisitions_total'));

    const c = await cluster.add(C);
    await cluster.settle(c, a, b);
    const ownerAfter = assignShards(cluster.shardCount, [A, B, C]);
    const toC = shardsOf(ownerAfter, C);
    expect(toC.length).toBeGreaterThan(0);
    expect([...c.member.router.held().keys()].sort((x, y) => x - y)).toEqual(toC);
    // The old owners handed exactly those over (the callback ran before the release).
    expect([...a.handedOver, ...b.handedOver].sort((x, y) => x - y)).toEqual(toC);
    for (let shard = 0; shard < cluster.shardCount; shard++) {
      const after = new Map([...heldEpochs(a), ...heldEpochs(b), ...heldEpochs(c)]);
      if (toC.includes(shard)) {
        expect(after.get(shard)!).toBeGreaterThan(before.get(shard)!);
      } else {
        // Same holder, same epoch: never released, never re-acquired.
        expect(ownerAfter[shard]).toBe(ownerBefore[shard]);
        expect(after.get(shard)).toBe(before.get(shard));
      }
    }
    const acquisitionsAfter = (await metricValue(a.registry, 'hilo_shard_acquisitions_total')) + (await metricValue(b.registry, 'hilo_shard_acquisitions_total'));
    expect(acquisitionsAfter).toBe(acquisitionsBefore);
    expect(await metricValue(c.registry, 'hilo_shard_acquisitions_total')).toBe(toC.length);
    console.log(`join: ${toC.length} of ${cluster.shardCount} shards moved to the newcomer, ${cluster.shardCount - toC.length} kept their holder and epoch`);
  });

  it('should hand a leaving member’s shards to the others under higher epochs, after its hand-over callback', async () => {
    const [a, b, c] = [await cluster.add(A), await cluster.add(B), await cluster.add(C)];
    await cluster.settle(a, b, c);
    const cShards = heldEpochs(c);
    await c.member.close();
    expect([...c.handedOver].sort((x, y) => x - y)).toEqual([...cShards.keys()].sort((x, y) => x - y));
    expect(c.member.router.held().size).toBe(0);
    expect(await metricValue(c.registry, 'hilo_shard_releases_total', { reason: 'shutdown' })).toBe(cShards.size);
    await cluster.settle(a, b);
    expect(a.member.members()).toEqual([A, B]);
    const after = new Map([...heldEpochs(a), ...heldEpochs(b)]);
    expect(after.size).toBe(cluster.shardCount);
    for (const [shard, epoch] of cShards) expect(after.get(shard)!).toBeGreaterThan(epoch);
    expect(await c.member.close()).toBeUndefined(); // idempotent
  });

  it('should re-acquire a crashed member’s shards under higher epochs once Redis expired its heartbeat and leases', async () => {
    const [a, b] = [await cluster.add(A), await cluster.add(B)];
    await cluster.settle(a, b);
    const bShards = heldEpochs(b);
    // B crashes: no hand-over, no release. Redis's clock expires its heartbeat and, later, its leases.
    await cluster.expireMember(B);
    const r1 = await a.member.reconcile();
    expect(r1.left).toEqual([B]);
    expect(r1.acquired).toEqual([]); // still leased by B: nobody may take them yet
    await cluster.expireLeases(bShards.keys());
    const r2 = await a.member.reconcile();
    expect(r2.acquired.map((x) => x.shard).sort((x, y) => x - y)).toEqual([...bShards.keys()].sort((x, y) => x - y));
    for (const { shard, epoch } of r2.acquired) expect(epoch).toBe(bShards.get(shard)! + 1);
    expect(a.member.router.held().size).toBe(cluster.shardCount);
  });

  it('should renew a lease after a pause when nobody took it, keeping its epoch, and lose it when another did', async () => {
    const [a, b] = [await cluster.add(A), await cluster.add(B)];
    await cluster.settle(a, b);
    const [shard, epoch] = [...heldEpochs(a)][0]!;
    // A's own clock says the lease lapsed: it must not write...
    a.clock.advance(a.member.leaseMs);
    expect(a.member.router.ownership(shard)).toBeNull();
    expect(a.member.router.accepts(shard)).toBe(false);
    // ...until a renewal proves the key is still its own: same epoch, nobody acquired in between.
    await a.member.reconcile();
    expect(a.member.router.ownership(shard)).toEqual({ epoch });
    // Now the key expires and B (seeing A gone) takes it: A's next renewal fails and it drops the shard.
    await cluster.expireMember(A);
    await cluster.expireLeases([shard]);
    await b.member.reconcile();
    expect(b.member.router.ownership(shard)).toEqual({ epoch: epoch + 1 });
    await a.member.reconcile();
    expect(a.lost).toContain(shard);
    expect(a.member.router.ownership(shard)).toBeNull();
    expect(await metricValue(a.registry, 'hilo_shard_releases_total', { reason: 'expired' })).toBeGreaterThanOrEqual(1);
  });

  it('should take an epoch above the SQL fence when the Redis epoch counter fell behind it or reused one (Redis lost the key)', async () => {
    const a = await cluster.add(A);
    const epochs = createSqlShardEpochs(opened.db);
    await epochs.raise(3, 41, 'an-earlier-member#1');
    // The counter reset hands out epoch 1 again: already raised by another holder, so not usable.
    await epochs.raise(4, 1, 'an-earlier-member#1');
    await cluster.settle(a);
    expect(a.member.router.ownership(3)).toEqual({ epoch: 42 });
    expect(await epochs.current(3)).toBe(42);
    expect(a.member.router.ownership(4)).toEqual({ epoch: 2 });
    expect(await metricValue(a.registry, 'hilo_shard_releases_total', { reason: 'epoch_behind' })).toBe(2);
    expect(a.member.router.ownership(5)).toEqual({ epoch: 1 });
  });

  it('should see a member gone and its lease free by the Redis server clock alone (short TTL, nobody renewing)', async () => {
    const shortLived = createCluster(opened.db, admin, { shardCount: 2, leaseMs: 300 });
    try {
      const a = await shortLived.add(A);
      await shortLived.settle(a);
      expect(a.member.router.held().size).toBe(2);
      const b = await shortLived.add(B);
      // A stops: no renewals, no heartbeats. Wait (bounded) until Redis forgot both.
      const deadline = Date.now() + 15_000;
      let members: string[] = [A];
      let holders = await shortLived.holders();
      while ((members.includes(A) || [...holders.values()].some((h) => h.holder === a.member.token)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        members = (await b.member.reconcile()).members;
        holders = await shortLived.holders();
      }
      expect(members).not.toContain(A);
      // B took both shards once they were free (this pass or the last), each under the next epoch.
      await b.member.reconcile();
      expect([...holders.values()].every((h) => h.holder !== a.member.token)).toBe(true);
      expect(b.member.router.ownership(0)).toEqual({ epoch: 2 });
      expect(b.member.router.ownership(1)).toEqual({ epoch: 2 });
    } finally {
      await shortLived.dispose();
    }
  });
});
