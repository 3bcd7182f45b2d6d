/** An estimate's own words (the rule of thumb, the sizes) followed by its lines priced and totalled. */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { multiQuote } from './product-estimate.js';
import type { Found } from './product-parts.js';
import { quoteOne } from './product-quote-one.js';

/** One line priced alone (its reserve offered), several as an estimate with its total (the formal quote offered). */
export function pricedEstimate(tenant: TenantData, index: CatalogIndex, lead: ReplyDirective[], lines: readonly { product: Product; quantity: number }[], lang: Lang): ProductActorOutput {
  const found = lines.map(({ product, quantity }) => ({ item: { query: product.name, quantity }, match: { product, score: 1, unmet: [], defaulted: false } }));
  const priced = found.length === 1 ? quoteOne(tenant, index, found[0] as Found, lang, true) : multiQuote(tenant, found, [], lang, index, false);
  return { ...priced, replies: [...lead, ...priced.replies] };
}
