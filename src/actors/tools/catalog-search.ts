import { resolverFor, type CatalogMatch, type ProductResolver } from '../catalog/index.js';
import type { Product, TradeGood } from '../../domain/tenant.js';

/**
 * The catalog tool's view of the one product resolver (`src/actors/catalog`): the same index
 * answers the rule brain, the LLM brain's `search_catalog` and the product tool.
 */
export type CatalogIndex = ProductResolver;
export type { CatalogMatch };

/**
 * @example
 * const index = createCatalogIndex(tenant.catalog);
 * index.search('tubo pvc de media', { limit: 3 })[0]?.product.sku; // the 1/2" PVC pipe
 */
export function createCatalogIndex(catalog: readonly Product[], goods?: readonly TradeGood[]): CatalogIndex {
  return resolverFor(catalog, goods); // the store's names of goods are never typos of catalog words
}
