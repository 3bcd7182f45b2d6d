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
import { createTestDatabase, newSender, REDIS_URL } from '../durable/durable-harness.js';

/**
 * harden20 left open: during a rolling upgrade a member of a release before harden20 neither runs
 * the `evict` entry nor checks the erasure tombstone in its snapshot put, so an erasure was fenced
 * only on the upgraded members and that old member could write an erased conversation back. Now
 * the erasure is refused whole (503, nothing dropped) while such a member is live, answered at
 * once (harden20's point: no wait for an owner that drops the eviction, no `evict` entry sent),
 * and goes through once the old member has left. Replaces harden20's erasure-older-owner test,
 * which asserted the erasure went ahead.
 */
const TENANT = 'ferreteria';
const SHARDS = 8;

describe('erasing a contact while a member of an older release is live (real Redis + PostgreSQL)', () => {
  const prefix = `hilo-test-${randomBytes(6).toString('hex')}`;
  const clusterName = `u${randomBytes(4).toString('hex')}`;
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
    dataDir = await mkdtemp(join(tmpdir(), 'hilo-h21-'));
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
    hilo = await startHilo({ config, clock: systemClock, logger, storage, cluster: { cluster: clusterName, memberId: 'm-new', leaseMs: 6_000 } });
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
  const send = async (sender: string, text: string) => {
    const res = await fetch(`${base()}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { conversation_id: string }).conversation_id;
  };
  const inboxLengths = async () => Promise.all(Array.from({ length: SHARDS }, (_, s) => admin.xlen(clusterKeys.inbox(s))));

  it('should refuse the erasure at once and drop nothing while the older member is live, then erase once it left', async () => {
    const target = await send(newSender('h21-up'), 'hola, venden cemento gris?');
    const bystander = newSender('h21-up');
    await send(bystander, 'tienen varilla de 3/8?');

    // An older member joins: it heartbeats without a protocol, as releases before harden20 do.
    old = createClusterMember({ redis: oldRedis, prefix, cluster: clusterName, memberId: 'm-old', shardCount: SHARDS, leaseMs: 6_000, clock: systemClock, logger: createSilentLogger(), epochs: { raise: async (_s, epoch, holder) => ({ epoch, holder }), current: async () => 0 }, info: { pid: 1 } });
    old.start();
    await expect.poll(() => old!.members().includes('m-old'), { timeout: 20_000 }).toBe(true);

    const inboxBefore = await inboxLengths();
    const started = Date.now();
    const refused = await fetch(`${base()}/contacts/${target}`, { method: 'DELETE', headers: auth });
    const took = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'HILO_ERR_CLUSTER_UPGRADE_PENDING', details: { members: ['m-old'] } } });
    expect(took).toBeLessThan(10_000);
    // Nothing was dropped or fenced: no tombstone, no eviction sent, the transcript still there.
    expect(await admin.exists(createRedisKeys(prefix).erased({ tenantId: TENANT, conversationId: target }))).toBe(0);
    expect(await inboxLengths()).toEqual(inboxBefore);
    const kept = await fetch(`${base()}/conversations/${target}`, { headers: auth });
    expect(kept.status).toBe(200);
    expect(JSON.stringify(await kept.json())).toContain('cemento');
    // The refusal touches no other conversation: the bystander goes on.
    await send(bystander, 'y cuanto cuesta?');

    // The rolling upgrade ends: the older member leaves, and the retried erasure goes through.
    await old.close();
    old = null;
    let erased: Response | null = null;
    for (const until = Date.now() + 30_000; ; ) {
      erased = await fetch(`${base()}/contacts/${target}`, { method: 'DELETE', headers: auth });
      if (erased.status !== 503 || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ outcome: 'erased' });
    expect((await fetch(`${base()}/conversations/${target}`, { headers: auth })).status).toBe(404);
  }, 150_000);
});
