import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createRedisKeys } from '../../../src/persistence/redis/keys.js';
import { createIdempotencyKeys } from '../../../src/runtime/gateway/idempotency-keys.js';
import { REDIS_URL } from '../durable/durable-harness.js';
import { idempotencyStoresUnderTest } from '../durable/idempotency-stores.js';

/**
 * A REST request with an `Idempotency-Key` still running while its contact is erased. Before: the
 * erasure dropped the answers kept so far, then the running request kept its own, and the same
 * key replayed the erased conversation's replies for 24 hours. After: the erasure marks the
 * conversation erased; a request of it that completes afterwards answers its caller but keeps
 * nothing, and the same key runs again. On a real Redis and in memory; the interleavings of one
 * request's completion with the erasure are raced many times on Redis.
 */
const { prefix, stores } = idempotencyStoresUnderTest('h17');
const SECRET_REPLY = 'Hola Wilfredo, tu cuenta 10587 debe RD$18,450.50';
const answer = (run: number) => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ run, reply: SECRET_REPLY }) });

describe.each(stores)('a keyed request running while its conversation is erased (%s)', (_name, make) => {
  it('should answer the running request, keep nothing, and run the same key again afterwards', async () => {
    const records = make();
    const keys = createIdempotencyKeys({ clock: systemClock, records });
    const conversation = { tenantId: 'ferreteria', conversationId: `c-${randomUUID()}` };
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const work = async () => {
      const run = ++runs;
      if (run === 1) {
        started();
        await gate;
      }
      return { ...answer(run), conversation };
    };
    const key = `k-${randomUUID()}`;
    const first = keys.run('ferreteria:api', key, 'f', work);
    await running;
    // The contact is erased while the request runs; nothing was kept yet.
    expect(await records.forgetConversation(conversation)).toBe(0);
    release();
    const answered = await first;
    expect(answered.status).toBe(200);
    expect(JSON.parse(String(answered.body))).toMatchObject({ run: 1 });
    // The same key and body is not a replay of the erased conversation: it runs again.
    const again = await keys.run('ferreteria:api', key, 'f', work);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(JSON.parse(String(again.body))).toMatchObject({ run: 2 });
    expect(runs).toBe(2);
  });

  it('should keep answers of other conversations while one is erased', async () => {
    const records = make();
    const erased = { tenantId: 'ferreteria', conversationId: `c-${randomUUID()}` };
    const other = { tenantId: 'ferreteria', conversationId: `c-${randomUUID()}` };
    await records.forgetConversation(erased);
    const id = `t:${randomUUID()}\nk`;
    expect(await records.claim(id, 'f', 5_000)).toBeNull();
    expect(await records.complete(id, { fingerprint: 'f', answer: answer(1), conversation: other }, 60_000)).toBe(true);
    expect(await records.claim(id, 'f', 5_000)).toEqual({ fingerprint: 'f', answer: answer(1) });
  });
});

describe('completion and erasure raced on a real Redis', () => {
  it('should never leave an erased conversation\'s answer in Redis, whichever runs first', async () => {
    const records = stores[0]![1]();
    const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await admin.connect(); // throws when Redis is down: never skipped
    const redisKeys = createRedisKeys(prefix);
    try {
      let kept = 0;
      let dropped = 0;
      for (let round = 0; round < 40; round++) {
        const batch = Array.from({ length: 10 }, async (_v, i) => {
          const conversation = { tenantId: 'ferreteria', conversationId: `race-${round}-${i}-${randomUUID()}` };
          const id = `t:${randomUUID()}\nk`;
          expect(await records.claim(id, 'f', 5_000)).toBeNull();
          // Staggered by 0–3 ms either way, so each order of the two protocols' steps occurs.
          const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
          const [done, forgotten] = await Promise.all([
            delay(i % 4).then(() => records.complete(id, { fingerprint: 'f', answer: answer(1), conversation }, 60_000)),
            delay((round + i) % 4).then(() => records.forgetConversation(conversation)),
          ]);
          if (done && forgotten === 1) kept++;
          else dropped++;
          expect(await admin.get(redisKeys.idempotencyKey(id)), `${round}/${i}`).toBeNull();
        });
        await Promise.all(batch);
      }
      // Both sides of the race happened: the erasure found the answer, or the answer saw the mark.
      expect(kept + dropped).toBe(400);
      expect(kept).toBeGreaterThan(0);
      expect(dropped).toBeGreaterThan(0);
    } finally {
      admin.disconnect();
    }
  }, 60_000);
});
