import type { Registry } from 'prom-client';
import type { ConversationHost } from '../../actors/conversation-host.js';
import type { ConversationUpdate } from '../../actors/conversation-service.js';
import type { Clock } from '../../kernel/clock.js';
import { errorMessage } from '../../kernel/describe-error.js';
import { HiloError, isHiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { OutboxEntry, OutboxRepository } from '../../persistence/ports/outbox.js';
import type { ConversationKey, SnapshotStore } from '../../persistence/ports/snapshot-store.js';
import type { IdleCloseSource, TurnJournal } from '../../persistence/ports/turn-journal.js';
import { backfillShards, createSqlTurnJournal, type Database } from '../../persistence/sql/index.js';
import { createSqlShardEpochs } from '../../persistence/sql/sql-turn-fence.js';
import { createClusterMetrics } from '../observability/cluster-metrics.js';
import { createRedisConnection, type RedisClient } from '../../persistence/redis/redis-connection.js';
import { createRedisErasureTombstones } from '../../persistence/redis/redis-erasure-tombstones.js';
import { shardOf } from '../shard-router.js';
import type { ClusterConfig } from './cluster-config.js';
import { createClusterKeys } from './cluster-keys.js';
import { createClusterMember, type ClusterMember } from './cluster-member.js';
import { createClusterRedis } from './cluster-redis.js';
import { ClusterService } from './cluster-service.js';
import { describeHolders, type ClusterView } from './cluster-view.js';
import { createErasureFencedJournal } from './erasure-fence.js';
import { createFencedSnapshotStore } from './fenced-snapshot-store.js';
import { advertisedProtocol, CLUSTER_PROTOCOL, protocolOf } from './inbox-work.js';
import { ShardInbox } from './shard-inbox.js';

export interface ClusterRuntimeOptions {
  cluster: ClusterConfig;
  redisUrl: string;
  prefix: string;
  db: Database;
  shardCount: number;
  clock: Clock;
  logger: Logger;
  /** Where `hilo_shard_*` metrics go (the runtime's registry). */
  registry?: Registry;
  /** How long a caller waits for the owner's answer after the durable append (ms). */
  answerTimeoutMs: number;
}

/**
 * Everything `HILO_CLUSTER=1` adds to one process (docs/cluster.md): the member (heartbeats,
 * shard leases, epochs), the fenced stores the host writes through, the shard inbox the owner
 * reads, the routing service the gateway calls instead of the host, the per-shard outbox claims
 * and timer scans, and `/health`'s cluster view. `startHilo` builds it before the host and attaches the host next.
 */
export async function openClusterRuntime(options: ClusterRuntimeOptions) {
  const { cluster, clock, logger, db } = options;
  const log = logger.child({ component: 'cluster' });
  const connect = async (name: string): Promise<RedisClient> => {
    const r = createRedisConnection(options.redisUrl, { lazyConnect: true, connectionName: `hilo-${name}`, maxRetriesPerRequest: 2 });
    r.on('error', (err: unknown) => log.warn({ err: { message: errorMessage(err) }, connection: name }, 'cluster Redis connection error'));
    try {
      await r.connect();
    } catch (err) {
      r.disconnect();
      throw new HiloError('HILO_ERR_CONFIG_INVALID', `Redis at REDIS_URL is unreachable: ${errorMessage(err)}`, { cause: err });
    }
    return r;
  };
  const conns: RedisClient[] = [];
  try {
    for (const name of ['cluster', 'inbox', 'subscriber']) conns.push(await connect(name));
  } catch (err) {
    for (const c of conns) c.disconnect();
    throw err;
  }
  const [redis, blocking, subscriber] = conns as [RedisClient, RedisClient, RedisClient];
  // On Redis Cluster the inbox reads one hash slot per XREADGROUP; on a single Redis, one blocking read.
  const slotReads = /cluster_enabled:1/.test(await redis.info('cluster').catch(() => ''));
  if (slotReads) log.info('Redis Cluster: shard inboxes are read one hash slot per command');
  const keys = createClusterKeys(options.prefix, cluster.cluster);
  // Erased conversations, for every member (harden19): the snapshot put script and the journal below refuse them.
  const tombstones = createRedisErasureTombstones({ redis, prefix: options.prefix });
  let host: ConversationHost | null = null;
  let inbox: ShardInbox | null = null;
  let settleOutbox: ((shard: number) => Promise<void>) | null = null;
  const member: ClusterMember = createClusterMember({
    redis,
    prefix: options.prefix,
    cluster: cluster.cluster,
    memberId: cluster.memberId,
    shardCount: options.shardCount,
    leaseMs: cluster.leaseMs,
    clock,
    logger,
    epochs: createSqlShardEpochs(db),
    ...(options.registry ? { observer: createClusterMetrics(options.registry) } : {}),
    info: { pid: process.pid, startedAt: new Date(clock.now()).toISOString(), protocol: CLUSTER_PROTOCOL },
    // Graceful hand-over: no new reads of the shard, its read entries finish, its actors passivate.
    handover: async (shard) => {
      await inbox?.drainShard(shard);
      await host?.drainShard(shard);
      // Rows of the shard being sent finish here; the rest are released for the next owner.
      await settleOutbox?.(shard);
    },
    onLost: (shard) => {
      inbox?.dropShard(shard);
      host?.dropShard(shard);
    },
  });
  /** The shards taking work now (held, valid by this member's clock, not being handed over) and their epochs. */
  const ownedWithEpochs = (): { shard: number; epoch: number }[] => {
    const out: { shard: number; epoch: number }[] = [];
    for (const [shard, held] of member.router.held()) if (member.router.accepts(shard)) out.push({ shard, epoch: held.epoch });
    return out;
  };
  /** The live members' current lease tokens (from their heartbeat info), for pruning dead consumers. */
  const liveConsumers = async (): Promise<{ tokens: Set<string>; untokened: Set<string> }> => {
    const live = new Set(member.members());
    const info = await redis.hgetall(keys.memberInfo);
    const tokens = new Set<string>();
    const untokened = new Set<string>();
    for (const id of live) {
      let token: unknown;
      try {
        token = (JSON.parse(info[id] ?? '{}') as { token?: unknown }).token;
      } catch {
        token = undefined;
      }
      if (typeof token === 'string') tokens.add(token);
      else untokened.add(id); // an older member, or info not written yet: keep all its consumers
    }
    return { tokens, untokened };
  };
  /** True unless the shard's holder advertises an older protocol than `needed` (a free shard's next owner reads the entry later). */
  const ownerRuns = async (needed: number, shard: number): Promise<boolean> => {
    const holder = (await redis.get(keys.lease(shard)))?.split('#')[0];
    if (!holder || holder === cluster.memberId) return true;
    return advertisedProtocol((await redis.hget(keys.memberInfo, holder)) ?? undefined) >= needed;
  };
  const view = createClusterRedis(redis, keys);
  let cached: ClusterView | null = null;
  let refreshing: Promise<void> | null = null;
  const refresh = (): void => {
    refreshing ??= (async () => {
      const shards = Array.from({ length: options.shardCount }, (_, i) => i);
      const [holders, live] = await Promise.all([view.holders(shards), view.liveMembers()]);
      cached = describeHolders(holders, live, Date.now());
    })()
      .catch((err: unknown) => log.warn({ err }, 'cluster view refresh failed'))
      .finally(() => {
        refreshing = null;
      });
  };
  let service: ClusterService | null = null;
  let started = false;
  let viewTimer: NodeJS.Timeout | null = null;
  let closing: Promise<void> | null = null;

  return {
    member,
    memberId: cluster.memberId,
    router: member.router,
    /** The snapshot store the host writes through: no write without a valid lease, stale epochs refused. */
    fencedSnapshots: (inner: SnapshotStore): SnapshotStore => createFencedSnapshotStore(inner, member.fence),
    /** The SQL journal with the shard-epoch guard in its one statement, refusing erased conversations. */
    journal: createErasureFencedJournal(createSqlTurnJournal(db, { fence: member.fence }), tombstones) as TurnJournal,
    /**
     * A contact's erasure, for each of its conversations before anything is dropped (harden19): the
     * tombstone first (no member writes the conversation again), then this member's fence, then
     * the shard's owner evicts it after its running turn — so the erasure deletes what that turn
     * wrote. An owner that does not answer in time (dead, paused) is left to the tombstone.
     */
    async conversationErased(key: ConversationKey): Promise<void> {
      await tombstones.mark(key);
      await host?.evict(key.tenantId, key.conversationId, { erased: true });
      if (!(await ownerRuns(protocolOf({ k: 'evict' }), shardOf(key.tenantId, key.conversationId, options.shardCount)))) {
        // An owner of a release before harden20 drops the entry as invalid: the caller would wait the
        // whole answer timeout for nothing. Its own writes do not check the tombstone either, which
        // is why `assertErasureFenced` refuses erasures while such a member is live; this is one
        // that joined after that check (docs/cluster.md, "Cluster protocol versions").
        log.warn({ tenant: key.tenantId, conversationId: key.conversationId }, 'the shard owner runs an older cluster protocol: eviction not sent; its tombstone fences it');
        return;
      }
      try {
        await service?.evict(key.tenantId, key.conversationId);
      } catch (err) {
        if (!isHiloError(err, 'HILO_ERR_CLUSTER_NO_ANSWER') && !isHiloError(err, 'HILO_ERR_SHUTTING_DOWN')) throw err;
        log.warn({ tenant: key.tenantId, conversationId: key.conversationId, code: err.code }, 'the shard owner did not confirm the eviction of an erased conversation; its tombstone fences it');
      }
    },
    /**
     * Before a contact's erasure drops anything (harden21): refused with
     * `HILO_ERR_CLUSTER_UPGRADE_PENDING` while a live member advertises a cluster protocol older
     * than the eviction's. Such a member (a release before harden20, mid rolling upgrade) neither
     * runs the `evict` entry nor checks the tombstone in its snapshot put, so a turn it runs after
     * the erasure would write the erased conversation back. Read from Redis at the call, not from
     * the last reconcile's view; a member that joins during the erasure is not seen (upgrades
     * replace old members, they do not add them). Retention does not ask (docs/cluster.md).
     */
    async assertErasureFenced(): Promise<void> {
      const live = await view.liveMembers();
      const info = await redis.hgetall(keys.memberInfo);
      const needed = protocolOf({ k: 'evict' });
      const older = live.filter((id) => id !== cluster.memberId && advertisedProtocol(info[id]) < needed).sort();
      if (older.length > 0) {
        log.warn({ members: older }, 'erasure refused: a live member runs an older cluster protocol');
        throw new HiloError('HILO_ERR_CLUSTER_UPGRADE_PENDING', undefined, { details: { members: older } });
      }
    },
    /** The host's update hook: forwards every update to the shard's channel. */
    onUpdate: (key: ConversationKey, update: ConversationUpdate): void => service?.publishUpdate(key, update),
    /** True while this member owns shard 0 (reported in `/health`; nothing runs on it alone any more). */
    leader: (): boolean => member.router.accepts(0),
    /** The shard of a conversation, written on every outbox row the outbox queue enqueues. */
    shardOf: (tenantId: string, conversationId: string): number => shardOf(tenantId, conversationId, options.shardCount),
    /**
     * Retention is per tenant (contacts, leads and the audit chain are tenant-wide, not per shard):
     * each tenant's passes run on the owner of its home shard (`shardOf(tenant, '')`), one member each.
     */
    retentionRunsHere: (tenantId: string): boolean => member.router.accepts(shardOf(tenantId, '', options.shardCount)),
    /** Before each send: the row's shard is still this member's (not lost, lapsed or being handed over). */
    mayDeliver: (entry: OutboxEntry): boolean => entry.shard === undefined || entry.shard === null || member.router.accepts(entry.shard),
    /** Builds the routing service and the shard inbox on the host. */
    attach(h: ConversationHost, hooks: { onOutboxKick: () => void; settleOutboxShard: (shard: number) => Promise<void>; onRemoteTurn: (key: ConversationKey, state: string) => void }): ClusterService {
      host = h;
      settleOutbox = hooks.settleOutboxShard;
      service = new ClusterService({ host: h, router: member.router, memberId: cluster.memberId, keys, redis, subscriber, answerTimeoutMs: options.answerTimeoutMs, onOutboxKick: hooks.onOutboxKick, onInboxKick: (shard) => inbox?.wake(shard), onRemoteTurn: hooks.onRemoteTurn, logger });
      const s = service;
      inbox = new ShardInbox({ blocking, redis, keys, consumer: member.token, router: member.router, run: (entry) => s.run(entry), logger, blockMs: Math.max(50, Math.min(250, Math.floor(cluster.leaseMs / 6))), liveConsumers, slotReads });
      return s;
    },
    /** Joins: subscribes, takes this member's shards (one pass), then keeps reconciling and reading. */
    async start(): Promise<void> {
      if (!service || !inbox) throw new Error('attach the host first');
      await service.start();
      // Rows written before the shard column existed (or by a single process) get theirs first.
      const filled = await backfillShards(db, (t, c) => shardOf(t, c, options.shardCount));
      if (filled.outbox + filled.conversations > 0) log.info(filled, 'shard column backfilled');
      await member.reconcile();
      member.start();
      inbox.start();
      started = true;
      refresh();
      viewTimer = setInterval(refresh, Math.max(2_000, cluster.leaseMs));
      viewTimer.unref();
    },
    /** The outbox the worker claims from: rows of the shards this member owns, under their epochs. */
    shardOutbox: (outbox: OutboxRepository): OutboxRepository => ({ ...outbox, claimDue: (limit, leaseMs, scope) => outbox.claimDue(limit, leaseMs, { ...scope, shards: ownedWithEpochs() }) }),
    /** The timer source the scheduler scans: the idle-close timers of the shards this member owns. */
    shardTimers: (source: IdleCloseSource): IdleCloseSource => ({ dueIdleCloses: (now, n) => source.dueIdleCloses(now, n, ownedWithEpochs().map((s) => s.shard)), deferIdleClose: (key, seq, at) => source.deferIdleClose(key, seq, at) }),
    /** `/health`'s cluster part: the member, the live members, shards and epochs by member (`detail`: every shard). */
    health(detail: boolean): Record<string, unknown> {
      refresh();
      const held = member.router.held();
      return {
        cluster: {
          member: cluster.memberId,
          name: cluster.cluster,
          leaseMs: cluster.leaseMs,
          leader: member.router.accepts(0),
          ...(cached ? cached.summary(cluster.memberId, held, detail) : { members: member.members() }),
          ...(service ? { routing: { ...service.stats, inbox: inbox?.stats } } : {}),
        },
      };
    },
    /** Shutdown, after intake stopped: hand every shard over, stop reading, close the connections. */
    close(): Promise<void> {
      closing ??= (async () => {
        if (viewTimer) clearInterval(viewTimer);
        if (started) await member.close();
        await inbox?.close();
        service?.close();
        await refreshing;
        for (const c of conns) c.disconnect();
      })();
      return closing;
    },
  };
}

export type ClusterRuntime = Awaited<ReturnType<typeof openClusterRuntime>>;
