import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createKeyPool, type KeyPoolEntry } from '../../../src/runtime/key-pool.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';

const entry = (id: string, max: number): KeyPoolEntry => ({ id, label: id, baseURL: 'http://127.0.0.1:9/v1', apiKey: `sk-${id}`, model: 'm', maxConcurrentConversations: max });

/**
 * A pinned conversation keeps its key's slot until released, and the runtime releases it only
 * after 15 minutes of silence. With a small cap that starves everyone else for a quarter of an
 * hour; a pin idle for a minute now yields to a conversation that needs the model.
 */
describe('key pool fairness', () => {
  it('should give a newcomer the slot of a conversation idle for the yield time, and only then', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 1)], clock, logger: createSilentLogger() });
    expect(pool.acquire('talking').ok).toBe(true);
    clock.advance(30_000);
    expect(pool.acquire('newcomer')).toMatchObject({ ok: false, reason: 'full' });
    // Still talking: its turn refreshes the pin.
    expect(pool.acquire('talking').ok).toBe(true);
    clock.advance(59_000);
    expect(pool.acquire('newcomer')).toMatchObject({ ok: false, reason: 'full' });
    clock.advance(2_000);
    expect(pool.acquire('newcomer').ok).toBe(true);
    expect(pool.status().total_active).toBe(1);
    // The one that went quiet comes back: the newcomer is active now, so it waits its turn.
    expect(pool.acquire('talking')).toMatchObject({ ok: false, reason: 'full' });
    pool.release('talking');
    expect(pool.status().total_active).toBe(1);
  });

  it('should take the longest-idle pin first and never one on an excluded or cooling key', () => {
    const clock = createManualClock();
    const pool = createKeyPool({ entries: [entry('a', 1), entry('b', 1)], clock, logger: createSilentLogger(), pinIdleYieldMs: 10_000 });
    expect(pool.acquire('first')).toMatchObject({ ok: true, lease: { entryId: 'a' } });
    clock.advance(5_000);
    expect(pool.acquire('second')).toMatchObject({ ok: true, lease: { entryId: 'b' } });
    clock.advance(20_000);
    // 'first' has been quiet longest (25 s against 20 s).
    expect(pool.acquire('new')).toMatchObject({ ok: true, lease: { entryId: 'a' } });
    expect(pool.acquire('second')).toMatchObject({ ok: true, lease: { entryId: 'b' } });
    expect(pool.acquire('first')).toMatchObject({ ok: false, reason: 'full' });
    // A pin on a cooling key is not worth taking, and an excluded key is never taken.
    pool.reportRateLimited('b', { 'retry-after': '600' });
    clock.advance(20_000);
    expect(pool.acquire('third', { exclude: ['a'] }).ok).toBe(false);
    expect(pool.acquire('third')).toMatchObject({ ok: true, lease: { entryId: 'a' } });
    expect(pool.status().total_active).toBe(2);
  });
});
