import type { ConversationKey, PutResult, SnapshotEnvelope, SnapshotStore } from '../../persistence/ports/snapshot-store.js';
import { shardFencedError, type ShardFence } from '../../persistence/ports/shard-fence.js';

/**
 * The snapshot store of a clustered member. The write itself is fenced by the store's own CAS:
 * the Redis script (`put-snapshot-2.lua`) refuses an envelope whose epoch is lower than the one
 * stored for the conversation, and the host puts the router's epoch in every envelope. This
 * decorator adds the two things the store cannot know: it refuses to write at all when this
 * member's lease on the shard lapsed (no round trip), and it turns a `stale_epoch` refusal into
 * `HILO_ERR_SHARD_FENCED`, reported to the fence so the member stops serving the shard.
 * A `stale_seq` refusal (a retried turn) is passed through unchanged. Reads and deletes pass through.
 */
export function createFencedSnapshotStore(inner: SnapshotStore, fence: ShardFence): SnapshotStore {
  return {
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    close: () => inner.close(),
    async put(key: ConversationKey, envelope: SnapshotEnvelope, options?: { ttlSeconds?: number }): Promise<PutResult> {
      const writer = fence.writer(key);
      if (writer.epoch === null) {
        fence.refused(writer.shard, 'snapshot', 'lease_lapsed');
        throw shardFencedError(writer.shard, 'snapshot', 'lease_lapsed');
      }
      const result = await inner.put(key, envelope, options);
      if (!result.ok && result.reason === 'stale_epoch') {
        fence.refused(writer.shard, 'snapshot', 'epoch');
        throw shardFencedError(writer.shard, 'snapshot', 'epoch');
      }
      return result;
    },
  };
}
