import type { ParsedQuery } from './attributes.js';
import type { CatalogMatch, ProductResolver } from './resolver-types.js';
import { fold } from './text.js';

/**
 * Queries longer than this are customers' whole messages, rarely repeated word for word: they are
 * answered without the cache rather than letting a few long texts hold its memory.
 */
const LONGEST_CACHED_QUERY = 256;

/** A bounded LRU: a `Map` in use order; a hit moves its entry to the end, an insert past `maxEntries` drops the oldest. */
function createLru<V>(maxEntries: number): { get(key: string): V | undefined; set(key: string, value: V): void; readonly size: number } {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get size() {
      return entries.size;
    },
  };
}

/** Deep copy of plain data (a parsed phrase: objects, arrays, scalars). */
function copyPlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => copyPlain(v)) as T;
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = copyPlain((value as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * A match list as the caller may keep and change: new matches and `unmet` arrays; the product is
 * the catalog's own object, as it always was (the resolver never copied products).
 */
const copyMatches = (matches: readonly CatalogMatch[]): CatalogMatch[] => matches.map((m) => ({ ...m, unmet: [...m.unmet] }));

export interface ResultCacheStats {
  /** Cached `search` results and cached `parse` results. */
  readonly searches: number;
  readonly parses: number;
}

/**
 * Wraps a resolver so `search` and `parse` answer a query they already answered from a bounded LRU
 * (`maxEntries` each). The resolver is a pure function of its catalog, which never changes in place
 * (the admin API swaps in a new catalog array, and `resolverFor` builds a new resolver, with a new
 * cache, for it), and both read the query only through `fold`: the key is the folded query (and the
 * limit), so "Cemento" and "cemento" share an entry and answer exactly as before. What is returned
 * is a copy, so a caller changing its result cannot change the next caller's.
 */
export function withResultCache(resolver: ProductResolver, maxEntries: number): ProductResolver & { readonly cacheStats: ResultCacheStats } {
  if (maxEntries <= 0) return { ...resolver, cacheStats: { searches: 0, parses: 0 } };
  const searches = createLru<CatalogMatch[]>(maxEntries);
  const parses = createLru<ParsedQuery>(maxEntries);
  return {
    search(query, options = {}) {
      if (query.length > LONGEST_CACHED_QUERY) return resolver.search(query, options);
      const limit = options.limit ?? 5;
      const key = `${limit}\u0000${fold(query)}`;
      let matches = searches.get(key);
      if (matches === undefined) {
        matches = copyMatches(resolver.search(query, { limit }));
        searches.set(key, matches);
      }
      return copyMatches(matches);
    },
    parse(query) {
      if (query.length > LONGEST_CACHED_QUERY) return resolver.parse(query);
      const key = fold(query);
      let parsed = parses.get(key);
      if (parsed === undefined) {
        parsed = copyPlain(resolver.parse(query));
        parses.set(key, parsed);
      }
      return copyPlain(parsed);
    },
    correct: (word) => resolver.correct(word),
    lexicon: resolver.lexicon,
    cacheStats: {
      get searches() {
        return searches.size;
      },
      get parses() {
        return parses.size;
      },
    },
  };
}
