import type { Expectation, Understanding } from '../../../domain/understanding.js';
import { deepFreeze } from '../../../kernel/freeze.js';
import { copyPlain, createLru } from '../../../kernel/lru.js';

/**
 * Readings the rule brain already made, by (language, what the brain reads of the expectation,
 * exact text). The rule brain is deterministic: the same text under the same expectation always
 * reads the same, so a repeated message ("hola", "¿tienen cemento?", "gracias") is read once.
 *
 * Bounded LRU (a `Map` in use order: a hit moves its entry to the end, an insert past `maxEntries`
 * drops the oldest). A cached reading is deeply frozen and handed out as it is (no copy per hit:
 * the machine keeps readings in its context, which it never changes in place); a caller that
 * tried to change one would throw, never change the next caller's.
 *
 * @example
 * const cache = createReadingCache(2_000);
 * const hit = cache.get(text, lang, expecting) ?? cache.put(text, lang, expecting, read(text));
 */
export interface ReadingCache {
  /** The cached reading (frozen), or undefined when this text was not read under this expectation. */
  get(text: string, lang: string, expecting: Expectation): Understanding | undefined;
  /** Freezes `reading` deeply, keeps it and returns it. */
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

/** The brain's readings are plain data (kernel/lru.ts). */
export { copyPlain };

export function createReadingCache(maxEntries: number): ReadingCache {
  const entries = createLru<Understanding>(maxEntries);
  const keyOf = (text: string, lang: string, expecting: Expectation): string => `${lang}\u0000${expectationKey(expecting)}\u0000${text}`;
  return {
    get(text, lang, expecting) {
      const key = keyOf(text, lang, expecting);
      return entries.get(key);
    },
    put(text, lang, expecting, reading) {
      if (maxEntries <= 0) return reading;
      const frozen = deepFreeze(reading);
      entries.set(keyOf(text, lang, expecting), frozen);
      return frozen;
    },
    get size() {
      return entries.size;
    },
  };
}
