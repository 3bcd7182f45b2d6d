/**
 * Fixed-window counters for abuse limits that must hold across conversations and restarts:
 * identity-link codes sent to one handle per day, wrong codes per handle and per client IP.
 * Three implementations share this port: memory (tests, `HILO_STORAGE=memory`), SQL
 * (`src/persistence/sql/access-counters.repository.ts`) and Redis
 * (`src/persistence/redis/redis-access-counters.ts`).
 */
/** The clock these counters read (the runtime's `Clock`, declared here so persistence does not import runtime). */
type Clock = { now(): number };

export interface AccessCounters {
  /**
   * Adds `by` (default 1) to `key`'s count and returns the new count. A key's window starts with
   * its first hit and lasts `windowMs`; after it the count starts again from zero.
   */
  hit(key: string, windowMs: number, by?: number): Promise<number>;
  /** The count of `key` in its current window (0 when none). */
  count(key: string): Promise<number>;
}

/** In-memory counters (lost on restart); expired windows are swept as they are touched. */
export function createMemoryAccessCounters(options: { clock: Clock; maxKeys?: number }): AccessCounters {
  const { clock } = options;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string, now: number) => {
    const w = windows.get(key);
    if (w && w.expiresAt <= now) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    async hit(key, windowMs, by = 1) {
      const now = clock.now();
      const w = live(key, now) ?? { count: 0, expiresAt: now + windowMs };
      w.count += by;
      windows.delete(key);
      windows.set(key, w);
      if (windows.size > maxKeys) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      return w.count;
    },
    async count(key) {
      return live(key, clock.now())?.count ?? 0;
    },
  };
}
