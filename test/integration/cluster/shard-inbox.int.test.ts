import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createClusterKeys, INBOX_GROUP, ShardInbox, type ClusterShardRouter, type InboxEntry, type InboxOutcome, type InboxWork } from '../../../src/runtime/cluster/index.js';
import { connectRedis } from './cluster-harness.js';

/** A router that holds both shards (or none while `held` is false). */
function router(state: { held: boolean }): ClusterShardRouter {
  return {
    memberId: 'me',
    shardCount: 2,
    shardOf: (_t, c) => (c.startsWith('s1') ? 1 : 0),
    ownership: () => (state.held ? { epoch: 1 } : null),
    accepts: () => state.held,
    held: () => new Map(),
  };
}

const work = (conversationId: string, n: number): InboxWork => ({ k: 'msg', tenantId: 't', conversationId, message: { tenantId: 't', channel: 'rest', senderId: conversationId, messageId: `${conversationId}-${n}`, text: `m${n}` } });

describe('shard inbox (real Redis streams)', () => {
  let redis: Redis;
  let blocking: Redis;
  let keys: ReturnType<typeof createClusterKeys>;
  let inbox: ShardInbox | null = null;

  beforeEach(async () => {
    redis = await connectRedis();
    blocking = await connectRedis();
    keys = createClusterKeys(`hilo-inbox-${randomBytes(4).toString('hex')}`, 'c');
  });
  afterEach(async () => {
    await inbox?.close();
    inbox = null;
    await redis.del(keys.inbox(0), keys.inbox(1));
    redis.disconnect();
    blocking.disconnect();
  });

  const add = (shard: number, w: InboxWork, id = '*'): Promise<string | null> => redis.xadd(keys.inbox(shard), id, 'w', JSON.stringify(w), 'r', '', 'm', '');
  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  const start = (state: { held: boolean }, run: (e: InboxEntry) => Promise<InboxOutcome>): ShardInbox => {
    inbox = new ShardInbox({ blocking, redis, keys, consumer: 'me', router: router(state), run, logger: createSilentLogger(), blockMs: 50, sweepMs: 200 });
    inbox.start();
    return inbox;
  };

  it('runs entries of two shards that share one stream id (ids are per stream), then acknowledges and deletes them', async () => {
    await add(0, work('s0-a', 1), '5-0');
    await add(1, work('s1-b', 1), '5-0');
    const ran: string[] = [];
    start({ held: true }, async (e) => {
      ran.push(`${e.shard}:${e.id}`);
      return 'ack';
    });
    await until(() => ran.length === 2);
    expect(ran.sort()).toEqual(['0:5-0', '1:5-0']);
    await until(() => inbox!.stats.acked === 2);
    expect(await redis.xlen(keys.inbox(0))).toBe(0);
    expect(await redis.xlen(keys.inbox(1))).toBe(0);
  });

  it('takes over a dead consumer’s pending entries first, in stream order, one conversation at a time', async () => {
    await redis.xgroup('CREATE', keys.inbox(0), INBOX_GROUP, '0', 'MKSTREAM');
    for (let n = 1; n <= 3; n++) await add(0, work('s0-a', n));
    // A member that read them and died.
    await redis.xreadgroup('GROUP', INBOX_GROUP, 'dead', 'COUNT', 10, 'STREAMS', keys.inbox(0), '>');
    for (let n = 4; n <= 5; n++) await add(0, work('s0-a', n));
    const ran: { text: string; claimed: boolean }[] = [];
    let running = 0;
    let overlapped = false;
    start({ held: true }, async (e) => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 10));
      ran.push({ text: e.work.k === 'msg' ? e.work.message.text : '', claimed: e.claimed });
      running--;
      return 'ack';
    });
    await until(() => ran.length === 5);
    expect(ran).toEqual([
      { text: 'm1', claimed: true },
      { text: 'm2', claimed: true },
      { text: 'm3', claimed: true },
      { text: 'm4', claimed: false },
      { text: 'm5', claimed: false },
    ]);
    expect(overlapped).toBe(false);
  });

  it('runs again and deletes entries delivered but in no pending list (acknowledged and not deleted; a pending list lost with its consumer)', async () => {
    await redis.xgroup('CREATE', keys.inbox(0), INBOX_GROUP, '0', 'MKSTREAM');
    const ids: string[] = [];
    for (let n = 1; n <= 3; n++) ids.push((await add(0, work('s0-a', n)))!);
    // A member read m1 and m2, acknowledged m1 and died before its XDEL; m2's pending list went with its consumer.
    await redis.xreadgroup('GROUP', INBOX_GROUP, 'dead', 'COUNT', 2, 'STREAMS', keys.inbox(0), '>');
    await redis.xack(keys.inbox(0), INBOX_GROUP, ids[0]!);
    await redis.xgroup('DELCONSUMER', keys.inbox(0), INBOX_GROUP, 'dead');
    expect(((await redis.xpending(keys.inbox(0), INBOX_GROUP)) as unknown[])[0]).toBe(0);
    expect(await redis.xlen(keys.inbox(0))).toBe(3);
    const ran: string[] = [];
    start({ held: true }, async (e) => {
      ran.push(e.work.k === 'msg' ? e.work.message.text : '');
      return 'ack';
    });
    // Neither a read ('>') nor a claim would ever hand m1 and m2 out again: they run on taking the shard, before m3.
    await until(() => ran.length === 3);
    expect(ran).toEqual(['m1', 'm2', 'm3']);
    await until(() => inbox!.stats.acked === 3);
    expect(await redis.xlen(keys.inbox(0))).toBe(0);
    expect(inbox!.stats.adopted).toBe(2);
  });

  it('an entry left pending parks its shard: the conversation’s later entries wait and run after it, in order', async () => {
    for (let n = 1; n <= 3; n++) await add(0, work('s0-a', n));
    const ran: string[] = [];
    let refusals = 1;
    start({ held: true }, async (e) => {
      const text = e.work.k === 'msg' ? e.work.message.text : '';
      if (text === 'm1' && refusals-- > 0) return 'keep'; // e.g. a fenced write: not acknowledged
      ran.push(text);
      return 'ack';
    });
    await until(() => ran.length === 3);
    expect(ran).toEqual(['m1', 'm2', 'm3']);
    expect(inbox!.stats.kept).toBe(1);
    await until(() => inbox!.stats.acked === 3);
  });

  it('removes dead incarnations’ consumers from the group once they have nothing pending, and keeps live ones', async () => {
    await redis.xgroup('CREATE', keys.inbox(0), INBOX_GROUP, '0', 'MKSTREAM');
    await add(0, work('s0-a', 1));
    await add(0, work('s0-b', 1));
    // dead#1 read and acknowledged its entry; dead#2 died with one pending; live#x and old#9 (a live
    // member that published no token) read nothing yet.
    const [[, [[first]]]] = (await redis.xreadgroup('GROUP', INBOX_GROUP, 'dead#1', 'COUNT', 1, 'STREAMS', keys.inbox(0), '>')) as [[string, [[string, string[]]]]];
    await redis.xack(keys.inbox(0), INBOX_GROUP, first!);
    await redis.xreadgroup('GROUP', INBOX_GROUP, 'dead#2', 'COUNT', 1, 'STREAMS', keys.inbox(0), '>');
    await redis.xgroup('CREATECONSUMER', keys.inbox(0), INBOX_GROUP, 'live#x');
    await redis.xgroup('CREATECONSUMER', keys.inbox(0), INBOX_GROUP, 'old#9');
    const ran: string[] = [];
    inbox = new ShardInbox({
      blocking,
      redis,
      keys,
      consumer: 'me#1',
      router: router({ held: true }),
      run: async (e) => (ran.push(e.work.conversationId), 'ack'),
      logger: createSilentLogger(),
      blockMs: 50,
      sweepMs: 200,
      pruneMs: 100,
      pruneIdleMs: 0,
      liveConsumers: async () => ({ tokens: new Set(['live#x']), untokened: new Set(['old']) }),
    });
    inbox.start();
    const consumers = async (): Promise<string[]> => ((await redis.xinfo('CONSUMERS', keys.inbox(0), INBOX_GROUP)) as string[][]).map((f) => f[f.indexOf('name') + 1]!).sort();
    let names: string[] = [];
    for (let i = 0; i < 200; i++) {
      names = await consumers();
      if (!names.includes('dead#2')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    // dead#2 was removed only after its pending entry was claimed (and run): nothing lost. dead#1's
    // entry, acknowledged but never deleted, runs again (a committed turn answers nothing twice) and goes.
    expect(ran).toEqual(['s0-a', 's0-b']);
    expect(names).toEqual(['live#x', 'me#1', 'old#9']);
    // The count is taken when both DELCONSUMER replies are back, which may be just after Redis
    // shows them gone to the XINFO above (seen once on a loaded machine).
    await until(() => inbox!.stats.prunedConsumers === 2);
    expect(inbox.stats.prunedConsumers).toBe(2);
  });

  it('does not run entries of a shard it does not hold; they stay pending', async () => {
    await add(0, work('s0-a', 1));
    const state = { held: false };
    const ran: string[] = [];
    start(state, async (e) => {
      ran.push(e.id);
      return 'ack';
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(ran).toEqual([]);
    state.held = true;
    await until(() => ran.length === 1);
  });
});
