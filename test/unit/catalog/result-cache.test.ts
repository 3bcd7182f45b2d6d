import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProductResolver, type CatalogMatch, type ProductResolver } from '../../../src/actors/catalog/index.js';
import type { ParsedQuery } from '../../../src/actors/catalog/attributes.js';
import { withResultCache } from '../../../src/actors/catalog/result-cache.js';
import type { Product } from '../../../src/domain/tenant.js';
import { demoTenant } from '../tools/helpers.js';

const devQueries: string[] = readFileSync(join(import.meta.dirname, '../../fixtures/catalog-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { query: string }).query);

/** A resolver that counts how often it is really asked: the cache's inner resolver. */
function countingResolver(product: Product): ProductResolver & { calls: { search: number; parse: number } } {
  const calls = { search: 0, parse: 0 };
  return {
    calls,
    search(query, options = {}) {
      calls.search++;
      return Array.from({ length: Math.min(options.limit ?? 5, 2) }, (_, i) => ({ product, score: 1 - i / 10, unmet: query.includes('azul') ? ['colour' as const] : [], defaulted: false }));
    },
    parse(query) {
      calls.parse++;
      return { attributes: { measures: [{ value: query.length, unit: '' }], dims: [], colours: [] }, content: query.split(' '), phrases: {} };
    },
    correct: () => null,
    lexicon: new Set(),
  };
}

let catalog: Product[];
let product: Product;

beforeAll(async () => {
  catalog = (await demoTenant()).catalog;
  product = catalog[0] as Product;
});

describe('product resolver result cache', () => {
  it('should answer every development query, in several limits, exactly as the resolver without a cache, on first sight and on repeat', () => {
    const plain = createProductResolver(catalog, { cacheSize: 0 });
    const cached = createProductResolver(catalog);
    expect(devQueries.length).toBeGreaterThanOrEqual(150);
    for (const round of [1, 2]) {
      for (const query of devQueries) {
        for (const limit of [1, 5, 10]) {
          expect(cached.search(query, { limit }), `${query} (limit ${limit}, round ${round})`).toEqual(plain.search(query, { limit }));
        }
        expect(cached.search(query)).toEqual(plain.search(query));
        expect(cached.parse(query)).toEqual(plain.parse(query));
        // Case and accents are folded before the resolver reads a word: one entry answers both.
        expect(cached.search(query.toUpperCase(), { limit: 3 })).toEqual(plain.search(query.toUpperCase(), { limit: 3 }));
      }
    }
  });

  it('should ask the resolver once per folded query and limit', () => {
    const inner = countingResolver(product);
    const cached = withResultCache(inner, 10);
    cached.search('Cemento gris', { limit: 1 });
    cached.search('cemento GRIS', { limit: 1 });
    cached.search('cementó gris', { limit: 1 });
    expect(inner.calls.search).toBe(1);
    cached.search('cemento gris', { limit: 3 });
    cached.search('cemento gris');
    expect(inner.calls.search).toBe(3);
    cached.parse('10 sacos');
    cached.parse('10 SACOS');
    expect(inner.calls.parse).toBe(1);
    expect(cached.cacheStats).toEqual({ searches: 3, parses: 1 });
  });

  it('should keep at most its bound, dropping the least recently used query', () => {
    const inner = countingResolver(product);
    const cached = withResultCache(inner, 3);
    for (const q of ['a1', 'a2', 'a3']) cached.search(q);
    cached.search('a1'); // a1 is now the most recently used; a2 the least
    cached.search('a4');
    expect(cached.cacheStats.searches).toBe(3);
    const before = inner.calls.search;
    cached.search('a1');
    cached.search('a3');
    expect(inner.calls.search).toBe(before);
    cached.search('a2');
    expect(inner.calls.search).toBe(before + 1);
  });

  it('should not let a caller that changes its result change the next caller’s', () => {
    const cached = withResultCache(countingResolver(product), 10);
    const first: CatalogMatch[] = cached.search('pintura azul');
    (first[0] as CatalogMatch).score = -1;
    (first[0] as CatalogMatch).unmet.push('size');
    first.pop();
    const again = cached.search('pintura azul');
    expect(again).toHaveLength(2);
    expect(again[0]?.score).toBe(1);
    expect(again[0]?.unmet).toEqual(['colour']);
    // A parse is shared and frozen (issue 16, session 37): a change throws rather than reaching the next caller.
    const parsed = cached.parse('tubo de 3/4') as ParsedQuery;
    expect(() => parsed.content.push('otro')).toThrow(TypeError);
    expect(() => ((parsed.attributes.measures[0] as { value: number }).value = 0)).toThrow(TypeError);
    expect(() => parsed.attributes.colours.push('rojo')).toThrow(TypeError);
    expect(() => (parsed.phrases.colour = 'rojo')).toThrow(TypeError);
    expect(() => (parsed.quantity = 2)).toThrow(TypeError);
    expect(cached.parse('tubo de 3/4')).toBe(parsed);
    expect(cached.parse('tubo de 3/4')).toEqual({ attributes: { measures: [{ value: 11, unit: '' }], dims: [], colours: [] }, content: ['tubo', 'de', '3/4'], phrases: {} });
  });

  it('should hand out a miss frozen too, the object it keeps', () => {
    const inner = countingResolver(product);
    const cached = withResultCache(inner, 10);
    const first = cached.parse('varilla 3/8');
    expect(Object.isFrozen(first) && Object.isFrozen(first.attributes) && Object.isFrozen(first.attributes.measures[0]) && Object.isFrozen(first.content) && Object.isFrozen(first.phrases)).toBe(true);
    expect(cached.parse('VARILLA 3/8')).toBe(first);
    expect(inner.calls.parse).toBe(1);
  });

  it('should pass long texts (whole messages) through without keeping them', () => {
    const inner = countingResolver(product);
    const cached = withResultCache(inner, 10);
    const long = `tienen cemento ${'y mucho más '.repeat(40)}`;
    cached.search(long);
    cached.search(long);
    cached.parse(long);
    expect(inner.calls).toEqual({ search: 2, parse: 1 });
    expect(cached.cacheStats).toEqual({ searches: 0, parses: 0 });
  });

  it('should give a reloaded catalog its own cache', () => {
    const first = createProductResolver(catalog);
    const changed = catalog.map((p) => (p.sku === 'CEM-001' ? { ...p, name: 'Cemento Gris Renombrado' } : p));
    const second = createProductResolver(changed);
    expect(first.search('cemento gris', { limit: 1 })[0]?.product.name).not.toBe('Cemento Gris Renombrado');
    expect(second.search('cemento gris', { limit: 1 })[0]?.product.name).toBe('Cemento Gris Renombrado');
  });
});
