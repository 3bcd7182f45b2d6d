import type { Product } from '../../domain/tenant.js';
import { createProductResolver, type ProductResolver } from './product-resolver.js';

const byCatalog = new WeakMap<readonly Product[], ProductResolver>();

/**
 * The tenant's one product resolver: the rule brain's phrase reader, the product tool and the LLM
 * brain's `search_catalog` each asked for their own and indexed the same catalog two or three
 * times per tenant. Keyed by the catalog array itself, so a reloaded tenant (a new catalog) gets a
 * new index and a dropped one is collected with its catalog. The resolver only reads products, so
 * sharing it changes no answer.
 */
export function resolverFor(catalog: readonly Product[]): ProductResolver {
  let resolver = byCatalog.get(catalog);
  if (resolver === undefined) {
    resolver = createProductResolver(catalog);
    byCatalog.set(catalog, resolver);
  }
  return resolver;
}
