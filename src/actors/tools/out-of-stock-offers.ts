/**
 * What a clerk offers when the product asked for is out: another one like it. A bare count right
 * after "the cordless drill is out, but I can offer you the DeWalt" ("how much for 3?", "dame 3")
 * prices the one offered, which is there, not the one that is out; naming the one that is out ("no,
 * la de 5/8 nada más"), or a count of a size or colour asked (the other one is no stand-in for it),
 * still gets the offer to say when it comes in.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { readFollowUpQuantity } from '../../machines/product-focus.js';
import type { CatalogIndex } from './catalog-search.js';
import { alternativeFor, altParams, optionsFor, type describeProduct, type Found } from './product-parts.js';
import { backorderOffer, quoteOne } from './product-quote-one.js';

/** The alternative on the counter, counted, when the message is a count naming no product; null otherwise. */
export function countForAlternative(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, asked: Found, text: string | undefined): Found | null {
  const alternative = tenant.catalog.find((p) => p.sku === input.focus?.alternative);
  if (!alternative || alternative.stock <= 0 || text === undefined || asked.item.quantity === undefined || !input.focus) return null;
  // "y el de 5/8?", "pintura gris perla" … "dame 10": a size or colour asked is what the job needs; the other one offered is no stand-in for it.
  const said = index.parse(input.focus.query).attributes;
  if (said.dims.length > 0 || said.measures.length > 0 || said.colours.length > 0) return null;
  if (input.understanding.products.length > 0 || input.understanding.nlu.entities.some((e) => e.type === 'product')) return null;
  if (readFollowUpQuantity(text) === undefined) return null;
  return { item: { query: alternative.name, quantity: asked.item.quantity }, match: { product: alternative, score: 1, unmet: [], defaulted: false } };
}

/** The product on the counter asked again while it is out, with another offered: the other counted, or the backorder offer. */
export function alternativeOrBackorder(tenant: TenantData, index: CatalogIndex, input: ProductActorInput, asked: Found, text: string | undefined, lang: Lang): ProductActorOutput {
  const offered = countForAlternative(tenant, index, input, asked, text);
  if (offered) return quoteOne(tenant, index, offered, lang, true);
  const quantity = asked.item.quantity === undefined && input.focus?.quantity !== undefined ? { quantity: input.focus.quantity } : {};
  return backorderOffer(tenant, index, { item: { ...asked.item, ...quantity }, match: asked.match }, lang);
}

/** The products found, listed, with the first one's alternative offered when it is out. */
export function withAlternative(tenant: TenantData, index: CatalogIndex, first: Found, lang: Lang, reply: { template: string; params: { items: ReturnType<typeof describeProduct>[] } }, focus: ProductFocus): ProductActorOutput {
  const alt = first.match.product.stock > 0 ? undefined : alternativeFor(tenant, index, first.match.product, first.item.query);
  if (!alt) return { outcome: 'answered', replies: [reply], focus };
  return {
    outcome: 'answered',
    replies: [{ template: 'product.found_alt', params: { ...reply.params, outName: first.match.product.name, ...altParams(tenant, alt, lang) }, options: optionsFor([alt]) }],
    focus: { ...focus, alternative: alt.sku },
  };
}
