import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryDeduplicator } from '../../../src/channels/dedupe.js';
import { formatChannelText } from '../../../src/channels/format.js';
import { createPacer } from '../../../src/channels/pacer.js';
import { withRetry, type AttemptOutcome } from '../../../src/channels/retry.js';
import { createServiceWindow, SERVICE_WINDOW_MS } from '../../../src/channels/service-window.js';
import { constantTimeEqual } from '../../../src/channels/signature.js';
import { HiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';

describe('pacer', () => {
  it('should let a burst through, then space sends at the per-number rate', () => {
    const clock = createManualClock();
    const pacer = createPacer({ clock, perNumberPerSecond: 10, perNumberBurst: 3, pairIntervalMs: 1, pairBurst: 1000 });
    const waits = Array.from({ length: 6 }, (_, i) => pacer.reserve('num', `r${i}`));
    expect(waits).toEqual([0, 0, 0, 100, 200, 300]);
    clock.advance(1000);
    expect(pacer.reserve('num', 'x')).toBe(0);
  });

  it('should apply the pair rate per recipient without slowing other recipients', () => {
    const clock = createManualClock();
    const pacer = createPacer({ clock, perNumberPerSecond: 1000, perNumberBurst: 1000, pairIntervalMs: 6000, pairBurst: 2 });
    expect([pacer.reserve('n', 'a'), pacer.reserve('n', 'a'), pacer.reserve('n', 'a')]).toEqual([0, 0, 6000]);
    expect(pacer.reserve('n', 'b')).toBe(0);
    expect(pacer.reserve('m', 'a')).toBe(0);
  });

  it('should hold a number or a pair after the provider says slow down', () => {
    const clock = createManualClock();
    const pacer = createPacer({ clock });
    pacer.pause('n', 5000);
    expect(pacer.reserve('n', 'a')).toBe(5000);
    pacer.pause('n', 2000, 'b');
    expect(pacer.reserve('n', 'b')).toBe(5000);
    clock.advance(5000);
    expect(pacer.reserve('n', 'c')).toBe(0);
  });

  it('should never allow more than burst + rate × window sends in any window, whatever the arrival times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        const clock = createManualClock(0);
        const pacer = createPacer({ clock, perNumberPerSecond: 20, perNumberBurst: 5, pairIntervalMs: 1, pairBurst: 1e6 });
        const sentAt: number[] = [];
        let t = 0;
        for (const gap of gaps) {
          t += gap;
          clock.set(t);
          sentAt.push(t + pacer.reserve('n', String(gap)));
        }
        sentAt.sort((a, b) => a - b);
        for (let i = 0; i < sentAt.length; i++) {
          const inWindow = sentAt.filter((s) => s >= sentAt[i]! && s <= sentAt[i]! + 1000).length;
          expect(inWindow).toBeLessThanOrEqual(5 + 20 + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should drop idle pair buckets beyond maxPairs', () => {
    const clock = createManualClock();
    const pacer = createPacer({ clock, maxPairs: 10, pairBurst: 1, pairIntervalMs: 1000 });
    for (let i = 0; i < 50; i++) pacer.reserve('n', `r${i}`);
    clock.advance(1000);
    for (let i = 50; i < 60; i++) pacer.reserve('n', `r${i}`);
    // r0 was dropped as idle: a fresh bucket sends at once even though it sent before.
    expect(pacer.reserve('n', 'r0')).toBe(0);
  });
});

describe('service window', () => {
  it('should be open for 24 hours after the last inbound message and closed after', () => {
    const clock = createManualClock();
    const window = createServiceWindow({ clock });
    expect(window.isOpen('c1')).toBe(false);
    window.recordInbound('c1', clock.now());
    expect(window.closesAt('c1')).toBe(clock.now() + SERVICE_WINDOW_MS);
    clock.advance(SERVICE_WINDOW_MS - 1);
    expect(window.isOpen('c1')).toBe(true);
    clock.advance(1);
    expect(window.isOpen('c1')).toBe(false);
  });

  it('should not move the window back for an older timestamp, and restart it on a newer one', () => {
    const clock = createManualClock();
    const window = createServiceWindow({ clock });
    window.recordInbound('c1', clock.now());
    window.recordInbound('c1', clock.now() - 10 * 60 * 60 * 1000);
    expect(window.closesAt('c1')).toBe(clock.now() + SERVICE_WINDOW_MS);
    clock.advance(20 * 60 * 60 * 1000);
    window.recordInbound('c1', clock.now());
    clock.advance(20 * 60 * 60 * 1000);
    expect(window.isOpen('c1')).toBe(true);
  });

  it('should close on the provider’s word and survive a restart through toJSON/restore', () => {
    const clock = createManualClock();
    const window = createServiceWindow({ clock });
    window.recordInbound('c1', clock.now());
    window.recordInbound('c2', clock.now());
    window.markClosed('c2');
    expect(window.isOpen('c2')).toBe(false);
    const restored = createServiceWindow({ clock });
    restored.restore(JSON.parse(JSON.stringify(window.toJSON())) as Record<string, number>);
    expect(restored.isOpen('c1')).toBe(true);
    expect(restored.isOpen('c2')).toBe(false);
  });
});

describe('retry', () => {
  const fail = (retry: boolean, retryAfterMs?: number): AttemptOutcome<string> => ({
    ok: false,
    retry,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    httpStatus: 503,
    providerCode: null,
    message: 'x',
    error: new HiloError('HILO_ERR_CHANNEL_SEND_FAILED'),
  });

  it('should back off exponentially, respect retry-after and stop after maxAttempts', async () => {
    const clock = createManualClock();
    const sleeps: number[] = [];
    const records: boolean[] = [];
    const ctx = { channel: 'whatsapp' as const, clock, sleep: async (ms: number) => void sleeps.push(ms), random: () => 1, policy: { maxAttempts: 4, baseDelayMs: 100 }, onProviderError: (r: { retrying: boolean }) => void records.push(r.retrying) };
    await expect(withRetry(ctx, async (n) => fail(true, n === 2 ? 5000 : undefined))).rejects.toMatchObject({ code: 'HILO_ERR_CHANNEL_SEND_FAILED' });
    expect(sleeps).toEqual([100, 5000, 400]);
    expect(records).toEqual([true, true, true, false]);
  });

  it('should not retry what the adapter marks as final', async () => {
    const clock = createManualClock();
    let calls = 0;
    await expect(
      withRetry({ channel: 'telegram', clock, sleep: async () => {} }, async () => {
        calls++;
        return fail(false);
      }),
    ).rejects.toBeInstanceOf(HiloError);
    expect(calls).toBe(1);
  });
});

describe('small helpers', () => {
  it('should compare strings in constant time and still tell them apart', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });

  it('should de-duplicate within the TTL, forget released keys and expired ones', async () => {
    const clock = createManualClock();
    const d = createMemoryDeduplicator({ clock, ttlMs: 1000, max: 3 });
    expect(await d.claim('a')).toBe(true);
    expect(await d.claim('a')).toBe(false);
    await d.release('a');
    expect(await d.claim('a')).toBe(true);
    clock.advance(1000);
    expect(await d.claim('a')).toBe(true);
    for (const k of ['b', 'c', 'd']) await d.claim(k);
    expect(await d.claim('a')).toBe(true);
  });

  it('should cut long text on a word boundary without splitting emoji', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 5, max: 200 }), (text, max) => {
        const out = formatChannelText(text, { maxLength: max, boldStyle: 'whatsapp' });
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
        expect(() => encodeURIComponent(out)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    expect(formatChannelText('uno dos tres cuatro', { maxLength: 12, boldStyle: 'plain' })).toBe('uno dos…');
  });
});
