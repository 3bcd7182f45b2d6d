import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createIdempotencyKeys } from '../../../src/runtime/gateway/idempotency-keys.js';
import { idempotencyStoresUnderTest } from '../durable/idempotency-stores.js';

/**
 * The records behind `Idempotency-Key` (`IdempotencyRecords`), on real Redis and in memory: one
 * claim wins, a kept answer comes back, a released claim runs again, a lease that ran out (a member
 * that died mid-request) lets the next request run, and on Redis two gateways (two members) share
 * one key: the second waits for the first's answer instead of running.
 */
const { prefix, stores } = idempotencyStoresUnderTest('idem');
const ok = (body: string) => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body });

describe.each(stores)('IdempotencyRecords (%s)', (_name, make) => {
  it('should let one claim win, keep its answer, and run again after a release or a lease that ran out', async () => {
    const records = make();
    const id = `t:${randomUUID()}\nk-1`;
    expect(await records.claim(id, 'f1', 5_000)).toBeNull();
    expect(await records.claim(id, 'f2', 5_000)).toEqual({ fingerprint: 'f1', answer: null });
    await records.complete(id, { fingerprint: 'f1', answer: ok('{"a":1}') }, 60_000);
    expect(await records.claim(id, 'f1', 5_000)).toEqual({ fingerprint: 'f1', answer: ok('{"a":1}') });
    const released = `t:${randomUUID()}\nk-2`;
    expect(await records.claim(released, 'f1', 5_000)).toBeNull();
    await records.release(released);
    expect(await records.claim(released, 'f1', 5_000)).toBeNull();
    const lapsed = `t:${randomUUID()}\nk-3`;
    expect(await records.claim(lapsed, 'f1', 30)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await records.claim(lapsed, 'f1', 5_000)).toBeNull();
  });
});

describe('two gateways on one Redis', () => {
  it('should run a key once when two members get it at once, the second answering the first\'s answer', async () => {
    const a = createIdempotencyKeys({ clock: systemClock, records: stores[0]![1]() });
    const b = createIdempotencyKeys({ clock: systemClock, records: stores[0]![1]() });
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return ok(`{"run":${runs}}`);
    };
    const key = `race-${randomUUID()}`;
    const [x, y] = await Promise.all([a.run('ferreteria:k', key, 'f', work), new Promise((r) => setTimeout(r, 20)).then(() => b.run('ferreteria:k', key, 'f', work))]);
    expect(runs).toBe(1);
    expect(x.body).toBe('{"run":1}');
    expect(y.body).toBe('{"run":1}');
    // Whichever member claimed first ran it (a lazy Redis connection may make either first); the other replayed.
    expect([x.headers['idempotent-replayed'], y.headers['idempotent-replayed']].sort()).toEqual(['true', undefined]);
    await expect(b.run('ferreteria:k', key, 'other', work)).rejects.toMatchObject({ code: 'HILO_ERR_IDEMPOTENCY_KEY_REUSED' });
  });
});
