/** Default number of shards: fixed for the life of a deployment (changing it moves conversations). */
export const DEFAULT_SHARD_COUNT = 256;

/** FNV-1a 32-bit: stable across processes and Node versions, cheap, well spread for short keys. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(tenantId: string, conversationId: string, shardCount: number): number {
  return fnv1a32(`${tenantId}\u0000${conversationId}`) % shardCount;
}

export interface ShardOwnership {
  /** Fencing token under which this member writes the shard's snapshots. */
  epoch: number;
}

/**
 * Maps a conversation to its shard and tells whether this member owns it. In a single process
 * every shard is local with epoch 0; the clustered runtime replaces `owner` with Redis leases.
 */
export interface ShardRouter {
  readonly shardCount: number;
  shardOf(tenantId: string, conversationId: string): number;
  /** The ownership of a shard by this member, or null when another member owns it. */
  ownership(shard: number): ShardOwnership | null;
}

export function createLocalShardRouter(options: { shardCount?: number } = {}): ShardRouter {
  const shardCount = options.shardCount ?? DEFAULT_SHARD_COUNT;
  if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 65536) {
    throw new RangeError(`shardCount must be an integer in 1..65536, got ${shardCount}`);
  }
  const local: ShardOwnership = { epoch: 0 };
  return {
    shardCount,
    shardOf: (tenantId, conversationId) => shardOf(tenantId, conversationId, shardCount),
    ownership: () => local,
  };
}
