import { createSilentLogger, type Logger } from '../../kernel/logger.js';
import { ERASED_MARK_TTL_MS, type IdempotencyRecord, type IdempotencyRecords } from '../ports/idempotency-records.js';
import { createRedisConnection, type RedisClient } from './redis-connection.js';
import { createRedisKeys, DEFAULT_REDIS_PREFIX } from './keys.js';

/**
 * `IdempotencyRecords` on Redis, shared by every member and kept across restarts: a claim is
 * `SET key {fingerprint} PX lease NX` (one request wins, the others read what is there), the answer
 * replaces it with the key's TTL, a failed request deletes its claim. Values are JSON.
 *
 * An answer is also filed in its conversation's index set (`idempotencyIndex`, in the
 * conversation's hash tag) before it is written, so an erasure that reads the index finds every
 * answer written before it. Records and index live in different slots: each is its own command.
 */
export function createRedisIdempotencyRecords(options: { url?: string; redis?: RedisClient; prefix?: string; logger?: Logger }): IdempotencyRecords {
  const keys = createRedisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX);
  const log = (options.logger ?? createSilentLogger()).child({ component: 'redis-idempotency-keys' });
  const owns = options.redis === undefined;
  // Lazy: no socket until the first request with a key.
  const redis = options.redis ?? createRedisConnection(options.url ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3, lazyConnect: true, connectionName: 'hilo-idempotency' });
  if (owns) redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  const ms = (n: number) => Math.max(1, Math.round(n));
  let closing: Promise<void> | null = null;
  return {
    async claim(id, fingerprint, leaseMs) {
      const k = keys.idempotencyKey(id);
      const claimed: IdempotencyRecord = { fingerprint, answer: null };
      for (let attempt = 0; attempt < 3; attempt++) {
        if ((await redis.set(k, JSON.stringify(claimed), 'PX', ms(leaseMs), 'NX')) === 'OK') return null;
        const raw = await redis.get(k);
        // Gone between the two commands (released, expired): claim again.
        if (raw !== null) return JSON.parse(raw) as IdempotencyRecord;
      }
      throw new Error('idempotency key claim did not settle');
    },
    async complete(id, record, ttlMs) {
      const k = keys.idempotencyKey(id);
      if (!record.conversation) {
        await redis.set(k, JSON.stringify({ fingerprint: record.fingerprint, answer: record.answer }), 'PX', ms(ttlMs));
        return true;
      }
      // Filed in the index, then written, then checked against the erasure's mark; the erasure
      // marks, then reads the index. Whichever runs second sees the other: either this request
      // finds the mark and drops its answer, or the erasure finds the answer in the index.
      const index = keys.idempotencyIndex(record.conversation);
      const mark = keys.idempotencyErased(record.conversation);
      const dropped = async () => {
        await redis.del(k);
        return false;
      };
      const filed = await redis.multi().exists(mark).sadd(index, k).pexpire(index, ms(ttlMs)).exec();
      if (filed?.[0]?.[1] === 1) return dropped();
      await redis.set(k, JSON.stringify({ fingerprint: record.fingerprint, answer: record.answer }), 'PX', ms(ttlMs));
      if ((await redis.exists(mark)) === 1) return dropped();
      return true;
    },
    async forgetConversation(conversation) {
      const index = keys.idempotencyIndex(conversation);
      await redis.set(keys.idempotencyErased(conversation), '1', 'PX', ERASED_MARK_TTL_MS);
      const members = await redis.smembers(index);
      let n = 0;
      // One DEL per record: in a Redis Cluster they live in different slots.
      for (const k of members) n += await redis.del(k);
      await redis.del(index);
      return n;
    },
    async release(id) {
      await redis.del(keys.idempotencyKey(id));
    },
    close() {
      if (owns && redis.status === 'wait') redis.disconnect();
      closing ??= owns && redis.status !== 'end' ? redis.quit().then(() => undefined, () => undefined) : Promise.resolve();
      return closing;
    },
  };
}
