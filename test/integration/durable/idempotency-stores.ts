import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createMemoryIdempotencyRecords, type IdempotencyRecords } from '../../../src/persistence/ports/idempotency-records.js';
import { createRedisIdempotencyRecords } from '../../../src/persistence/redis/redis-idempotency-records.js';
import { deleteRedisPrefix, REDIS_URL } from './durable-harness.js';

/**
 * The `Idempotency-Key` records under test on a real Redis (under a fresh key prefix, closed and
 * deleted after the file) and in memory: `[name, make]` pairs for `describe.each`.
 */
export function idempotencyStoresUnderTest(tag: string): { prefix: string; stores: Array<[string, () => IdempotencyRecords]> } {
  const prefix = `hilo-test-${tag}-${randomUUID().slice(0, 8)}`;
  const opened: IdempotencyRecords[] = [];
  afterAll(async () => {
    for (const r of opened) await r.close();
    await deleteRedisPrefix(prefix);
  });
  const stores: Array<[string, () => IdempotencyRecords]> = [
    ['redis', () => { const r = createRedisIdempotencyRecords({ url: REDIS_URL, prefix }); opened.push(r); return r; }],
    ['memory', () => createMemoryIdempotencyRecords({ clock: systemClock })],
  ];
  return { prefix, stores };
}
