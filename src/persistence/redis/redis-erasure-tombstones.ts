import { ERASURE_TOMBSTONE_MS, type ErasureTombstones } from '../ports/erasure-tombstones.js';
import type { RedisClient } from './redis-connection.js';
import { createRedisKeys, DEFAULT_REDIS_PREFIX } from './keys.js';

/**
 * `ErasureTombstones` on Redis: `SET <conversation tag>:erased 1 PX ttl`, in the conversation's
 * hash tag so the snapshot put script (`put-snapshot-2.lua`) checks it in the same slot, atomically
 * with the write. Uses the caller's connection (the cluster's).
 */
export function createRedisErasureTombstones(options: { redis: RedisClient; prefix?: string; ttlMs?: number }): ErasureTombstones {
  const keys = createRedisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX);
  const ttlMs = options.ttlMs ?? ERASURE_TOMBSTONE_MS;
  return {
    async mark(key) {
      await options.redis.set(keys.erased(key), '1', 'PX', ttlMs);
    },
    async isErased(key) {
      return (await options.redis.exists(keys.erased(key))) === 1;
    },
    close: async () => undefined,
  };
}
