/**
 * An offer asked about for a count ("¿la del cemento aplica si compro 40?", "con 2 bombillos
 * entra el 3x2?"), and a discount asked for a product that has none ("¿si compro 30 plywood me
 * hacen descuento?"). A clerk answers the question asked: whether that count gets the offer and
 * what it comes to, or that this product is not on offer — not the whole list of offers again.
 */
import type { Lang } from '../../domain/nlu.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import type { Offer, Product, TenantData } from '../../domain/tenant.js';
import type { ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { NUMBER_WORDS } from '../catalog/text.js';
import { fold } from '../brain/rule/text.js';
import { formatDate, formatMoney } from './format.js';
import { dealTotal } from './product-offers.js';
import { countUnit } from './units.js';
import { renderReply } from '../render-reply.js';
import { foldAccents } from '../../kernel/fold.js';

/**
 * A number followed by what says it is not a count: a size, a weight, a volume ("the 5 gallon
 * paint"), a percentage, money, or a deal's own "3x2".
 */
const NOT_A_COUNT = /^(?:\s*(?:%|por ?ciento|percent|\/|x\s*\d|(?:for|por)\s*\d\b(?!\s*(?:%|por ?ciento))|pulg\w*|inch\w*|"|mm|cm|kg|kilos?|lbs?|libras?|w|watts?|v|voltios?|volts?|gal\b|galon\w*|gallons?|litros?|liters?|litres?|onzas?|oz\b|pies? de largo|metros? de largo|de descuento|off))/;
const NUMBER = /\b(\d{1,5})\b|\b([a-z]+)\b/g;

/** The count of goods a message says ("si compro 40", "con cuarenta sacos", "two bulbs"), or null. */
export function countSaid(text: string): number | null {
  const f = fold(text).replace(/rd\s*\$\s*[\d,.]+|\$\s*[\d,.]+/g, ' ');
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(f); m !== null; m = NUMBER.exec(f)) {
    const before = f.slice(0, m.index);
    const after = f.slice(m.index + m[0].length);
    // "3x2", "the 3 for 2": a deal's name, not a count.
    if (/[x/.,]\s*$/.test(before) || /\d\s*(?:for|por)\s*$/.test(before) || NOT_A_COUNT.test(after)) continue;
    if (m[1] !== undefined) {
      const n = Number(m[1]);
      if (n > 0) return n;
      continue;
    }
    const word = m[2] as string;
    // "un"/"una" are articles far more often than counts ("una oferta", "un descuento").
    if (word === 'un' || word === 'una' || word === 'uno' || word === 'one') continue;
    const n = NUMBER_WORDS[word];
    if (n !== undefined) return n;
  }
  return null;
}

/** A discount asked on a purchase ("¿me hacen descuento?", "¿me dan mejor precio?", "any discount?"). */
const ASKS_DISCOUNT = /\b(?:descuentos?|rebaj\w*|precio especial|mejor precio|mas barato|(?:me|nos) (?:lo |la |los |las )?(?:dejan|deja|das|dan) (?:mas )?(?:barat\w*|en menos)|discounts?|better price|cheaper|a deal)\b/;
/** The offers as such ("¿qué ofertas tienen?", "¿hay promociones?"): the list, whatever is on the counter. */
const ASKS_ALL = /\b(?:ofertas|promos|promociones|especiales|offers|deals|specials)\b/;

/** A name's or a message's words, folded, cut to their first letters ("blanca" and "Blanco" are one word). */
const stems = (text: string): string[] => foldAccents(text.toLowerCase()).split(/[^a-z0-9]+/).filter((w) => w.length >= 3).map((w) => w.slice(0, 4));

/**
 * The product of `offer` the answer is about: the one on the counter when it is one of them, else the
 * one the customer's words name best ("2 cubetas de pintura blanca": the white bucket, not the
 * off-white one listed first; fewest words the customer did not say), the one in stock between equals.
 */
function productOf(tenant: TenantData, offer: Offer, sku: string | undefined, text: string): Product | null {
  const skus = offer.skus ?? [];
  if (sku !== undefined && skus.includes(sku)) return tenant.catalog.find((p) => p.sku === sku) ?? null;
  const said = new Set(stems(text));
  const score = (p: Product): number => {
    const words = stems(p.name.replace(/\([^)]*\)/g, ' '));
    return words.filter((w) => said.has(w)).length - 0.5 * words.filter((w) => !said.has(w)).length;
  };
  const products = skus.map((s) => tenant.catalog.find((p) => p.sku === s)).filter((p): p is Product => p !== undefined);
  return [...products].sort((a, b) => score(b) - score(a) || Number(b.stock > 0) - Number(a.stock > 0))[0] ?? null;
}

/**
 * Whether `count` of the offer's product gets `offer`, and what it comes to (template
 * `offers.count.applies` / `offers.count.short`); null when the offer has no price terms, no
 * count was said, or the tenant has no such templates.
 */
export function offerForCount(tenant: TenantData, offer: Offer, lang: Lang, text: string, sku: string | undefined): ReplyDirective | null {
  const templates = tenant.templates[lang];
  if (!offer.deal || templates?.['offers.count.applies'] === undefined || templates['offers.count.short'] === undefined) return null;
  const count = countSaid(text);
  const product = productOf(tenant, offer, sku, text);
  if (count === null || product === null) return null;
  // Out of stock: said, with the offer's product there is ("la Blanco Hueso sí la tengo").
  const instead = product.stock > 0 ? undefined : (offer.skus ?? []).map((s) => tenant.catalog.find((p) => p.sku === s)).find((p) => p !== undefined && p.stock > 0);
  const list = product.price * count;
  const total = dealTotal(offer.deal, product, count);
  const common = {
    title: offer.title[lang],
    details: offer.details[lang],
    validUntil: formatDate(offer.validUntil, lang),
    quantity: count,
    unit: countUnit(product.unit, count, lang),
    product: product.name,
    listTotal: formatMoney(list),
    stock: product.stock > 0 ? '' : renderReply({ template: instead ? 'offers.count.out_instead' : 'offers.count.out', params: { product: product.name, instead: instead?.name ?? '' } }, tenant.templates, lang),
  };
  if (total !== null && total < list) {
    return { template: 'offers.count.applies', params: { ...common, total: formatMoney(total), saving: formatMoney(list - total) } };
  }
  // Short of it: from how many it starts, and what that many would come to with it.
  const from = offer.deal.minQuantity ?? offer.deal.buy ?? null;
  const fromTotal = from !== null && from > count ? dealTotal(offer.deal, product, from) : null;
  if (from === null || fromTotal === null) return null;
  return { template: 'offers.count.short', params: { ...common, from, fromUnit: countUnit(product.unit, from, lang), fromTotal: formatMoney(fromTotal) } };
}

/**
 * The count an offer was asked for, on the counter ("¿cuánto me salen 2 cubetas con el descuento?"):
 * that many of the offer's product, or of the one in stock with the same offer when it is sold out
 * (the Blanco Hueso bucket offered instead), so "¿cuánto es todo?" next counts them as a clerk would.
 */
export function offerCountFocus(tenant: TenantData, offer: Offer, text: string, sku: string | undefined): ProductFocus | undefined {
  const count = countSaid(text);
  const asked = productOf(tenant, offer, sku, text);
  if (count === null || asked === null) return undefined;
  const product = asked.stock > 0 ? asked : ((offer.skus ?? []).map((s) => tenant.catalog.find((p) => p.sku === s)).find((p) => p !== undefined && p.stock > 0) ?? asked);
  return { sku: product.sku, name: product.name, price: product.price, query: product.name.replace(/\s*\([^)]*\)/g, '').trim(), quantity: count };
}

