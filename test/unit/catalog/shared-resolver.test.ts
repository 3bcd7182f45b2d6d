import { describe, expect, it } from 'vitest';
import { resolverFor } from '../../../src/actors/catalog/index.js';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { demoTenant } from '../tools/helpers.js';

describe('resolverFor', () => {
  it('should give the product tool and the brain the same index for one catalog, and a new one for a reloaded catalog', async () => {
    const { catalog } = await demoTenant();
    const shared = resolverFor(catalog);
    expect(createCatalogIndex(catalog)).toBe(shared);
    expect(resolverFor(catalog)).toBe(shared);
    const reloaded = catalog.map((p) => ({ ...p }));
    const fresh = resolverFor(reloaded);
    expect(fresh).not.toBe(shared);
    expect(fresh.search('cemento gris', { limit: 1 })[0]?.product.sku).toBe(shared.search('cemento gris', { limit: 1 })[0]?.product.sku);
  });
});

describe('resolverFor with the store\'s names of goods', () => {
  it('should read a good the store names as itself, never as a typo of a catalog word', async () => {
    const { catalog, store } = await demoTenant();
    const copy = catalog.map((p) => ({ ...p }));
    expect(resolverFor(copy).correct('trompo')).toBe('trampa');
    const knowing = resolverFor(copy, store.tradeGoods);
    expect(knowing.correct('trompo')).toBeNull();
    expect(knowing.correct('electrodos')).toBeNull();
    expect(knowing.correct('sement')).toBe(resolverFor(copy).correct('sement'));
    expect(resolverFor(copy)).toBe(knowing);
    expect(createCatalogIndex(copy, store.tradeGoods)).toBe(knowing);
  });
});
