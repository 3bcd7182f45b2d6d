import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import type { Database } from '../../../src/persistence/sql/index.js';
import { createSqlShardEpochs } from '../../../src/persistence/sql/sql-turn-fence.js';
import { createClusterKeys, createClusterMember, type ClusterMember, type ClusterMemberOptions } from '../../../src/runtime/cluster/index.js';
import { createClusterMetrics } from '../../../src/runtime/observability/cluster-metrics.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CLUSTER = 'test';

/** A Redis connection that fails at once (no retry loop) when Redis is down: these tests fail loudly. */
export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000 });
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}

export interface TestMember {
  member: ClusterMember;
  clock: ReturnType<typeof createManualClock>;
  redis: Redis;
  registry: Registry;
  /** Shards whose hand-over callback ran, in order. */
  handedOver: number[];
  lost: number[];
}

/**
 * The members of one test: each with its own Redis connection and manual clock, all on one
 * fresh key prefix and one database. Leases are long (60 s) so real time never expires one
 * mid-test; a test expires a lease or a heartbeat by hand (`expireLease`, `expireMember`),
 * which is what the Redis server's clock would do after a pause.
 */
export function createCluster(db: Database, admin: Redis, options: { shardCount?: number; leaseMs?: number } = {}) {
  const prefix = `hilo-test-${randomBytes(6).toString('hex')}`;
  const keys = createClusterKeys(prefix, CLUSTER);
  const shardCount = options.shardCount ?? 16;
  const members: TestMember[] = [];
  return {
    prefix,
    keys,
    shardCount,
    async add(memberId: string, extra: Partial<ClusterMemberOptions> = {}): Promise<TestMember> {
      const redis = await connectRedis();
      const clock = createManualClock();
      const registry = new Registry();
      const handedOver: number[] = [];
      const lost: number[] = [];
      const member = createClusterMember({
        redis,
        prefix,
        cluster: CLUSTER,
        memberId,
        shardCount,
        leaseMs: options.leaseMs ?? 60_000,
        clock,
        logger: createSilentLogger(),
        epochs: createSqlShardEpochs(db),
        handover: async (shard) => {
          handedOver.push(shard);
        },
        onLost: (shard) => lost.push(shard),
        observer: createClusterMetrics(registry),
        ...extra,
      });
      const m = { member, clock, redis, registry, handedOver, lost };
      members.push(m);
      return m;
    },
    /** Reconcile passes over the given members until a whole round changes nothing (at most 8). */
    async settle(...ms: TestMember[]): Promise<number> {
      for (let round = 1; round <= 8; round++) {
        let changed = false;
        for (const m of ms) {
          const r = await m.member.reconcile();
          await m.member.idle();
          if (r.acquired.length + r.handingOver.length + r.lost.length + r.deferred.length + r.joined.length + r.left.length > 0) changed = true;
        }
        if (!changed) return round;
      }
      throw new Error('the cluster did not settle in 8 rounds');
    },
    /** What the Redis server's clock does to a member that stopped heartbeating. */
    async expireMember(memberId: string): Promise<void> {
      await admin.zadd(keys.members, 'XX', 1, memberId);
    },
    /** What the Redis server's clock does to a lease nobody renewed. */
    async expireLeases(shards: Iterable<number>): Promise<void> {
      for (const shard of shards) await admin.del(keys.lease(shard));
    },
    async holders(): Promise<Map<number, { holder: string | null; epoch: number }>> {
      const out = new Map<number, { holder: string | null; epoch: number }>();
      for (let shard = 0; shard < shardCount; shard++) {
        const [holder, epoch] = await admin.mget(keys.lease(shard), keys.epoch(shard));
        out.set(shard, { holder: holder ?? null, epoch: Number(epoch ?? 0) });
      }
      return out;
    },
    async dispose(): Promise<void> {
      for (const m of members) {
        m.redis.disconnect();
      }
      let cursor = '0';
      do {
        const [next, found] = await admin.scan(cursor, 'MATCH', createRedisKeys(prefix).allPattern(), 'COUNT', 500);
        cursor = next;
        if (found.length > 0) await admin.del(...found);
      } while (cursor !== '0');
    },
  };
}

export type TestCluster = ReturnType<typeof createCluster>;

/** The value of one series of a registry (`name{a="x",b="y"}`), 0 when absent. */
export async function metricValue(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  const found = metric?.values.find((v) => Object.entries(labels).every(([k, val]) => (v.labels as Record<string, unknown>)[k] === val));
  return found?.value ?? 0;
}

/** A conversation id of `tenant` that lands on `shard`. */
export function conversationOnShard(tenantId: string, shard: number, shardOf: (t: string, c: string) => number, tag: string): string {
  for (let i = 0; i < 100_000; i++) {
    const id = `${tag}-${i}`;
    if (shardOf(tenantId, id) === shard) return id;
  }
  throw new Error(`no conversation id found for shard ${shard}`);
}
