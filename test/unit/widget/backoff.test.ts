import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../web-widget/src/backoff.js';

describe('backoffDelay', () => {
  it('should double the ceiling from 0.5 s and cap it at 10 s', () => {
    const noJitter = (): number => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelay(a, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('should take at most 30 % off the ceiling as jitter', () => {
    expect(backoffDelay(0, () => 1)).toBe(350);
    expect(backoffDelay(10, () => 1)).toBe(7000);
    expect(backoffDelay(1, () => 0.5)).toBe(850);
  });

  it('should spread delays of the same attempt when random values differ', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75, 1].map((r) => backoffDelay(3, () => r)));
    expect(delays.size).toBe(5);
  });

  it('should survive nonsense input (negative attempt, huge attempt, random out of range)', () => {
    expect(backoffDelay(-3, () => 0)).toBe(500);
    expect(backoffDelay(10_000, () => 0)).toBe(10_000);
    expect(backoffDelay(0, () => 7)).toBe(350);
    expect(backoffDelay(0, () => -1)).toBe(500);
  });

  it('should honour custom options', () => {
    expect(backoffDelay(2, () => 0, { baseMs: 100, capMs: 300 })).toBe(300);
    expect(backoffDelay(0, () => 1, { jitter: 0 })).toBe(500);
  });
});
