import { shardOf, type ShardOwnership, type ShardRouter } from '../shard-router.js';
import type { Clock } from '../../kernel/clock.js';

/** One held shard as the router sees it: `owned` takes new work, `draining` only finishes it. */
export interface HeldShard {
  state: 'owned' | 'draining';
  epoch: number;
  /** Clock ms until which the lease is valid by this member's own clock (request time + TTL − drift). */
  validUntil: number;
  /** The object `ownership()` returns (one per acquisition: nothing allocated per turn). */
  readonly ownership: ShardOwnership;
}

/**
 * The `ShardRouter` of a clustered member: a shard is this member's while it holds the shard's
 * lease in Redis *and* its own clock says the lease has not lapsed. The clock check is what stops a
 * member that was paused (GC, SIGSTOP, a slow disk) from writing the moment it wakes up; the epoch
 * checks in the stores catch the writes a pause slips in between this check and the write.
 */
export interface ClusterShardRouter extends ShardRouter {
  readonly memberId: string;
  /** Whether the member takes new work for the shard (held, valid and not being handed over). */
  accepts(shard: number): boolean;
  /** The shards held now with their epochs (both states), for `/health` and tests. */
  held(): Map<number, { epoch: number; state: HeldShard['state'] }>;
}

/** `states` is the member's own table (index = shard); the router only reads it. */
export function createClusterShardRouter(options: { memberId: string; shardCount: number; clock: Clock; states: (HeldShard | undefined)[] }): ClusterShardRouter {
  const { memberId, shardCount, clock, states } = options;
  const valid = (shard: number): HeldShard | null => {
    const s = states[shard];
    return s !== undefined && clock.now() < s.validUntil ? s : null;
  };
  return {
    memberId,
    shardCount,
    shardOf: (tenantId, conversationId) => shardOf(tenantId, conversationId, shardCount),
    ownership: (shard) => valid(shard)?.ownership ?? null,
    accepts: (shard) => valid(shard)?.state === 'owned',
    held() {
      const out = new Map<number, { epoch: number; state: HeldShard['state'] }>();
      states.forEach((s, shard) => {
        if (s !== undefined) out.set(shard, { epoch: s.epoch, state: s.state });
      });
      return out;
    },
  };
}
