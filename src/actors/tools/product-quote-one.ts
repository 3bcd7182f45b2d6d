import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { formatMoney } from './format.js';
import { foldAccents } from '../../kernel/fold.js';
import { otherBrandsLine } from './other-brands.js';
import { otherOptionsLine } from './other-options.js';
import { countText, countUnit } from './units.js';
import { quantityOf } from './product-request.js';
import { alternativeFor, altParams, bucketFor, describeProduct, focusOf, optionsFor, type Found } from './product-parts.js';
export { fitOutOfStock } from './fit-out-of-stock.js';

/**
 * One product answered: its price and stock, or a count × price with the stock checked, and what
 * can be done next (set it aside, be told when it comes in).
 */

/** The order line of one unit counted ("dame un galón de …"): the count's reply without "1 × price =". */
export const ONE_LINE = 'product.quote_qty_one';

/** The selling units a customer counts one of ("un galón", "una funda", "a bag"), folded. */
const ONE_UNIT = String.raw`(?:galon|gl|gln|gal|cubeta|balde|saco|funda|bolsa|libra|lb|quintal|pie|metro|yarda|caja|rollo|plancha|lamina|lata|cuarto|gallon|bucket|pail|bag|sack|pound|foot|meter|metre|yard|box|roll|sheet|can|quart)`;
/**
 * One unit ordered, not asked about: "dame un galón de pintura blanca", "mándame una funda de
 * cemento", "quiero 1 saco", "give me one gallon of white paint", "I'll take a bag of cement". A
 * clerk writes the order line; "¿cuánto cuesta un galón?" or "tienen pintura blanca?" stay the price
 * or what there is.
 */
const ORDERS_ONE = new RegExp(
  String.raw`\b(?:dame|deme|denme|damel[oa]|mandame|mandeme|mandenme|enviame|envieme|traeme|traigame|ponme|pongame|vendeme|vendame|separame|apartame|reservame|quiero|quisiera|queria|necesito|ocupo|me llevo|llevo|voy a llevar|me (?:das|da|dan|vendes|vende|venden|mandas|manda|mandan|traes|trae|traen|pones|pone|separas|apartas)|give me|get me|send me|i ll take|ill take|i will take|i d like|id like|i want|i need|let me (?:get|have|take))\s+(?:(?:solo|solamente|nada mas|namas|just|only)\s+)?(?:un|una|1|one|a)\s+${ONE_UNIT}(?:es|s)?\b`,
);

/** Whether the message orders one selling unit of a product (see `ORDERS_ONE`). */
export function ordersOneUnit(text: string | undefined): boolean {
  if (text === undefined) return false;
  return ORDERS_ONE.test(foldAccents(text).toLowerCase().replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' '));
}

