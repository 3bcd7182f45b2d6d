import { createSilentLogger, type Logger } from '../../kernel/logger.js';
import type { UnansweredTurns } from '../ports/unanswered-turns.js';
import { createRedisConnection, type RedisClient } from './redis-connection.js';
import { createRedisKeys, DEFAULT_REDIS_PREFIX } from './keys.js';

/**
 * `UnansweredTurns` on Redis, shared by every member: a mark is `SET key 1 PX ttl` in the
 * conversation's hash tag, and taking it is `DEL`, which answers 1 to exactly one caller.
 */
export function createRedisUnansweredTurns(options: { url?: string; redis?: RedisClient; prefix?: string; logger?: Logger }): UnansweredTurns {
  const keys = createRedisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX);
  const log = (options.logger ?? createSilentLogger()).child({ component: 'redis-unanswered-turns' });
  const owns = options.redis === undefined;
  // Lazy: no socket until the first failed turn.
  const redis = options.redis ?? createRedisConnection(options.url ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3, lazyConnect: true, connectionName: 'hilo-unanswered-turns' });
  if (owns) redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  let closing: Promise<void> | null = null;
  return {
    async mark(key, messageId, ttlMs) {
      await redis.set(keys.unansweredTurn(key, messageId), '1', 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async take(key, messageId) {
      return (await redis.del(keys.unansweredTurn(key, messageId))) === 1;
    },
    close() {
      if (owns && redis.status === 'wait') redis.disconnect();
      closing ??= owns && redis.status !== 'end' ? redis.quit().then(() => undefined, () => undefined) : Promise.resolve();
      return closing;
    },
  };
}
