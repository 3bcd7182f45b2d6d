import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { appendToInbox, ShardInbox, type InboxWork } from '../../../src/runtime/cluster/index.js';
import { keySlot } from '../../../src/runtime/cluster/key-slot.js';
import { postgresBackend, type OpenedTestDatabase } from '../sql/sql-backends.js';
import { connectRedis, createCluster } from './cluster-harness.js';

/**
 * Issue 13, Redis Cluster: every command the cluster code sends touches keys of one hash slot
 * (Redis Cluster refuses a multi-key command across slots). Watched with `MONITOR` on the real
 * Redis while two members take their shards and one reads its shard inboxes; each command's keys
 * are mapped to slots with CRC16 as Redis does.
 */
const SHARDS = 16;

/** The keys of one command as MONITOR shows it (only the forms the cluster code sends). */
function keysOf(args: string[]): string[] {
  const name = args[0]!.toUpperCase();
  if (name === 'XREADGROUP') {
    const rest = args.slice(args.findIndex((a) => a.toUpperCase() === 'STREAMS') + 1);
    return rest.slice(0, rest.length / 2);
  }
  if (name === 'EVALSHA' || name === 'EVAL') return args.slice(3, 3 + Number(args[2]));
  if (name === 'MGET' || name === 'DEL') return args.slice(1);
  if (name === 'XGROUP') return [args[2]!];
  if (name === 'PUBLISH' || name === 'SUBSCRIBE' || name === 'SCRIPT') return [];
  return args.length > 1 ? [args[1]!] : [];
}

describe('Redis commands of the cluster stay within one hash slot (MONITOR on the real Redis)', () => {
  let opened: OpenedTestDatabase;
  let admin: Redis;
  let monitor: Redis & { disconnect(): void };
  let blocking: Redis;
  let commands: string[][] = [];
  beforeAll(async () => {
    opened = await postgresBackend.open();
    admin = await connectRedis();
    blocking = await connectRedis();
  });
  afterAll(async () => {
    monitor?.disconnect();
    blocking?.disconnect();
    admin?.disconnect();
    await opened?.dispose();
  });

  it('should read a member’s shard inboxes one slot per XREADGROUP (Redis Cluster mode), and keep every lease script and inbox command in one slot', async () => {
    const cluster = createCluster(opened.db, admin, { shardCount: SHARDS });
    monitor = (await admin.duplicate().monitor()) as typeof monitor;
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((a) => a.includes(cluster.prefix))) commands.push(args);
    });
    const a = await cluster.add('m-a');
    const b = await cluster.add('m-b');
    await cluster.settle(a, b);
    const mine = [...a.member.router.held().keys()].sort((x, y) => x - y);
    expect(new Set(mine.map((s) => keySlot(cluster.keys.inbox(s)))).size, 'm-a’s shards span several slots').toBeGreaterThan(1);
    const ran = new Set<number>();
    const inbox = new ShardInbox({ blocking, redis: a.redis, keys: cluster.keys, consumer: a.member.token, router: a.member.router, run: async (e) => (ran.add(e.shard), 'ack'), logger: createSilentLogger(), blockMs: 50, sweepMs: 100, slotReads: true });
    inbox.start();
    for (let shard = 0; shard < SHARDS; shard++) {
      const work: InboxWork = { k: 'msg', tenantId: 't', conversationId: `c-${shard}`, message: { tenantId: 't', channel: 'rest', senderId: `s-${shard}`, messageId: `m-${shard}`, text: 'hola' } };
      await appendToInbox(admin, cluster.keys, shard, work, null);
    }
    for (let i = 0; i < 200 && ran.size < mine.length; i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 300)); // a sweep and a few idle rounds
    await inbox.close();
    await a.member.reconcile(); // renewals
    await cluster.settle(a, b);
    await new Promise((r) => setTimeout(r, 100)); // MONITOR lines still on their way
    expect([...ran].sort((x, y) => x - y)).toEqual(mine);

    const mixed = commands.filter((c) => new Set(keysOf(c).map(keySlot)).size > 1);
    const reads = commands.filter((c) => c[0]!.toUpperCase() === 'XREADGROUP');
    const scripts = commands.filter((c) => c[0]!.toUpperCase().startsWith('EVAL'));
    const readShards = new Set(reads.flatMap((c) => keysOf(c)));
    console.log(`[redis slots] ${commands.length} commands watched (${reads.length} XREADGROUP, ${scripts.length} lease/membership scripts); m-a holds ${mine.length} shards in ${new Set(mine.map((s) => keySlot(cluster.keys.inbox(s)))).size} slots; commands mixing two slots: ${mixed.length}`);
    expect(mixed.map((c) => c.slice(0, 6).join(' '))).toEqual([]);
    expect(reads.length).toBeGreaterThan(0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(readShards).toEqual(new Set(mine.map((s) => cluster.keys.inbox(s))));
    commands = [];
    await cluster.dispose();
  });

  it('should not batch the cluster’s commands in pipelines or transactions (a Redis Cluster client refuses them across slots)', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'src', 'runtime', 'cluster');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /\.(pipeline|multi)\(/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
