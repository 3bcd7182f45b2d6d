import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { advertisedProtocol, appendToInbox, CLUSTER_PROTOCOL, createClusterKeys, INBOX_GROUP, protocolOf, ShardInbox, type ClusterShardRouter, type InboxEntry, type InboxWork } from '../../../src/runtime/cluster/index.js';
import { connectRedis } from '../cluster/cluster-harness.js';

/**
 * harden19's open point: a member of an older release read the new `evict` entry as invalid and
 * dropped it (acknowledged + deleted, error log). From harden20 on, entries carry the protocol that
 * runs them (`v`) and a reader leaves what it cannot run pending for an upgraded owner.
 */
const router: ClusterShardRouter = { memberId: 'me', shardCount: 1, shardOf: () => 0, ownership: () => ({ epoch: 1 }), accepts: () => true, held: () => new Map() };
const msg = (conversationId: string, n: number): InboxWork => ({ k: 'msg', tenantId: 't', conversationId, message: { tenantId: 't', channel: 'rest', senderId: conversationId, messageId: `${conversationId}-${n}`, text: `m${n}` } });

describe('cluster inbox entries across releases (real Redis streams)', () => {
  let redis: Redis;
  let blocking: Redis;
  let keys: ReturnType<typeof createClusterKeys>;
  let inbox: ShardInbox | null = null;

  beforeEach(async () => {
    redis = await connectRedis();
    blocking = await connectRedis();
    keys = createClusterKeys(`hilo-h20-${randomBytes(4).toString('hex')}`, 'c');
  });
  afterEach(async () => {
    await inbox?.close();
    inbox = null;
    await redis.del(keys.inbox(0));
    redis.disconnect();
    blocking.disconnect();
  });

  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };

  it('should leave an entry of a newer protocol or an unknown kind pending, and run the others', async () => {
    // A future member's work: a kind this release does not know, and a known shape marked newer.
    await redis.xadd(keys.inbox(0), '*', 'w', JSON.stringify({ k: 'reindex', tenantId: 't', conversationId: 'c-future' }), 'r', '', 'm', '', 'v', String(CLUSTER_PROTOCOL + 1));
    await redis.xadd(keys.inbox(0), '*', 'w', JSON.stringify({ k: 'warmup', tenantId: 't', conversationId: 'c-future2' }), 'r', '', 'm', '');
    await redis.xadd(keys.inbox(0), '*', 'w', JSON.stringify({ k: 'idle', tenantId: 't', conversationId: 'c-newer', seq: 1 }), 'r', '', 'm', '', 'v', String(CLUSTER_PROTOCOL + 1));
    await appendToInbox(redis, keys, 0, msg('c-now', 1), null);
    const ran: string[] = [];
    inbox = new ShardInbox({ blocking, redis, keys, consumer: 'me', router, run: async (e: InboxEntry) => (ran.push(e.work.conversationId), 'ack'), logger: createSilentLogger(), blockMs: 50, sweepMs: 100 });
    inbox.start();
    await until(() => inbox!.stats.acked === 1);
    // Several sweeps later: still pending, run by nobody here, not dispatched again.
    await new Promise((r) => setTimeout(r, 400));
    expect(ran).toEqual(['c-now']);
    expect(inbox.stats.unsupported).toBe(3);
    expect(inbox.stats.invalid).toBe(0);
    expect(await redis.xlen(keys.inbox(0))).toBe(3);
    const [pending] = (await redis.xpending(keys.inbox(0), INBOX_GROUP)) as [number];
    expect(pending).toBe(3);
  });

  it('should still drop (acknowledge) an entry that is malformed rather than newer', async () => {
    await redis.xadd(keys.inbox(0), '*', 'w', '{not json', 'r', '', 'm', '');
    await redis.xadd(keys.inbox(0), '*', 'w', JSON.stringify({ k: 'msg', tenantId: 't' }), 'r', '', 'm', '', 'v', '1');
    inbox = new ShardInbox({ blocking, redis, keys, consumer: 'me', router, run: async () => 'ack', logger: createSilentLogger(), blockMs: 50 });
    inbox.start();
    await until(() => inbox!.stats.invalid === 2);
    await until(() => inbox!.stats.acked === 2);
    expect(await redis.xlen(keys.inbox(0))).toBe(0);
    expect(inbox.stats.unsupported).toBe(0);
  });

  it('should mark every appended entry with the protocol that runs it, and read a member’s advertised protocol', async () => {
    await appendToInbox(redis, keys, 0, msg('c-1', 1), null);
    await appendToInbox(redis, keys, 0, { k: 'evict', tenantId: 't', conversationId: 'c-1' }, null);
    const entries = await redis.xrange(keys.inbox(0), '-', '+');
    const v = entries.map(([, fields]) => fields[fields.indexOf('v') + 1]);
    expect(v).toEqual(['1', '2']);
    expect(protocolOf({ k: 'evict' })).toBe(2);
    expect(CLUSTER_PROTOCOL).toBeGreaterThanOrEqual(2);
    expect(advertisedProtocol(undefined)).toBe(1);
    expect(advertisedProtocol('{"host":"x","token":"m#1"}')).toBe(1);
    expect(advertisedProtocol('{not json')).toBe(1);
    expect(advertisedProtocol(JSON.stringify({ protocol: 2 }))).toBe(2);
  });
});
