import { describe, expect, it } from 'vitest';
import { HiloError } from '../../../src/kernel/errors.js';
import { backoffCeiling, backoffDelay, decideRetry, parseRetryAfter, resolveRetryPolicy, retry, retryAfterOf, type RetryOutcome } from '../../../src/kernel/retry.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('should read delay-seconds, whole and fractional, as ms', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('should read an HTTP date relative to now, and a past date as zero', () => {
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('should answer undefined for absent, empty, negative or junk values', () => {
    for (const v of [null, undefined, '', '  ', '-5', 'soon', '5s', 'NaN', '1e3', 'abc 99']) expect(parseRetryAfter(v, NOW), String(v)).toBeUndefined();
  });
});

describe('backoff', () => {
  const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

  it('should double the ceiling per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffCeiling(n, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('should jitter fully: uniform from zero to just under the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(399);
    const seen = Array.from({ length: 200 }, () => backoffDelay(5, policy));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThan(1000);
  });
});

describe('decideRetry', () => {
  const policy = resolveRetryPolicy({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 });

  it('should stop at once on a final failure and when attempts run out', () => {
    expect(decideRetry({ attempt: 1, retryable: false, policy })).toEqual({ retry: false, reason: 'final' });
    expect(decideRetry({ attempt: 3, retryable: true, policy, random: () => 0 })).toEqual({ retry: false, reason: 'attempts' });
  });

  it('should never wait less than Retry-After, honoured up to the cap', () => {
    expect(decideRetry({ attempt: 1, retryable: true, retryAfterMs: 900, policy, random: () => 0.5 })).toEqual({ retry: true, delayMs: 900 });
    expect(decideRetry({ attempt: 1, retryable: true, retryAfterMs: 1000, policy, random: () => 0.5 })).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry({ attempt: 1, retryable: true, retryAfterMs: 1001, policy, random: () => 0.5 })).toEqual({ retry: false, reason: 'retry-after' });
  });

  it('should let a separate cap govern Retry-After when one is given', () => {
    const long = resolveRetryPolicy({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 });
    expect(decideRetry({ attempt: 1, retryable: true, retryAfterMs: 45_000, policy: long, random: () => 0 })).toEqual({ retry: true, delayMs: 45_000 });
  });
});

describe('retry', () => {
  type F = { status: number };
  const fail = (retryable: boolean, retryAfterMs?: number): RetryOutcome<string, F> => ({
    ok: false,
    retry: retryable,
    status: 503,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    error: new Error(`failed ${retryable ? 'retryable' : 'final'}`),
  });

  it('should back off, honour Retry-After, and throw the last error when attempts run out', async () => {
    const sleeps: number[] = [];
    const seen: Array<[number, boolean]> = [];
    const run = retry<string, F>(
      {
        policy: { maxAttempts: 4, baseDelayMs: 100 },
        sleep: async (ms) => void sleeps.push(ms),
        random: () => 0.5,
        onFailure: (f, { attempt, decision }) => void seen.push([attempt, decision.retry && f.status === 503]),
      },
      async (n) => fail(true, n === 2 ? 5000 : undefined),
    );
    await expect(run).rejects.toThrow('failed retryable');
    expect(sleeps).toEqual([50, 5000, 200]);
    expect(seen).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });

  it('should return the value and the attempts it took', async () => {
    const result = await retry({ sleep: async () => {}, random: () => 0 }, async (n) => (n < 3 ? fail(true) : { ok: true as const, value: 'sent' }));
    expect(result).toEqual({ value: 'sent', attempts: 3 });
  });

  it('should not wait when the provider asks for longer than the cap', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const run = retry({ policy: { maxDelayMs: 2000 }, sleep: async (ms) => void sleeps.push(ms) }, async () => {
      calls++;
      return fail(true, 60_000);
    });
    await expect(run).rejects.toThrow('failed retryable');
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('should not retry a final failure', async () => {
    let calls = 0;
    await expect(
      retry({ sleep: async () => {} }, async () => {
        calls++;
        return fail(false);
      }),
    ).rejects.toThrow('failed final');
    expect(calls).toBe(1);
  });
});

describe('retryAfterOf', () => {
  it('should read retryAfterMs from an error\'s details and nothing else', () => {
    expect(retryAfterOf(new HiloError('HILO_ERR_CRM_RATE_LIMITED', undefined, { details: { httpStatus: 429, retryAfterMs: 120_000 } }))).toBe(120_000);
    expect(retryAfterOf(new HiloError('HILO_ERR_CRM_RATE_LIMITED', undefined, { details: { httpStatus: 429, retryAfterMs: null } }))).toBeUndefined();
    expect(retryAfterOf(new Error('x'))).toBeUndefined();
    expect(retryAfterOf('x')).toBeUndefined();
  });
});
