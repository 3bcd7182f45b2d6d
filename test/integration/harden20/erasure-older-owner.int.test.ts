import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createClusterKeys, createClusterMember, type ClusterMember } from '../../../src/runtime/cluster/index.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { openStorage, startHilo, type Hilo, type HiloStorage } from '../../../src/runtime/hilo.js';
import { shardOf } from '../../../src/runtime/shard-router.js';
import { createTestDatabase, newSender, REDIS_URL } from '../durable/durable-harness.js';

/**
 * harden19's open point, the eraser's side: a member of a release before harden20 advertises no
 * cluster protocol and drops the `evict` entry unread. Before, the erasure on a new member waited
 * the whole answer timeout (turn timeout + 2 leases, ~54 s here) per conversation that old member
 * owned; now it sees the owner's protocol, sends nothing it would drop, and answers at once.
 */
const TENANT = 'ferreteria';
const SHARDS = 8;

describe('erasing a conversation whose shard a member of an older release owns (real Redis + PostgreSQL)', () => {
  const prefix = `hilo-test-${randomBytes(6).toString('hex')}`;
  const clusterName = `o${randomBytes(4).toString('hex')}`;
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const clusterKeys = createClusterKeys(prefix, clusterName);
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let admin: Redis;
  let oldRedis: Redis;
  let hilo: Hilo;
  let storage: HiloStorage;
  let old: ClusterMember | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'hilo-h20-'));
    admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    oldRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_DEMO_API_KEY: apiKey,
      HILO_DEMO_AGENT_PASSWORD: 'test-password-1',
      HILO_DATA_DIR: dataDir,
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_TEAM_HOURS: 'off',
      HILO_SHARDS: String(SHARDS),
      DATABASE_URL: database.url,
      REDIS_URL,
      HILO_REDIS_PREFIX: prefix,
      ...(process.env.HILO_MODEL_CACHE ? { HILO_MODEL_CACHE: process.env.HILO_MODEL_CACHE } : {}),
    });
    const logger = createSilentLogger();
    storage = await openStorage(config, { clock: systemClock, logger });
    hilo = await startHilo({ config, clock: systemClock, logger, storage, cluster: { cluster: clusterName, memberId: 'm-new', leaseMs: 12_000 } });
  }, 90_000);

  afterAll(async () => {
    await old?.close().catch(() => undefined);
    await hilo?.close().catch(() => undefined);
    await storage?.close().catch(() => undefined);
    let cursor = '0';
    do {
      const [next, found] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (found.length > 0) await admin.del(...found);
    } while (cursor !== '0');
    admin?.disconnect();
    oldRedis?.disconnect();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 90_000);

  const base = () => `http://127.0.0.1:${hilo.port}/api/tenants/${TENANT}`;
  const auth = { authorization: `Bearer ${apiKey}` };
  const holderOf = async (shard: number): Promise<string | null> => (await admin.get(clusterKeys.lease(shard)))?.split('#')[0] ?? null;

  it('should answer the erasure without waiting for an owner that cannot run the eviction, and send it nothing', async () => {
    // Conversations on every shard while the new member owns them all.
    const conversations: string[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await fetch(`${base()}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ sender: newSender('h20-old'), text: 'hola, venden cemento?' }) });
      expect(res.status).toBe(200);
      conversations.push(((await res.json()) as { conversation_id: string }).conversation_id);
    }
    // An older member joins: it heartbeats without a protocol and takes its share of the shards, but
    // reads no inbox (as an older release would read an `evict` entry: never run).
    old = createClusterMember({ redis: oldRedis, prefix, cluster: clusterName, memberId: 'm-old', shardCount: SHARDS, leaseMs: 12_000, clock: systemClock, logger: createSilentLogger(), epochs: { raise: async (_s, epoch, holder) => ({ epoch, holder }), current: async () => 0 }, info: { pid: 1 } });
    old.start();
    let target: string | undefined;
    for (const until = Date.now() + 45_000; !target; ) {
      for (const c of conversations) if ((await holderOf(shardOf(TENANT, c, SHARDS))) === 'm-old') target = c;
      if (Date.now() > until) throw new Error('the older member took no shard of the conversations');
      if (!target) await new Promise((r) => setTimeout(r, 200));
    }
    const shard = shardOf(TENANT, target, SHARDS);
    const before = await admin.xlen(clusterKeys.inbox(shard));
    const started = Date.now();
    const erased = await fetch(`${base()}/contacts/${target}`, { method: 'DELETE', headers: auth });
    const took = Date.now() - started;
    expect(erased.status).toBe(200);
    // Before: ~54 s (the answer timeout), an `evict` entry left for a member that drops it.
    expect(took).toBeLessThan(10_000);
    expect(await admin.xlen(clusterKeys.inbox(shard))).toBe(before);
    // The tombstone still fences the conversation on members that check it.
    expect(await admin.exists(createRedisKeys(prefix).erased({ tenantId: TENANT, conversationId: target }))).toBe(1);
  }, 150_000);
});
