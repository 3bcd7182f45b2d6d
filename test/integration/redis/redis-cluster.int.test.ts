import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createRedisAccessCounters } from '../../../src/persistence/redis/redis-access-counters.js';
import { createRedisConnection, type RedisClient } from '../../../src/persistence/redis/redis-connection.js';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createRedisSnapshotStore, type RedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { runAccessCountersContract } from '../../contract/access-counters.contract.js';
import { makeEnvelope, runSnapshotStoreContract, uniqueKey } from '../../contract/snapshot-store.contract.js';
import { startRedisCluster, type LocalRedisCluster } from '../../helpers/redis-cluster.js';
import { createMemberSet, freshDatabase, sendMessage, transcripts } from '../cluster/member-processes.js';

/**
 * Hilo against a real Redis Cluster: three `redis-server` masters on free loopback ports, joined
 * by `redis-cli --cluster create` (test/helpers/redis-cluster.ts), reached through
 * `REDIS_URL=redis+cluster://…` — the snapshot-store and access-counters contracts, and one
 * `HILO_CLUSTER` member answering REST messages with its leases, inboxes and snapshots there,
 * then two members forwarding to each other and a SIGTERM hand-over.
 */
let cluster: LocalRedisCluster;
let admin: RedisClient;
/** Access counters the contract opened, closed before the cluster stops. */
const counters: { close(): Promise<void> }[] = [];
const runId = randomUUID().slice(0, 8);
let prefixCounter = 0;
const uniquePrefix = (): string => `hilo-rc-${runId}-${++prefixCounter}`;

/** The keys under `prefix` held by each master (a plain client per node: no redirection). */
async function keysPerNode(prefix: string): Promise<number[]> {
  return Promise.all(
    cluster.ports.map(async (port) => {
      const node = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0 });
      await node.connect();
      try {
        return (await node.keys(`${prefix}:*`)).length;
      } finally {
        node.disconnect();
      }
    }),
  );
}

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  admin = createRedisConnection(cluster.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  admin.on('error', () => undefined);
  await admin.connect();
}, 90_000);

afterAll(async () => {
  for (const c of counters) await c.close();
  admin?.disconnect();
  await cluster?.stop();
});

runSnapshotStoreContract({
  name: 'redis cluster',
  create: async () => createRedisSnapshotStore({ url: cluster.url, prefix: uniquePrefix(), logger: createSilentLogger() }),
  // The whole cluster (and every key in it) goes at the end of the file.
  destroy: async (store: RedisSnapshotStore) => store.close(),
});

runAccessCountersContract(
  'redis cluster',
  async () => {
    const prefix = uniquePrefix();
    const open = () => {
      const c = createRedisAccessCounters({ url: cluster.url, prefix, logger: createSilentLogger() });
      counters.push(c);
      return c;
    };
    // Redis expires keys by its own clock: let real time pass.
    return { counters: open(), advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), reopen: async () => open() };
  },
  { durable: true },
);

