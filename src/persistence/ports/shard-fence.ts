import type { ConversationKey } from './snapshot-store.js';
import { HiloError } from '../../kernel/errors.js';

/** Which store refused a write of a shard's state. */
export type FencedStore = 'snapshot' | 'journal';

/**
 * Why a write was refused: `lease_lapsed` — this member's own lease on the shard is not valid by
 * its clock (paused, partitioned, or handed over), so nothing was sent; `epoch` — the store holds
 * a higher epoch for the shard: another member acquired it since.
 */
export type FenceReason = 'lease_lapsed' | 'epoch';

/**
 * What a store asks of the cluster before writing a conversation's state (docs/cluster.md): the
 * conversation's shard and this member's epoch on it (null: this member may not write it), and
 * where to report a refused write, so the member stops serving the shard and counts it. Without
 * a fence (one process) stores write under epoch 0 exactly as before.
 */
export interface ShardFence {
  writer(key: ConversationKey): { shard: number; epoch: number | null };
  refused(shard: number, store: FencedStore, reason: FenceReason): void;
}

/**
 * The durable side of the fence: the highest epoch of each shard, kept next to the journal (the
 * SQL `shard_epochs` table), raised by a member right after it acquires a shard's lease and
 * before it serves it. The journal's statement refuses a turn whose writer epoch is lower.
 */
export interface ShardEpochStore {
  /**
   * Raises the shard's epoch to `epoch` for `holder` (the lease token) unless it is already
   * higher; returns what the row holds afterwards. The raise took only if it returns this epoch
   * and this holder: a higher epoch means the lease's counter fell behind (Redis lost it), the
   * same epoch under another holder means the counter was reset and reused it.
   */
  raise(shard: number, epoch: number, holder: string): Promise<{ epoch: number; holder: string }>;
  /** The stored epoch of a shard, 0 when none was ever raised. */
  current(shard: number): Promise<number>;
}

/** The coded error a write refused by the fence raises; the turn's caller gets it (or a turn error caused by it). */
export function shardFencedError(shard: number, store: FencedStore, reason: FenceReason): HiloError {
  const why = reason === 'epoch' ? 'another member holds it under a higher epoch' : 'this member no longer holds a valid lease on it';
  return new HiloError('HILO_ERR_SHARD_FENCED', `Write of shard ${shard}'s state refused by the ${store} store: ${why}.`, { details: { shard, store, reason } });
}
