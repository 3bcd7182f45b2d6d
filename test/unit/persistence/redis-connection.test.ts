import { describe, expect, it } from 'vitest';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createRedisConnection, isRedisClusterUrl, parseRedisClusterUrl } from '../../../src/persistence/redis/redis-connection.js';
import { createRedisSnapshotStore } from '../../../src/persistence/redis/redis-snapshot-store.js';
import { loadConfig } from '../../../src/runtime/config.js';

describe('redis connection URLs', () => {
  it('should read the seed nodes and credentials of a redis+cluster URL', () => {
    expect(parseRedisClusterUrl('redis+cluster://10.0.0.1:7000,redis-1.redis:7001,[::1]:7002/')).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-1.redis', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      tls: false,
    });
    expect(parseRedisClusterUrl('rediss+cluster://app:p%40ss@a:6379')).toEqual({ nodes: [{ host: 'a', port: 6379 }], username: 'app', password: 'p@ss', tls: true });
    expect(parseRedisClusterUrl('redis+cluster://:secret@a:6379').password).toBe('secret');
  });

  it('should refuse a cluster URL with a node that is not host:port, with a coded error', () => {
    for (const bad of ['redis+cluster://a', 'redis+cluster://a:1,b', 'redis+cluster://a:70000', 'redis+cluster://a:1/0']) {
      let caught: unknown;
      try {
        loadConfig({ REDIS_URL: bad });
      } catch (err) {
        caught = err;
      }
      expect(isHiloError(caught) && caught.code === 'HILO_ERR_CONFIG_INVALID', bad).toBe(true);
    }
  });

  it('should keep redis:// as one Redis and open a Cluster client for redis+cluster://', () => {
    expect(loadConfig({ REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001' }).redisUrl).toBe('redis+cluster://127.0.0.1:7000,127.0.0.1:7001');
    expect(isRedisClusterUrl('redis://127.0.0.1:6379')).toBe(false);
    const single = createRedisConnection('redis://127.0.0.1:6379', { lazyConnect: true });
    const cluster = createRedisConnection('redis+cluster://127.0.0.1:7000', { lazyConnect: true, connectionName: 'hilo-test' });
    expect([single.isCluster, cluster.isCluster]).toEqual([false, true]);
    single.disconnect();
    cluster.disconnect();
  });

  it('should fail the start-up PING of an unreachable Redis Cluster instead of waiting for it forever', async () => {
    // Port 1 on loopback: nothing listens, so the cluster client never gets its slot map.
    const store = createRedisSnapshotStore({ url: 'redis+cluster://127.0.0.1:1' });
    try {
      await expect(store.ping(300)).rejects.toThrow(/no PING answer within 300 ms/);
    } finally {
      await store.close();
    }
  });
});
