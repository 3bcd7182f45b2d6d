import type { Expectation, Understanding } from '../../../domain/understanding.js';

/**
 * Readings the rule brain already made, by (language, what the brain reads of the expectation,
 * exact text). The rule brain is deterministic: the same text under the same expectation always
 * reads the same, so a repeated message ("hola", "¿tienen cemento?", "gracias") is read once.
 *
 * Bounded LRU (a `Map` in use order: a hit moves its entry to the end, an insert past `maxEntries`
 * drops the oldest). Every value goes in and comes out as a deep copy, so a caller that changes
 * its reading cannot change the next caller's.
 *
 * @example
 * const cache = createReadingCache(2_000);
 * const hit = cache.get(text, lang, expecting) ?? cache.put(text, lang, expecting, read(text));
 */
export interface ReadingCache {
  /** A copy of the cached reading, or undefined when this text was not read under this expectation. */
  get(text: string, lang: string, expecting: Expectation): Understanding | undefined;
  /** Keeps a copy of `reading` and returns `reading` itself. */
  put(text: string, lang: string, expecting: Expectation, reading: Understanding): Understanding;
  readonly size: number;
}

/**
 * The part of the expectation the rule brain reads: its kind, and the field of a lead question
 * (`readLeadFields`). A choice's options or a quote's lines change nothing in the reading, so
 * they are not part of the key.
 */
function expectationKey(expecting: Expectation): string {
  return expecting.kind === 'lead_field' ? `lead_field:${expecting.field}` : expecting.kind;
}

/** Deep copy of plain data (objects, arrays, scalars), as the brain's readings are; keeps `undefined` values. */
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

export function createReadingCache(maxEntries: number): ReadingCache {
  const entries = new Map<string, Understanding>();
  const keyOf = (text: string, lang: string, expecting: Expectation): string => `${lang}\u0000${expectationKey(expecting)}\u0000${text}`;
  return {
    get(text, lang, expecting) {
      const key = keyOf(text, lang, expecting);
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return copyPlain(hit);
    },
    put(text, lang, expecting, reading) {
      if (maxEntries <= 0) return reading;
      const key = keyOf(text, lang, expecting);
      entries.delete(key);
      entries.set(key, copyPlain(reading));
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return reading;
    },
    get size() {
      return entries.size;
    },
  };
}
