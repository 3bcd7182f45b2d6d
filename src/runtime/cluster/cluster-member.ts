import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../persistence/redis/redis-connection.js';
import type { Clock } from '../../kernel/clock.js';
import type { Logger } from '../../kernel/logger.js';
import type { ShardEpochStore, ShardFence } from '../../persistence/ports/shard-fence.js';
import { DEFAULT_REDIS_PREFIX } from '../../persistence/redis/keys.js';
import { createClusterKeys } from './cluster-keys.js';
import type { ClusterObserver, ShardReleaseReason } from './cluster-observer.js';
import { createClusterRedis, type ClusterRedis } from './cluster-redis.js';
import { createClusterShardRouter, type ClusterShardRouter, type HeldShard } from './cluster-router.js';
import { assignShards } from './rendezvous.js';

export const DEFAULT_SHARD_LEASE_MS = 5_000;

export interface ClusterMemberOptions {
  /** This member's own connection (the caller closes it). */
  redis: RedisClient;
  /** Redis key prefix, default `hilo` (the snapshot store's). */
  prefix?: string;
  /** Cluster name: members with the same name (and Redis) share the shards. */
  cluster: string;
  /** `HILO_MEMBER_ID`, default host:port; unique among live members. */
  memberId: string;
  shardCount: number;
  /** `HILO_SHARD_LEASE_MS`: lease TTL, renewed every third of it; also the heartbeat TTL. */
  leaseMs?: number;
  /** For the local lease validity (never for liveness: Redis's clock judges that). */
  clock: Clock;
  logger: Logger;
  /** The SQL fence, raised before a freshly acquired shard is served. */
  epochs: ShardEpochStore;
  /**
   * Graceful hand-over of a shard this member should no longer own: stop taking its work, wait
   * for its in-flight turns, passivate its actors. The lease is released when it resolves (it is
   * renewed meanwhile). Default: nothing to wait for.
   */
  handover?: (shard: number) => Promise<void>;
  /** A shard lost without hand-over (lease expired, writes fenced): drop its actors from memory. */
  onLost?: (shard: number) => void;
  observer?: ClusterObserver;
  /** What the member tells the others about itself (address, start time); JSON. */
  info?: Record<string, unknown>;
}

/** What one reconcile pass did. */
export interface ReconcileReport {
  members: string[];
  joined: string[];
  left: string[];
  acquired: { shard: number; epoch: number }[];
  handingOver: number[];
  lost: number[];
  /** Shards acquired but given back this pass (SQL fence ahead of the epoch, or SQL down): retried next pass. */
  deferred: number[];
}

/**
 * One member of a Hilo cluster (docs/cluster.md): heartbeats into Redis, reads the live members,
 * and holds the shard leases rendezvous hashing gives it — acquiring free ones (each acquisition
 * takes a new epoch, raised in SQL before the shard is served), renewing them every third of the
 * lease, handing over the ones it should no longer own, and dropping the ones it lost. `router` is
 * the `ShardRouter` the conversation host uses; `fence` is what the stores check before writing.
 *
 * Each pass is `reconcile()`: `start()` runs it on a timer; tests call it by hand.
 *
 * @example
 * const member = createClusterMember({ redis, cluster: 'default', memberId: 'host:8080', shardCount: 256, clock, logger, epochs: createSqlShardEpochs(db) });
 * await member.reconcile();
 * member.start();
 * // … on SIGTERM:
 * await member.close();
 */
export class ClusterMember {
  readonly memberId: string;
  readonly leaseMs: number;
  readonly router: ClusterShardRouter;
  readonly fence: ShardFence;
  /** Proves lease ownership: member id plus this process's incarnation (a restart is a new holder). */
  readonly token: string;
  readonly #o: ClusterMemberOptions;
  readonly #log: Logger;
  readonly #redis: ClusterRedis;
  readonly #states: (HeldShard | undefined)[];
  /** Per shard, the epoch the SQL fence holds when the Redis counter fell behind it. */
  readonly #floors = new Map<number, number>();
  readonly #handovers = new Map<number, Promise<void>>();
  #members: string[] = [];
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<ReconcileReport> | null = null;
  #closing = false;
  #closed: Promise<void> | null = null;

