/** The clustered runtime's foundation (docs/cluster.md): membership, shard leases with epochs, fencing. */
export { readClusterConfig, type ClusterConfig } from './cluster-config.js';
export { createClusterKeys, type ClusterKeys } from './cluster-keys.js';
export { ClusterMember, createClusterMember, DEFAULT_SHARD_LEASE_MS, type ClusterMemberOptions, type ReconcileReport } from './cluster-member.js';
export type { ClusterObserver, ShardReleaseReason } from './cluster-observer.js';
export { createClusterRedis, type AcquireResult, type ClusterRedis } from './cluster-redis.js';
export { createClusterShardRouter, type ClusterShardRouter, type HeldShard } from './cluster-router.js';
export { createFencedSnapshotStore } from './fenced-snapshot-store.js';
export { assignShards, memberSeed, rendezvousOwner, rendezvousWeight } from './rendezvous.js';
export { openClusterRuntime, type ClusterRuntime, type ClusterRuntimeOptions } from './cluster-runtime.js';
export { ClusterService } from './cluster-service.js';
export { advertisedProtocol, CLUSTER_PROTOCOL, InboxWork, protocolOf } from './inbox-work.js';
export { appendToInbox, INBOX_GROUP, ShardInbox, type InboxEntry, type InboxOutcome } from './shard-inbox.js';
export { describeHolders, shardRanges } from './cluster-view.js';