/** One product: its price and stock, or quantity × price with the stock checked. */
export function quoteOne(tenant: TenantData, index: CatalogIndex, found: Found, lang: Lang, priceQuestion: boolean, oneCounted = false): ProductActorOutput {
  const { item, match } = found;
  const product = match.product;
  const described = describeProduct(tenant, product, lang);
  const focus = focusOf(match, item, index);
  const quantity = quantityOf(item);
  const alt = product.stock >= Math.max(quantity, 1) ? undefined : product.stock > 0 ? undefined : alternativeFor(tenant, index, product, item.query);
  if (alt) focus.alternative = alt.sku;
  const altP = alt ? altParams(tenant, alt, lang) : {};
  const options = alt ? optionsFor([alt]) : undefined;
  // "¿Te lo reservo?" sets aside the alternative offered when the product is out, else the product
  // (only what is in stock: "¿Te reservo esos 12?"); nothing when the reply asks something else.
  const kept = alt ?? (product.stock > 0 ? product : undefined);
  // Out with nothing like it: "¿Quieres que te avise cuando llegue?" — a yes asks sales to let them know (a backorder).
  const reserve = kept ? { sku: kept.sku, name: kept.name, quantity: Math.min(quantity, kept.stock) } : { sku: product.sku, name: product.name, quantity, backorder: true };
  const reserving = { reserve };
  // "media libra de clavos": a part of a pound is a count too, priced as said; "dame uno" is "1 ×".
  if (item.quantity !== undefined && (quantity > 1 || oneCounted || !Number.isInteger(quantity))) {
    const params = { ...described, ...altP, quantity: countText(quantity, lang), units: countUnit(product.unit, quantity, lang), total: formatMoney(product.price * quantity), stock: product.stock, stockUnits: countUnit(product.unit, product.stock, lang), stockTotal: formatMoney(product.price * Math.max(product.stock, 0)) };
    const template = alt ? 'product.quote_qty_alt' : product.stock < quantity ? (product.stock > 0 ? 'product.quote_qty_short' : 'product.quote_qty_out') : 'product.quote_qty';
    // "10 galones de pintura": a clerk points out the 5-gallon cubeta when it comes out cheaper.
    const bucket = template === 'product.quote_qty' ? bucketFor(tenant, product, quantity) : undefined;
    if (bucket) {
      const buckets = quantity / 5;
      const bucketTotal = bucket.price * buckets;
      return {
        outcome: 'answered',
        replies: [{
          template: 'product.quote_qty_bucket',
          params: { ...params, buckets, bucketName: bucket.name, bucketPrice: formatMoney(bucket.price), bucketTotal: formatMoney(bucketTotal), saving: formatMoney(product.price * quantity - bucketTotal) },
        }],
        focus,
      };
    }
    // "dame un galón de pintura blanca": one is the order line itself ("1 galón de …: RD$1,250.00"), no "1 × … =".
    const line = template === 'product.quote_qty' && quantity === 1 && tenant.templates[lang]?.[ONE_LINE] !== undefined ? ONE_LINE : template;
    return { outcome: 'answered', replies: [{ template: line, params, ...(options ? { options } : {}) }], focus, ...reserving };
  }
  // "¿tienen cemento?": the everyday one, and the other brands of it there are, in one line; or
  // "¿tienen varilla de 3/8?": the other grades (or sizes) of it that fit what was asked.
  const plain = match.defaulted && product.stock > 0 && item.quantity === undefined;
  const also = plain ? otherBrandsLine(tenant, index, product, item.query, lang) || otherOptionsLine(tenant, index, product, item.query, lang) : '';
  if (!priceQuestion) {
    // Nothing to set aside when it is out and nothing like it is in: offer to let them know instead.
    if (!alt) return { outcome: 'answered', replies: [{ template: product.stock > 0 ? 'product.found' : 'product.found_out', params: { items: [described], ...(also ? { also } : {}) } }], focus, ...reserving };
    return {
      outcome: 'answered',
      replies: [{ template: 'product.found_alt', params: { items: [described], outName: product.name, ...altP }, ...(options ? { options } : {}) }],
      focus,
      ...reserving,
    };
  }
  const template = alt ? 'product.quote_alt' : product.stock > 0 ? 'product.quote' : 'product.quote_out';
  return { outcome: 'answered', replies: [{ template, params: { ...described, ...altP, ...(also && !alt ? { also } : {}) }, ...(options ? { options } : {}) }], focus, ...reserving };
}

/** `quoteOne`, with one selling unit ordered ("dame un galón de…", "I'll take a gallon of…": `ordersOneUnit`) written as the order line of one. */
export function quoteOrdered(tenant: TenantData, index: CatalogIndex, found: Found, lang: Lang, priceQuestion: boolean, text: string | undefined): ProductActorOutput {
  const one = (found.item.quantity ?? 1) === 1 && ordersOneUnit(text);
  return quoteOne(tenant, index, one ? { ...found, item: { ...found.item, quantity: 1 } } : found, lang, priceQuestion, one);
}

/** An exhausted product the customer wants and no other: "¿Te aviso cuando entre?" (a yes is a backorder for sales). */
export function backorderOffer(tenant: TenantData, index: CatalogIndex, found: Found, lang: Lang): ProductActorOutput {
  const { item, match } = found;
  const product = match.product;
  const quantity = quantityOf(item);
  const params = { ...describeProduct(tenant, product, lang), quantity: countText(quantity, lang), units: countUnit(product.unit, quantity, lang) };
  return {
    outcome: 'answered',
    replies: [{ template: quantity !== 1 ? 'product.backorder_offer_qty' : 'product.backorder_offer', params }],
    focus: focusOf(match, item, index),
    reserve: { sku: product.sku, name: product.name, quantity, backorder: true },
  };
}

/** The product on the counter again (its price, with the offer to set it aside), or the options just shown, to pick one. */
export function focusAgain(tenant: TenantData, index: CatalogIndex, focus: ProductFocus, lang: Lang): ProductActorOutput {
  const options = (focus.options ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  if (options.length >= 2) {
    return {
      outcome: 'answered',
      replies: [{ template: 'product.options', params: { items: options.map((p) => describeProduct(tenant, p, lang)) }, options: optionsFor(options) }],
      focus,
    };
  }
  const product = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!product) return { outcome: 'need_product', replies: [{ template: 'product.need_product' }] };
  const item = { query: focus.query, ...(focus.quantity !== undefined ? { quantity: focus.quantity } : {}) };
  return quoteOne(tenant, index, { item, match: { product, score: 1, unmet: [], defaulted: false } }, lang, true);
}

