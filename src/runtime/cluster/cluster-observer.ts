import type { FencedStore, FenceReason } from '../../persistence/ports/shard-fence.js';

/** Why a member stopped holding a shard. */
export type ShardReleaseReason = 'handover' | 'shutdown' | 'expired' | 'fenced' | 'epoch_behind';

/** What the cluster member reports (metrics in `observability/cluster-metrics.ts`). */
export interface ClusterObserver {
  acquired(shard: number, epoch: number): void;
  released(shard: number, reason: ShardReleaseReason): void;
  /** A write of a shard's state refused by a store (the member stops serving the shard on `epoch`). */
  fenced(store: FencedStore, reason: FenceReason): void;
  /** How many shards the member holds and how many members it sees live, after each reconcile. */
  sized(held: number, members: number): void;
}
