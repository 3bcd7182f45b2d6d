import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus, QuoteLine, ReplyDirective, ReplyOption } from '../../machines/conversation.contract.js';
import { mixedOfMissing } from './paint-mixing.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { countText } from './units.js';
import { shortStockNote } from './stock-short.js';
import { quantityOf } from './product-request.js';
import { alternativeFor, altParams, describeProduct, focusOf, type Found } from './product-parts.js';
import { quoteOne } from './product-quote-one.js';
import { soldOut, soldOutNote, soldOutTemplate, type SoldOutLine } from './estimate-stock-out.js';

/**
 * Several lines priced at once: an estimate (each line's count × price and the total, with the
 * offer of the formal quote) or, asked for, the formal quote itself.
 */

/** The lines of the estimate on offer as found items (`each`: every line at that quantity instead). */
export function estimateLines(tenant: TenantData, estimate: readonly QuoteLine[], each?: number): Found[] {
  return estimate.flatMap((line) => {
    const product = tenant.catalog.find((p) => p.sku === line.sku);
    return product ? [{ item: { query: product.name, quantity: each ?? line.quantity }, match: { product, score: 1, unmet: [], defaulted: false } }] : [];
  });
}

/**
 * Several items priced: each line's quantity × price and the total. A formal quote asked for
 * (`multi_quote`) goes to the sales team at once; otherwise (`estimate`) the customer is asked
 * whether to prepare it.
 */
export function multiQuote(tenant: TenantData, found: Found[], missing: string[], lang: Lang, index: CatalogIndex, formal: boolean, named: Readonly<Record<string, string>> = {}): ProductActorOutput {
  let total = 0;
  const out: SoldOutLine[] = [];
  const items = found.map(({ item, match }) => {
    const quantity = quantityOf(item);
    const subtotal = match.product.price * quantity;
    const described = describeProduct(tenant, match.product, lang);
    // An exhausted line says so and names the in-stock equivalent, as a clerk would across the counter.
    const alt = match.product.stock > 0 ? undefined : alternativeFor(tenant, index, match.product, item.query);
    // ...and is left out of the total: what cannot be sold is not added up (`estimate-stock-out.ts`).
    if (soldOut(match.product)) out.push({ product: match.product, quantity, ...(alt ? { alt } : {}) });
    else total += subtotal;
    // Counted over the stock: how many there are and that sales orders the rest (`stock-short.ts`).
    const availability = alt ? renderReply({ template: 'product.stock.out_alt', params: altParams(tenant, alt, lang) }, tenant.templates, lang) : (shortStockNote(tenant, match.product, quantity, lang) ?? described.availability);
    // `named`: a line said the customer's way (the white base "preparada en azul").
    return { quantity: countText(quantity, lang), name: named[match.product.sku] ?? described.name, price: described.price, subtotal: formatMoney(subtotal), availability };
  });
  const kind = formal ? 'product.multi_quote' : 'product.estimate';
  // "pintura azul" the store mixes is no "No tenemos": said mixed to order, before the prices.
  const { mixed, rest, note } = mixedOfMissing(tenant, index, missing, lang);
  const mixing = tenant.templates[lang]?.['product.estimate.mixed'] !== undefined ? note : null;
  const unmixed = mixing ? rest : missing;
  const none = out.length === found.length;
  const template = unmixed.length > 0 ? `${kind}_partial` : ((none ? soldOutTemplate(tenant, kind, lang) : null) ?? kind);
  const first = found[0] as Found;
  const params = { items, total: formatMoney(total), ...(unmixed.length > 0 ? { missing: unmixed.join(', ') } : {}), ...(out.length > 0 ? { soldOut: soldOutNote(tenant, out, lang, none && template !== kind) } : {}) };
  const lead: ReplyDirective[] = mixing ? [{ template: 'product.estimate.mixed', params: { wanted: mixed.join(', '), mixing } }] : [];
  // The estimate ends with "¿Te preparo la cotización formal?": a yes / no button each.
  const answer = (key: string): ReplyOption => {
    const said = renderReply({ template: key }, tenant.templates, lang);
    return { label: said, text: said };
  };
  return {
    outcome: formal ? 'multi_quote' : 'estimate',
    lines: found.map(({ item, match }) => ({ sku: match.product.sku, quantity: quantityOf(item) })),
    replies: [...lead, formal ? { template, params } : { template, params, options: [answer('product.quote_offer.yes'), answer('product.quote_offer.no')] }],
    focus: withOtherLines(focusOf(first.match, first.item, index), found.slice(1)),
  };
}

/** The estimate's other lines stay on the counter with their counts (the first line in focus, `at` 0): "¿cuánto es todo?" after the offer lapsed still adds them, in their order. */
function withOtherLines(focus: ProductFocus, others: readonly Found[]): ProductFocus {
  const rest = others.filter((f) => f.match.product.sku !== focus.sku);
  if (rest.length === 0) return focus;
  return { ...focus, recent: rest.map((f) => f.match.product.sku).reverse(), counts: Object.fromEntries(rest.map((f) => [f.match.product.sku, quantityOf(f.item)])), at: 0 };
}

/** An estimate's own words, then its product priced (one) or its lines as an estimate (several). */
export function pricedEstimate(tenant: TenantData, index: CatalogIndex, lead: ReplyDirective[], lines: readonly { product: Product; quantity: number }[], lang: Lang): ProductActorOutput {
  const found = lines.map(({ product, quantity }) => ({ item: { query: product.name, quantity }, match: { product, score: 1, unmet: [], defaulted: false } }));
  const priced = found.length === 1 ? quoteOne(tenant, index, found[0] as Found, lang, true) : multiQuote(tenant, found, [], lang, index, false);
  return { ...priced, replies: [...lead, ...priced.replies] };
}
