import type { AccessCounters } from '../ports/access-counters.js';
import { createSilentLogger, type Logger } from '../../kernel/logger.js';
import { createRedisConnection, type RedisClient } from './redis-connection.js';
import { createRedisKeys, DEFAULT_REDIS_PREFIX } from './keys.js';

/**
 * `AccessCounters` on Redis: `SET key 0 PX window NX` opens the window, `INCRBY` counts in it (an
 * increment keeps the TTL), both in one `MULTI`. Shared by every member of a cluster.
 */
export function createRedisAccessCounters(options: { url?: string; redis?: RedisClient; prefix?: string; logger?: Logger }): AccessCounters & { close(): Promise<void> } {
  const keys = createRedisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX);
  const log = (options.logger ?? createSilentLogger()).child({ component: 'redis-access-counters' });
  const owns = options.redis === undefined;
  // Lazy: no socket until the first limit is counted (a start-up that fails later leaks nothing).
  const redis = options.redis ?? createRedisConnection(options.url ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3, lazyConnect: true, connectionName: 'hilo-access' });
  if (owns) redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  let closing: Promise<void> | null = null;
  return {
    async hit(key, windowMs, by = 1) {
      const k = keys.accessCounter(key);
      const out = await redis.multi().set(k, '0', 'PX', Math.max(1, Math.round(windowMs)), 'NX').incrby(k, by).exec();
      const failed = out?.find(([err]) => err !== null);
      if (!out || failed) throw failed?.[0] ?? new Error('redis transaction aborted');
      return Number(out[1]?.[1] ?? by);
    },
    async count(key) {
      return Number((await redis.get(keys.accessCounter(key))) ?? 0);
    },
    close() {
      if (owns && redis.status === 'wait') redis.disconnect();
      closing ??= owns && redis.status !== 'end' ? redis.quit().then(() => undefined, () => undefined) : Promise.resolve();
      return closing;
    },
  };
}
