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
