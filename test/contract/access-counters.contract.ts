import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccessCounters } from '../../src/persistence/ports/access-counters.js';

export interface AccessCountersSubject {
  counters: AccessCounters;
  /** Lets `ms` pass for the counters (a manual clock, or real time for Redis). */
  advance(ms: number): Promise<void>;
  /** A second instance over the same storage (a restart), when the implementation is durable. */
  reopen?(): Promise<AccessCounters>;
}

/** The behaviour every `AccessCounters` implementation shares. */
export function runAccessCountersContract(name: string, create: () => Promise<AccessCountersSubject>, { durable = false }: { durable?: boolean } = {}): void {
  describe(`AccessCounters contract › ${name}`, () => {
    const key = () => `test:${randomUUID()}`;

    it('should count hits in a window and report the count', async () => {
      const { counters } = await create();
      const k = key();
      expect(await counters.count(k)).toBe(0);
      expect(await counters.hit(k, 60_000)).toBe(1);
      expect(await counters.hit(k, 60_000)).toBe(2);
      expect(await counters.hit(k, 60_000, 3)).toBe(5);
      expect(await counters.count(k)).toBe(5);
      expect(await counters.count(key())).toBe(0);
    });

    it('should start again after the window that the first hit opened', async () => {
      const subject = await create();
      const k = key();
      await subject.counters.hit(k, 300);
      await subject.counters.hit(k, 300);
      await subject.advance(450);
      expect(await subject.counters.count(k)).toBe(0);
      expect(await subject.counters.hit(k, 300)).toBe(1);
    });

    it('should count concurrent hits exactly', async () => {
      const { counters } = await create();
      const k = key();
      const results = await Promise.all(Array.from({ length: 20 }, () => counters.hit(k, 60_000)));
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    // Memory counters are not durable by design: only the durable implementations pass `reopen`.
    if (durable) {
      it('should keep counts for a reopened instance (a restart)', async () => {
        const subject = await create();
        const k = key();
        await subject.counters.hit(k, 60_000, 4);
        const again = await subject.reopen!();
        expect(await again.count(k)).toBe(4);
        expect(await again.hit(k, 60_000)).toBe(5);
      });
    }
  });
}
