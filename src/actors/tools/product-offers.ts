/**
 * The store's current offers on the products an answer gives, said the way a clerk says them
 * across the counter: "el cemento cuesta 655… y llevando 50 o más te sale a 615", and, when the
 * count asked reaches an offer with price terms (`deal` in offers.json), what it comes to with it
 * and what the customer saves. Only in replies whose tenant template has the `{offer}` place; the
 * catalog's prices in the reply stay as they are (the offer's line is the one that differs).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Offer, OfferDeal, Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, QuoteLine, TemplateParams } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { calendarDate, formatDate, formatMoney } from './format.js';
import { askedOfferLine } from './offer-asked.js';
import { soldOut } from './estimate-stock-out.js';
import { foldAccents } from '../../kernel/fold.js';

/** A deal asked for: cheaper, a discount, an offer ("¿me lo dejan más barato?", "any discount?"). */
const ASKS_DEAL = /\b(?:barat\w*|descuentos?|rebaj\w*|ofertas?|promo\w*|especial(?:es)?|cheaper|discounts?|deals?|specials?|offers?)\b/;

/** Offers said at most with one answer (the rest are one "¿qué ofertas tienen?" away). */
const MAX_SAID = 2;

/** Replies answering one product, or its options, without a count: the offers of what they show are said. */
const SHOWN = new Set(['product.quote', 'product.confirm', 'product.found', 'product.options', 'product.options.one', 'product.quote_alt', 'product.prices']);
/** Replies pricing a count of one product. */
const COUNTED = new Set(['product.quote_qty', 'product.quote_qty_one', 'product.quote_qty_short']);
/** Replies pricing several lines. */
const ESTIMATES = new Set(['product.estimate', 'product.estimate_partial', 'product.multi_quote', 'product.multi_quote_partial', 'product.estimate_uncounted']);

/** Per tenant templates: whether a reply template has the `{offer}` place, by language and key. */
const offerPlaces = new WeakMap<object, Map<string, boolean>>();

function hasOfferPlace(tenant: TenantData, lang: Lang, key: string): boolean {
  let places = offerPlaces.get(tenant.templates);
  if (places === undefined) offerPlaces.set(tenant.templates, (places = new Map()));
  const k = `${lang}${key}`;
  let has = places.get(k);
  if (has === undefined) places.set(k, (has = (tenant.templates[lang]?.[key] ?? '').includes('{offer}')));
  return has;
}

/** Per tenant data: the offers naming each SKU. */
const bySkuCache = new WeakMap<readonly Offer[], Map<string, Offer[]>>();

function offersBySku(offers: readonly Offer[]): Map<string, Offer[]> {
  let map = bySkuCache.get(offers);
  if (map === undefined) {
    map = new Map();
    for (const offer of offers) for (const sku of offer.skus ?? []) map.set(sku, [...(map.get(sku) ?? []), offer]);
    bySkuCache.set(offers, map);
  }
  return map;
}

/**
 * What `quantity` of `product` costs under `deal`, or null when the deal does not apply to that
 * count (below its minimum, or fewer than a "buy N" group).
 *
 * @example
 * dealTotal({ minQuantity: 50, unitPrice: 615 }, cement, 60); // 36900
 * dealTotal({ buy: 3, pay: 2 }, bulb, 7);                     // 5 × price
 */
export function dealTotal(deal: OfferDeal, product: Pick<Product, 'price'>, quantity: number): number | null {
  if (quantity < (deal.minQuantity ?? 1) || quantity <= 0) return null;
  if (deal.unitPrice !== undefined) return deal.unitPrice < product.price ? deal.unitPrice * quantity : null;
  if (deal.percentOff !== undefined) return Math.round(product.price * quantity * (100 - deal.percentOff)) / 100;
  if (deal.buy !== undefined && deal.pay !== undefined && Number.isInteger(quantity) && quantity >= deal.buy) {
    return (Math.floor(quantity / deal.buy) * deal.pay + (quantity % deal.buy)) * product.price;
  }
  return null;
}

/** The current offer that makes `quantity` of `product` cheapest, with what it comes to; null when none applies. */
function bestDeal(current: readonly Offer[], product: Product, quantity: number): { o: Offer; total: number } | null {
  let best: { o: Offer; total: number } | null = null;
  for (const o of current) {
    const total = o.deal ? dealTotal(o.deal, product, quantity) : null;
    if (total !== null && (best === null || total < best.total)) best = { o, total };
  }
  return best;
}

type Line = QuoteLine | { sku: string; quantity?: undefined };

/**
 * Each line with its product, the offers current on `today` that name it and the one that makes
 * its count cheapest; the lines' total at catalog prices and with those offers, and the offers applied.
 */
function priceLines(tenant: TenantData, lines: readonly Line[], bySku: Map<string, Offer[]>, today: string) {
  let list = 0;
  let total = 0;
  const applied: Offer[] = [];
  const rows = lines.flatMap((line) => {
    const product = tenant.catalog.find((p) => p.sku === line.sku);
    if (!product) return [];
    const current = (bySku.get(line.sku) ?? []).filter((o) => o.validUntil >= today);
    const best = line.quantity !== undefined && !soldOut(product) ? bestDeal(current, product, line.quantity) : null;
    // A sold-out line is in no total, with its offer or without (`estimate-stock-out.ts`).
    if (line.quantity !== undefined && !soldOut(product)) {
      list += product.price * line.quantity;
      total += best ? best.total : product.price * line.quantity;
    }
    if (best && !applied.includes(best.o)) applied.push(best.o);
    return [{ current, best }];
  });
  return { rows, list, total, applied };
}