/**
 * "¿Me hacen descuento?" about the product on the counter (`sku`) when no current offer is on it:
 * that it has none (template `offers.none_for`), with what a count could get elsewhere (a sales
 * advisor's volume price). Null when the message asks for the offers as such, names no discount,
 * or the tenant has no such template.
 */
export function noOfferFor(tenant: TenantData, current: readonly Offer[], lang: Lang, text: string, sku: string | undefined): { replies: ReplyDirective[]; offer: ChoiceOption } | null {
  if (sku === undefined || tenant.templates[lang]?.['offers.none_for'] === undefined || tenant.templates[lang]?.['offers.none_for_count'] === undefined) return null;
  const f = fold(text);
  if (ASKS_ALL.test(f) || !ASKS_DISCOUNT.test(f)) return null;
  if (current.some((o) => o.skus?.includes(sku))) return null;
  const product = tenant.catalog.find((p) => p.sku === sku);
  if (!product) return null;
  const count = countSaid(text);
  const reply: ReplyDirective =
    count === null
      ? { template: 'offers.none_for', params: { product: product.name, price: formatMoney(product.price) } }
      : { template: 'offers.none_for_count', params: { product: product.name, quantity: count, unit: countUnit(product.unit, count, lang), listTotal: formatMoney(product.price * count) } };
  // A yes asks a sales advisor for the volume price, as the wholesale answer offers.
  const what = count === null ? product.name : `${count} ${countUnit(product.unit, count, lang)} de ${product.name}`;
  const asks = lang === 'en' ? `I want a sales advisor to quote me a volume price for ${what.replace(' de ', ' of ')}` : `quiero que un asesor me cotice precio por volumen de ${what}`;
  return { replies: [reply], offer: { intent: 'sales_lead', label: 'clarify.option.yes_lead', text: asks } };
}

/**
 * The offer a message names by its deal ("el 3x2", "the 3 for 2", "el 2x1"): the one current offer
 * whose deal takes that many and charges that many; null when none or several are.
 */
export function offerByDeal(offers: readonly Offer[], text: string): Offer | null {
  const m = /\b(\d)\s*(?:x|por|for)\s*(\d)\b/.exec(fold(text));
  if (!m || Number(m[1]) <= Number(m[2])) return null;
  const hits = offers.filter((o) => o.deal?.buy === Number(m[1]) && o.deal.pay === Number(m[2]));
  return hits.length === 1 ? (hits[0] as Offer) : null;
}
