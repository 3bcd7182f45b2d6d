/** A bounded least-recently-used map of string keys (see `createLru`). */
export interface Lru<V> {
  /** The value, which becomes the most recently used; undefined when absent (use `has` for stored undefined). */
  get(key: string): V | undefined;
  has(key: string): boolean;
  /** Stores as the most recently used; past `maxEntries` the least recently used entry goes. */
  set(key: string, value: V): void;
  delete(key: string): boolean;
  /** Keys, least recently used first (a copy: deleting while walking it is safe). */
  keys(): string[];
  readonly size: number;
}

/**
 * A bounded LRU: a `Map` in use order (a hit moves its entry to the end, an insert past
 * `maxEntries` drops the first). The one LRU of the hot-path caches: the brain's readings, the
 * catalog's results, the channel identities, the product follow-up readers. `maxEntries` ≤ 0
 * stores nothing.
 *
 * @example
 * const seen = createLru<number>(2);
 * seen.set('a', 1); seen.set('b', 2); seen.get('a'); seen.set('c', 3); // 'b' is dropped
 */
export function createLru<V>(maxEntries: number): Lru<V> {
  const entries = new Map<string, V>();
  const max = Math.floor(maxEntries);
  // The most recently used key: a hit on it is already in its place (the per-text memos are asked
  // about one message many times a turn), so the delete and re-insert that move an entry are skipped.
  let newest: string | undefined;
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit === undefined && !entries.has(key)) return undefined;
      if (key !== newest) {
        entries.delete(key);
        entries.set(key, hit as V);
        newest = key;
      }
      return hit;
    },
    has: (key) => entries.has(key),
    set(key, value) {
      if (max <= 0) return;
      entries.delete(key);
      entries.set(key, value);
      newest = key;
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    delete(key) {
      if (key === newest) newest = undefined;
      return entries.delete(key);
    },
    keys: () => [...entries.keys()],
    get size() {
      return entries.size;
    },
  };
}

/**
 * `read(key)`, remembered in `lru`: for pure functions of a string asked the same question several
 * times (a stored `undefined` counts as remembered).
 *
 * @example
 * const followUps = createLru<boolean>(256);
 * const isFollowUp = (text: string) => remembered(followUps, text, readFollowUp);
 */
export function remembered<V>(lru: Lru<V>, key: string, read: (key: string) => V): V {
  // One look-up on a hit (`has` only when the value stored may be undefined).
  const hit = lru.get(key);
  if (hit !== undefined || lru.has(key)) return hit as V;
  const value = read(key);
  lru.set(key, value);
  return value;
}

/**
 * Deep copy of plain data (objects, arrays, scalars), for caches that hand out what callers may change.
 *
 * @example
 * const mine = copyPlain(cachedReading);
 */
export function copyPlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyPlain(value[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = copyPlain((value as Record<string, unknown>)[k]);
  return out as T;
}