/**
 * What counted lines come to with the offers current on `now` (for a quote ticket's summary), or
 * null when no offer's price terms apply to them.
 *
 * @example
 * linesWithOffers(tenant, [{ sku: 'CEM-001', quantity: 60 }], now); // { total: 36900, saving: 2400, offers: [OF-2026-11] }
 */
export function linesWithOffers(tenant: TenantData, lines: readonly QuoteLine[], now: number): { total: number; saving: number; offers: Offer[] } | null {
  const bySku = offersBySku(tenant.offers);
  if (!lines.some((l) => bySku.has(l.sku))) return null;
  const { list, total, applied } = priceLines(tenant, lines, bySku, calendarDate(now, tenant.settings.timeZone));
  return applied.length > 0 && total < list ? { total, saving: list - total, offers: applied } : null;
}

/**
 * `out` with the current offers on its products in its reply's `{offer}` place; unchanged when
 * the reply has no such place, no product of it is on offer, or `now` is unknown.
 */
export function withProductOffers(tenant: TenantData, out: ProductActorOutput, lang: Lang, now: number | undefined, text?: string): ProductActorOutput {
  if (now === undefined || tenant.offers.length === 0) return out;
  const reply = out.replies[0];
  if (!reply || !('template' in reply)) return out;
  const kind = SHOWN.has(reply.template) ? 'shown' : COUNTED.has(reply.template) ? 'counted' : ESTIMATES.has(reply.template) ? 'estimate' : null;
  if (kind === null || !hasOfferPlace(tenant, lang, reply.template)) return out;
  const lines = linesOf(out, kind);
  const bySku = offersBySku(tenant.offers);
  const today = calendarDate(now, tenant.settings.timeZone);
  // "¿todavía está el 2x1 de candados?": asked about an offer its products no longer (or never) have.
  const asked = kind === 'estimate' ? null : askedOfferLine(tenant, lang, today, text, lines.map((l) => l.sku));
  if (!lines.some((l) => bySku.has(l.sku)) && asked === null) return out;
  // An estimate's total counts its delivery: so does what it comes to with the offer.
  const said = asked !== null ? [asked] : offerLines(tenant, lines, bySku, today, kind, lang, kind === 'estimate' ? (out.delivery?.fee ?? 0) : 0);
  if (said.length === 0) return out;
  // "si compramos mucho cemento, ¿nos lo dejan más barato?": the offer is the answer, not the other brands beside it.
  const { also: _others, ...kept } = reply.params ?? {};
  const params: TemplateParams = { ...(text !== undefined && ASKS_DEAL.test(foldAccents(text).toLowerCase()) ? kept : reply.params), offer: said.map((s) => `\n${s}`).join('') };
  return { ...out, replies: [{ ...reply, params }, ...out.replies.slice(1)] };
}

/** The products the reply prices or shows, with their counts (none: shown without a count). */
function linesOf(out: ProductActorOutput, kind: 'shown' | 'counted' | 'estimate'): Line[] {
  if (kind === 'estimate') return out.lines ?? [];
  const focus = out.focus;
  if (kind === 'counted') {
    const sku = out.reserve && !out.reserve.backorder ? out.reserve.sku : focus?.sku;
    const quantity = out.reserve?.quantity ?? focus?.quantity;
    return sku !== undefined && quantity !== undefined ? [{ sku, quantity }] : [];
  }
  if (!focus) return [];
  // "agotado; te puedo ofrecer …": the offers of what is offered instead, never of what is out.
  if (out.replies[0] && 'template' in out.replies[0] && out.replies[0].template === 'product.quote_alt') return focus.alternative !== undefined ? [{ sku: focus.alternative }] : [];
  return focus.options && focus.options.length > 0 ? focus.options.map((sku) => ({ sku })) : [{ sku: focus.sku }];
}

function offerLines(
  tenant: TenantData,
  lines: readonly Line[],
  bySku: Map<string, Offer[]>,
  today: string,
  kind: 'shown' | 'counted' | 'estimate',
  lang: Lang,
  fee: number,
): string[] {
  const say = (template: string, params: TemplateParams): string | null =>
    tenant.templates[lang]?.[template] !== undefined ? renderReply({ template, params }, tenant.templates, lang) : null;
  const { rows, list: listTotal, total: offerTotal, applied } = priceLines(tenant, lines, bySku, today);
  const seen = new Set<string>(applied.map((o) => o.id));
  const out: string[] = [];
  // An estimate says only what its offers save; a single product also what an offer would give ("llevando 50 o más…").
  for (const { current, best } of kind === 'estimate' ? [] : rows) {
    if (best) continue;
    for (const o of current) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      const note = say('product.offer.note', { title: o.title[lang], details: o.details[lang].replace(/\.$/, ''), validUntil: formatDate(o.validUntil, lang) });
      if (note !== null) out.push(note);
    }
  }
  if (applied.length > 0 && offerTotal < listTotal) {
    const last = applied.reduce((a, b) => (a.validUntil <= b.validUntil ? a : b));
    const many = applied.length > 1 && tenant.templates[lang]?.['product.offer.applied_many'] !== undefined;
    const note = say(many ? 'product.offer.applied_many' : 'product.offer.applied', {
      title: applied.map((o) => o.title[lang]).join('; '),
      total: formatMoney(offerTotal + fee),
      saving: formatMoney(listTotal - offerTotal),
      validUntil: formatDate(last.validUntil, lang),
    });
    if (note !== null) out.unshift(note);
  }
  return out.slice(0, MAX_SAID);
}