describe('Hilo on a Redis Cluster', () => {
  it('should spread the snapshots of many conversations over all three masters and read each back', async () => {
    const prefix = uniquePrefix();
    const store = createRedisSnapshotStore({ url: cluster.url, prefix, logger: createSilentLogger() });
    try {
      const keys = Array.from({ length: 60 }, () => uniqueKey('spread'));
      for (const [i, key] of keys.entries()) expect(await store.put(key, makeEnvelope(1, 1, { i }))).toEqual({ ok: true });
      for (const [i, key] of keys.entries()) expect((await store.get(key))?.snapshot).toEqual({ i });
      // The CAS script still refuses a stale epoch on whichever node holds the key.
      expect(await store.put(keys[0]!, makeEnvelope(2, 0))).toMatchObject({ ok: false, reason: 'stale_epoch' });
      const perNode = await keysPerNode(prefix);
      expect(perNode.reduce((a, b) => a + b, 0)).toBe(60);
      expect(perNode.every((n) => n > 0), `keys per master: ${perNode.join('/')}`).toBe(true);
      // A client that does not follow redirections is refused by the nodes not owning a key: the cluster client is what makes this work.
      const redirected = await Promise.all(
        cluster.ports.map(async (port) => {
          const node = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0 });
          await node.connect();
          try {
            const errors = await Promise.all(keys.map((k) => node.hget(createRedisKeys(prefix).snapshot(k), 'seq').then(() => null, (err: Error) => err.message)));
            return errors.filter((m) => m?.startsWith('MOVED')).length;
          } finally {
            node.disconnect();
          }
        }),
      );
      expect(redirected.reduce((a, b) => a + b, 0)).toBe(60 * 2);
    } finally {
      await store.close();
    }
  });

  // Member ports 10,100–18,000: below Linux's ephemeral range (32,768+, where another test's client
  // socket can hold the port: 'm1 exited before listening'), apart from cluster-failover's 21,000–29,000,
  // and above 10,080, a port fetch refuses to connect to ('bad port', the Fetch standard's blocked list).
  it('should answer REST messages from a HILO_CLUSTER member whose leases, inboxes and snapshots live in the Redis Cluster', async () => {
    const database = await freshDatabase();
    const shards = 8;
    const set = createMemberSet({ databaseUrl: database.url, leaseMs: 3_000, shards, basePort: 10_100 + Math.floor(Math.random() * 3_900) * 2, env: { REDIS_URL: cluster.url } });
    try {
      const m1 = await set.start('m1', 0);
      // Every shard leased by m1 (one GET per lease key: they live in different slots).
      for (let i = 0; ; i++) {
        const holders = await Promise.all(Array.from({ length: shards }, (_, s) => admin.get(set.keys.lease(s))));
        if (holders.every((h) => h?.startsWith('m1#'))) break;
        if (i > 200) throw new Error(`shards not leased by m1: ${JSON.stringify(holders)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const senders = ['rc-ana', 'rc-beto', 'rc-carla'];
      const texts = ['hola', '¿tienen martillos?', 'gracias'];
      for (const sender of senders) {
        for (const [i, text] of texts.entries()) {
          const res = await sendMessage(() => m1.port, set.apiKey, sender, `${sender}-${i}`, text, Date.now() + 30_000);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.messages?.length ?? 0, JSON.stringify(res.body)).toBeGreaterThan(0);
        }
      }
      const inSql = await transcripts(database.db);
      expect(inSql.size).toBe(senders.length);
      for (const list of inSql.values()) expect(list.filter((m) => m.direction === 'in').map((m) => m.message_id.replace(/^.*-/, ''))).toEqual(['0', '1', '2']);
      const perNode = await keysPerNode(set.prefix);
      const health = (await (await fetch(`http://127.0.0.1:${m1.port}/health`, { headers: { authorization: `Bearer ${set.metricsToken}` } })).json()) as unknown;
      console.log(`[redis cluster] 1 member, ${shards} shards, ${senders.length * texts.length} REST turns answered; keys per master ${perNode.join('/')}; /health ${JSON.stringify(health).slice(0, 300)}`);
      expect(perNode.every((n) => n > 0), `keys per master: ${perNode.join('/')}`).toBe(true);
      expect(JSON.stringify(health)).toContain('m1');
      expect(m1.problems.filter((l) => /CROSSSLOT|MOVED|ClusterAllFailedError|"level":(50|60)/.test(l))).toEqual([]);
    } finally {
      await set.stopAll();
      await database.dispose();
    }
  }, 120_000);

  it('should route REST turns through two members on the Redis Cluster and hand the shards over on SIGTERM, nothing lost or reordered', async () => {
    const database = await freshDatabase();
    const shards = 8;
    const set = createMemberSet({ databaseUrl: database.url, leaseMs: 3_000, shards, basePort: 10_100 + Math.floor(Math.random() * 3_900) * 2, env: { REDIS_URL: cluster.url } });
    const holders = (): Promise<(string | null)[]> => Promise.all(Array.from({ length: shards }, (_, s) => admin.get(set.keys.lease(s)).then((v) => (v === null ? null : v.slice(0, v.lastIndexOf('#'))))));
    const waitForHolders = async (expected: string[]): Promise<void> => {
      for (let i = 0; ; i++) {
        const h = await holders();
        if (h.every((m) => m !== null && expected.includes(m)) && expected.every((m) => h.includes(m))) return;
        if (i > 400) throw new Error(`shards not spread over ${expected.join(',')}: ${JSON.stringify(h)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      // One after the other: the first start seeds the demo accounts in the shared database.
      const m1 = await set.start('m1', 0);
      const m2 = await set.start('m2', 1);
      await waitForHolders(['m1', 'm2']);
      const spread = await holders();
      const senders = Array.from({ length: 6 }, (_, i) => `rc2-${i}`);
      const texts = ['hola', '¿tienen martillos?', '¿y taladros?', 'gracias'];
      // Each message goes to the other member than the previous one: half the turns are forwarded.
      const send = async (ports: number[], from: number, to: number) => {
        await Promise.all(
          senders.map(async (sender, s) => {
            for (let i = from; i < to; i++) {
              const port = ports[(s + i) % ports.length]!;
              const res = await sendMessage(() => port, set.apiKey, sender, `${sender}-${i}`, texts[i % texts.length]!, Date.now() + 30_000);
              expect(res.status, JSON.stringify(res.body)).toBe(200);
              expect(res.body.messages?.length ?? 0, JSON.stringify(res.body)).toBeGreaterThan(0);
            }
          }),
        );
      };
      await send([m1.port, m2.port], 0, 2);
      m2.child.kill('SIGTERM');
      const exit = await m2.exited;
      await waitForHolders(['m1']);
      await send([m1.port], 2, 4);
      const inSql = await transcripts(database.db);
      expect(inSql.size).toBe(senders.length);
      for (const list of inSql.values()) {
        expect(list.filter((m) => m.direction === 'in').map((m) => m.message_id.replace(/^.*-/, ''))).toEqual(['0', '1', '2', '3']);
        expect(list.filter((m) => m.direction === 'out').length).toBeGreaterThanOrEqual(4);
      }
      console.log(`[redis cluster] 2 members, shards ${JSON.stringify(spread)}; ${senders.length * 2} turns through both, m2 SIGTERM (exit ${exit.signal ?? exit.code}), ${senders.length * 2} more on m1; ${inSql.size} conversations, 4 inbound each in order`);
      expect(exit.code).toBe(0);
      for (const m of [m1, m2]) expect(m.problems.filter((l) => /CROSSSLOT|MOVED|ClusterAllFailedError|"level":(50|60)/.test(l)), m.name).toEqual([]);
    } finally {
      await set.stopAll();
      await database.dispose();
    }
  }, 150_000);
});