  constructor(options: ClusterMemberOptions) {
    const leaseMs = options.leaseMs ?? DEFAULT_SHARD_LEASE_MS;
    if (!Number.isInteger(leaseMs) || leaseMs < 30) throw new RangeError(`leaseMs must be an integer ≥ 30, got ${leaseMs}`);
    if (options.memberId.length === 0 || options.memberId.includes('#')) throw new RangeError(`memberId must be non-empty without '#', got ${JSON.stringify(options.memberId)}`);
    this.#o = options;
    this.memberId = options.memberId;
    this.leaseMs = leaseMs;
    this.token = `${options.memberId}#${randomUUID()}`;
    this.#log = options.logger.child({ component: 'cluster-member', member: options.memberId });
    this.#redis = createClusterRedis(options.redis, createClusterKeys(options.prefix ?? DEFAULT_REDIS_PREFIX, options.cluster));
    this.#states = new Array<HeldShard | undefined>(options.shardCount).fill(undefined);
    this.router = createClusterShardRouter({ memberId: options.memberId, shardCount: options.shardCount, clock: options.clock, states: this.#states });
    this.fence = {
      writer: (key) => {
        const shard = this.router.shardOf(key.tenantId, key.conversationId);
        return { shard, epoch: this.router.ownership(shard)?.epoch ?? null };
      },
      refused: (shard, store, reason) => {
        this.#o.observer?.fenced(store, reason);
        this.#log.warn({ shard, store, reason }, 'write refused by the shard fence; this member stops serving the shard');
        // A higher epoch exists: another member holds the shard, whatever the lease key says now.
        if (reason === 'epoch') this.#drop(shard, 'fenced');
      },
    };
  }

  /** The live members as of the last reconcile. */
  members(): string[] {
    return [...this.#members];
  }

  /** Resolves when the running pass and every hand-over under way have finished. */
  async idle(): Promise<void> {
    await this.#running?.catch(() => undefined);
    await Promise.all(this.#handovers.values());
  }

  /** Runs `reconcile()` every third of the lease (and once now). */
  start(): void {
    if (this.#timer || this.#closing) return;
    const tick = (): void => {
      if (this.#running) return; // a slow pass is not stacked on
      this.reconcile().catch((err: unknown) => this.#log.error({ err }, 'cluster reconcile failed'));
    };
    this.#timer = setInterval(tick, Math.max(10, Math.floor(this.leaseMs / 3)));
    this.#timer.unref();
    tick();
  }

  /** One pass: heartbeat, renew, hand over, acquire. Concurrent calls share the running pass. */
  reconcile(): Promise<ReconcileReport> {
    this.#running ??= this.#reconcile().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /**
   * Graceful leave (SIGTERM): leaves the member list first (so the others' rendezvous stops
   * giving it shards), hands over every held shard (renewing meanwhile), releases them. Idempotent.
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    this.#closing = true;
    await this.#running?.catch(() => undefined);
    await this.#redis.leave(this.memberId);
    const renewals = setInterval(() => void this.reconcile().catch(() => undefined), Math.max(10, Math.floor(this.leaseMs / 3)));
    renewals.unref();
    try {
      this.#states.forEach((s, shard) => {
        if (s?.state === 'owned') this.#handover(shard, 'shutdown');
      });
      await Promise.all(this.#handovers.values());
    } finally {
      clearInterval(renewals);
      if (this.#timer) clearInterval(this.#timer);
      this.#timer = null;
    }
    await this.#running?.catch(() => undefined);
  }

  async #reconcile(): Promise<ReconcileReport> {
    const sentAt = this.#o.clock.now();
    const report: ReconcileReport = { members: this.#members, joined: [], left: [], acquired: [], handingOver: [], lost: [], deferred: [] };
    if (!this.#closing) {
      const live = (await this.#redis.heartbeat(this.memberId, this.leaseMs, JSON.stringify({ ...this.#o.info, token: this.token }))).sort();
      const before = new Set(this.#members);
      const now = new Set(live);
      report.joined = live.filter((m) => !before.has(m) && m !== this.memberId);
      report.left = this.#members.filter((m) => !now.has(m));
      if (report.joined.length > 0 || report.left.length > 0) this.#log.info({ joined: report.joined, left: report.left, members: live.length }, 'cluster members changed');
      this.#members = live;
      report.members = live;
    }

    // Renew everything held, owned or draining: one round trip (a command per shard).
    const held = this.#heldShards();
    const renewed = await this.#redis.renew(held, this.token, this.leaseMs);
    for (const shard of held) {
      const s = this.#states[shard];
      if (s === undefined) continue;
      if (renewed.get(shard) === true) s.validUntil = this.#validUntil(sentAt);
      else {
        this.#drop(shard, 'expired');
        report.lost.push(shard);
      }
    }
    if (this.#closing) {
      this.#o.observer?.sized(this.#heldShards().length, 0);
      return report;
    }

    const assignment = assignShards(this.#o.shardCount, this.#members.includes(this.memberId) ? this.#members : [...this.#members, this.memberId]);
    // Shards rendezvous now gives to another member: hand them over (in the background).
    this.#states.forEach((s, shard) => {
      if (s?.state === 'owned' && assignment[shard] !== this.memberId) {
        this.#handover(shard, 'handover');
        report.handingOver.push(shard);
      }
    });

    // Shards rendezvous gives to this member and nobody holds: acquire, raise the SQL fence, serve.
    const wanted: { shard: number; floor: number }[] = [];
    for (let shard = 0; shard < this.#o.shardCount; shard++) {
      if (assignment[shard] === this.memberId && this.#states[shard] === undefined && !this.#handovers.has(shard)) wanted.push({ shard, floor: this.#floors.get(shard) ?? 0 });
    }
    const acquired = await this.#redis.acquire(wanted, this.token, this.leaseMs);
    await Promise.all(
      [...acquired].filter(([, r]) => r.acquired).map(async ([shard, r]) => {
        let stored: { epoch: number; holder: string };
        try {
          stored = await this.#o.epochs.raise(shard, r.epoch, this.token);
        } catch (err) {
          this.#log.error({ err, shard, epoch: r.epoch }, 'could not raise the shard epoch in SQL; lease released, retried next pass');
          await this.#redis.release([shard], this.token);
          report.deferred.push(shard);
          return;
        }
        if (stored.epoch !== r.epoch || stored.holder !== this.token) {
          // The lease counter fell behind the SQL fence, or was reset and handed out an epoch
          // someone else already raised (Redis lost the key): serving under it would let two
          // members write under one epoch. Release and take one above it next pass.
          this.#floors.set(shard, Math.max(stored.epoch, r.epoch));
          this.#log.warn({ shard, epoch: r.epoch, sqlEpoch: stored.epoch }, 'shard epoch not above the SQL fence; re-acquiring above it');
          await this.#redis.release([shard], this.token);
          this.#o.observer?.released(shard, 'epoch_behind');
          report.deferred.push(shard);
          return;
        }
        this.#floors.delete(shard);
        this.#states[shard] = { state: 'owned', epoch: r.epoch, validUntil: this.#validUntil(sentAt), ownership: { epoch: r.epoch } };
        this.#o.observer?.acquired(shard, r.epoch);
        report.acquired.push({ shard, epoch: r.epoch });
      }),
    );
    if (report.acquired.length > 0) this.#log.info({ shards: report.acquired.length }, 'shards acquired');
    this.#o.observer?.sized(this.#heldShards().length, this.#members.length);
    return report;
  }

  /**
   * Valid until the request time plus the TTL, less a drift allowance: Redis starts the TTL when
   * the command arrives, after `sentAt`, so by this member's clock the lease always lapses first.
   */
  #validUntil(sentAt: number): number {
    return sentAt + this.leaseMs - Math.max(2, Math.ceil(this.leaseMs * 0.01));
  }

  #heldShards(): number[] {
    const out: number[] = [];
    this.#states.forEach((s, shard) => {
      if (s !== undefined) out.push(shard);
    });
    return out;
  }

  /** Stop taking the shard's work, let the runtime drain it, then release the lease. */
  #handover(shard: number, reason: ShardReleaseReason): void {
    const s = this.#states[shard];
    if (s === undefined || this.#handovers.has(shard)) return;
    s.state = 'draining';
    const run = (async () => {
      try {
        await this.#o.handover?.(shard);
      } catch (err) {
        this.#log.error({ err, shard }, 'shard hand-over failed; releasing the lease anyway');
      }
      // Still ours under the same epoch (not lost meanwhile)? Then release it.
      if (this.#states[shard] === s) {
        this.#states[shard] = undefined;
        await this.#redis.release([shard], this.token).catch((err: unknown) => this.#log.warn({ err, shard }, 'lease release failed; it expires by itself'));
        this.#o.observer?.released(shard, reason);
      }
    })().finally(() => this.#handovers.delete(shard));
    this.#handovers.set(shard, run);
  }

  /** The shard is gone without hand-over: forget it, tell the runtime to drop its actors. */
  #drop(shard: number, reason: ShardReleaseReason): void {
    if (this.#states[shard] === undefined) return;
    this.#states[shard] = undefined;
    this.#log.warn({ shard, reason }, 'shard lost');
    this.#o.observer?.released(shard, reason);
    try {
      this.#o.onLost?.(shard);
    } catch (err) {
      this.#log.error({ err, shard }, 'onLost failed');
    }
  }
}

export function createClusterMember(options: ClusterMemberOptions): ClusterMember {
  return new ClusterMember(options);
}
