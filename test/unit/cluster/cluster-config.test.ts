import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readClusterConfig } from '../../../src/runtime/cluster/cluster-config.js';

describe('readClusterConfig', () => {
  it('should be off unless HILO_CLUSTER says otherwise', () => {
    for (const v of [undefined, '', ' ', '0', 'false', 'FALSE']) expect(readClusterConfig({ HILO_CLUSTER: v }, 8080)).toBeNull();
  });

  it('should join the default cluster as host:port with a 5 s lease by default', () => {
    expect(readClusterConfig({ HILO_CLUSTER: '1' }, 8081)).toEqual({ cluster: 'default', memberId: `${hostname()}:8081`, leaseMs: 5000 });
    expect(readClusterConfig({ HILO_CLUSTER: 'true' }, 1)?.cluster).toBe('default');
  });

  it('should take a cluster name, a member id and a lease', () => {
    expect(readClusterConfig({ HILO_CLUSTER: 'shop-eu_1', HILO_MEMBER_ID: 'pod-7', HILO_SHARD_LEASE_MS: '2000' }, 8080)).toEqual({ cluster: 'shop-eu_1', memberId: 'pod-7', leaseMs: 2000 });
  });

  it('should refuse bad values with a coded error naming the variable', () => {
    const bad: Record<string, string>[] = [
      { HILO_CLUSTER: 'a b' },
      { HILO_CLUSTER: '{x}' },
      { HILO_CLUSTER: '1', HILO_MEMBER_ID: 'a#b' },
      { HILO_CLUSTER: '1', HILO_SHARD_LEASE_MS: '100' },
      { HILO_CLUSTER: '1', HILO_SHARD_LEASE_MS: '5s' },
    ];
    for (const env of bad) {
      let caught: unknown;
      try {
        readClusterConfig(env, 8080);
      } catch (err) {
        caught = err;
      }
      expect(caught).toMatchObject({ code: 'HILO_ERR_CONFIG_INVALID' });
      expect((caught as Error).message).toMatch(/HILO_(CLUSTER|MEMBER_ID|SHARD_LEASE_MS)/);
    }
  });
});
