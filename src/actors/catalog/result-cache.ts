import type { CatalogMatch, ParsedView, ProductResolver } from './resolver-types.js';
import { fold } from './text.js';
import { createLru } from '../../kernel/lru.js';
import { deepFreeze } from '../../kernel/freeze.js';

/**
 * Queries longer than this are customers' whole messages, rarely repeated word for word: they are
 * answered without the cache rather than letting a few long texts hold its memory.
 */
const LONGEST_CACHED_QUERY = 256;

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
 * limit), so "Cemento" and "cemento" share an entry and answer exactly as before. A `search` result
 * is a copy (on a miss the resolver's own fresh result, the cache keeping a copy), so a caller
 * changing its result cannot change the next caller's; a `parse` result is one frozen object shared
 * by every caller of that query (`ParsedView`: read only, a change throws).
 */
export function withResultCache(resolver: ProductResolver, maxEntries: number): ProductResolver & { readonly cacheStats: ResultCacheStats } {
  if (maxEntries <= 0) return { ...resolver, cacheStats: { searches: 0, parses: 0 } };
  const searches = createLru<CatalogMatch[]>(maxEntries);
  const parses = createLru<ParsedView>(maxEntries);
  return {
    search(query, options = {}) {
      if (query.length > LONGEST_CACHED_QUERY) return resolver.search(query, options);
      const limit = options.limit ?? 5;
      const key = `${limit}\u0000${fold(query)}`;
      const matches = searches.get(key);
      if (matches !== undefined) return copyMatches(matches);
      // A miss hands out the resolver's own fresh result and keeps a copy (one copy, not two).
      const fresh = resolver.search(query, { limit });
      searches.set(key, copyMatches(fresh));
      return fresh;
    },
    parse(query) {
      if (query.length > LONGEST_CACHED_QUERY) return resolver.parse(query);
      const key = fold(query);
      // One frozen object for every caller of the query (they read it; a change would throw): an unseen
      // turn parses ~22 times, 20 of them hits on ~4 queries, and copied each hit (issue 16, session 37).
      const parsed = parses.get(key);
      if (parsed !== undefined) return parsed;
      const fresh = deepFreeze(resolver.parse(query));
      parses.set(key, fresh);
      return fresh;
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
