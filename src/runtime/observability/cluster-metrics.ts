import { Counter, Gauge, type Registry } from 'prom-client';
import type { ClusterObserver } from '../cluster/cluster-observer.js';

/**
 * The cluster member's series (docs/metrics.md), on the instance's registry. Only a clustered
 * member (`HILO_CLUSTER`) creates them.
 */
export function createClusterMetrics(registry: Registry): ClusterObserver {
  const registers = [registry];
  const fenced = new Counter({
    name: 'hilo_shard_fenced_total',
    help: 'Writes of a shard\'s state refused by the fence, by store (snapshot, journal) and reason (lease_lapsed: this member\'s lease lapsed by its clock; epoch: another member holds the shard under a higher epoch). Each one is a turn this member did not record; on epoch it stops serving the shard.',
    labelNames: ['store', 'reason'] as const,
    registers,
  });
  const acquisitions = new Counter({ name: 'hilo_shard_acquisitions_total', help: 'Shard leases this member acquired (each under a new epoch).', registers });
  const releases = new Counter({
    name: 'hilo_shard_releases_total',
    help: 'Shards this member stopped holding, by reason (handover, shutdown, expired, fenced, epoch_behind).',
    labelNames: ['reason'] as const,
    registers,
  });
  const held = new Gauge({ name: 'hilo_shards_held', help: 'Shard leases this member holds (owned or being handed over).', registers });
  const members = new Gauge({ name: 'hilo_cluster_members', help: 'Live members this member saw at its last heartbeat.', registers });
  return {
    acquired: () => acquisitions.inc(),
    released: (_shard, reason) => releases.inc({ reason }),
    fenced: (store, reason) => fenced.inc({ store, reason }),
    sized: (h, m) => {
      held.set(h);
      if (m > 0) members.set(m);
    },
  };
}
