import { hostname } from 'node:os';
import { HiloError } from '../../kernel/errors.js';
import { DEFAULT_SHARD_LEASE_MS } from './cluster-member.js';

export interface ClusterConfig {
  /** The cluster's name (`HILO_CLUSTER=1` → `default`). */
  cluster: string;
  /** `HILO_MEMBER_ID`, default `<hostname>:<port>`. */
  memberId: string;
  /** `HILO_SHARD_LEASE_MS`, default 5000. */
  leaseMs: number;
}

/**
 * The cluster settings, or null when `HILO_CLUSTER` is unset, empty, `0` or `false` (one process:
 * nothing of the cluster runs). `HILO_CLUSTER=1`/`true` joins the cluster `default`; any other
 * value (letters, digits, `-`, `_`) is the cluster's name, so two clusters can share one Redis.
 */
export function readClusterConfig(env: Record<string, string | undefined>, port: number): ClusterConfig | null {
  const raw = (env.HILO_CLUSTER ?? '').trim();
  if (raw === '' || raw === '0' || raw.toLowerCase() === 'false') return null;
  const cluster = raw === '1' || raw.toLowerCase() === 'true' ? 'default' : raw;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cluster)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_CLUSTER must be 1, true or a name of letters, digits, '-' or '_' (≤ 64), got ${JSON.stringify(raw)}.`);
  }
  const memberId = (env.HILO_MEMBER_ID ?? '').trim() || `${hostname()}:${port}`;
  if (memberId.includes('#') || memberId.length > 200) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_MEMBER_ID must be at most 200 characters without '#', got ${JSON.stringify(memberId)}.`);
  }
  const leaseRaw = (env.HILO_SHARD_LEASE_MS ?? '').trim();
  const leaseMs = leaseRaw === '' ? DEFAULT_SHARD_LEASE_MS : Number(leaseRaw);
  if (!Number.isInteger(leaseMs) || leaseMs < 300 || leaseMs > 600_000) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_SHARD_LEASE_MS must be an integer from 300 to 600000 (ms), got ${JSON.stringify(leaseRaw)}.`);
  }
  return { cluster, memberId, leaseMs };
}
