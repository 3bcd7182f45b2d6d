import type { Product, TradeGood } from '../../domain/tenant.js';
import { createProductResolver, type ProductResolver } from './product-resolver.js';

const byCatalog = new WeakMap<readonly Product[], { resolver: ProductResolver; goods: readonly TradeGood[] | undefined }>();

/**
 * The tenant's one product resolver: the rule brain's phrase reader, the product tool and the LLM
 * brain's `search_catalog` each asked for their own and indexed the same catalog two or three
 * times per tenant. Keyed by the catalog array itself, so a reloaded tenant (a new catalog) gets a
 * new index and a dropped one is collected with its catalog. The resolver only reads products, so
 * sharing it changes no answer.
 *
 * `goods`: the store's names of goods of its trade (`store.tradeGoods`); a one-word name the catalog
 * lacks is itself, never a typo of a catalog word ("tienen trompo?" is the concrete mixer, not the
 * "trampa" of the sink). A caller that knows them passes them: a resolver made without them is made
 * again the first time they are given (the tenant's brain and tools are built with them).
 */
export function resolverFor(catalog: readonly Product[], goods?: readonly TradeGood[]): ProductResolver {
  const made = byCatalog.get(catalog);
  if (made !== undefined && (goods === undefined || made.goods === goods)) return made.resolver;
  const resolver = createProductResolver(catalog, { ownWords: oneWordNames(goods ?? made?.goods ?? []) });
  byCatalog.set(catalog, { resolver, goods: goods ?? made?.goods });
  return resolver;
}

const oneWordNames = (goods: readonly TradeGood[]): string[] => goods.flatMap((g) => g.words).filter((w) => !/[\s\d-]/.test(w.trim()));
