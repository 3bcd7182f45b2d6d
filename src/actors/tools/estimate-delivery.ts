import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { DeliveryQuote, ProductActorOutput, QuoteLine } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { calendarDate, formatMoney } from './format.js';
import { linesWithOffers } from './product-offers.js';
import { sellableTotal, soldOut } from './estimate-stock-out.js';

/**
 * The order total from which delivery to a zone is free under a current offer ("Delivery gratis a
 * Villa Hermosa y Caleta en compras desde RD$15,000"), or undefined when no offer covers it.
 */
export function freeDeliveryFrom(tenant: TenantData, zone: string, now: number): number | undefined {
  const today = calendarDate(now, tenant.settings.timeZone);
  const mins = tenant.offers
    .filter((o) => o.freeDelivery && o.validUntil >= today && (o.freeDelivery.zones === undefined || o.freeDelivery.zones.includes(zone)))
    .map((o) => o.freeDelivery!.minTotal);
  return mins.length > 0 ? Math.min(...mins) : undefined;
}

/** The fee charged for a delivery with an order of `goods` (DOP): free from the offer's minimum. */
export function deliveryFee(delivery: DeliveryQuote, goods: number): number {
  return delivery.freeFrom !== undefined && goods >= delivery.freeFrom ? 0 : delivery.fee;
}

/** What the lines cost at catalog prices (DOP); a sold-out line is in no total. */
const goodsTotal = sellableTotal;

/**
 * An estimate given after the customer asked us to deliver to a served place ("¿me lo llevan a Villa
 * Hermosa?" then "¿cuánto sería todo?"): the delivery is a line of it and its fee part of the total,
 * as a clerk adds it up — free when the order reaches the free-delivery offer's minimum. Only with a
 * tenant whose estimate template has the `{delivery}` line; anything else is returned as it is.
 */
export function withDelivery(tenant: TenantData, out: ProductActorOutput, delivery: DeliveryQuote | undefined, lang: Lang): ProductActorOutput {
  if (!delivery || (out.outcome !== 'estimate' && out.outcome !== 'multi_quote') || !out.lines) return out;
  const [reply, ...rest] = out.replies;
  if (!reply || !('template' in reply) || !(tenant.templates[lang]?.[reply.template] ?? '').includes('{delivery}')) return out;
  const goods = goodsTotal(tenant, out.lines);
  const charged = deliveryFee(delivery, goods);
  const byOffer = charged === 0 && delivery.fee > 0 && tenant.templates[lang]?.['product.estimate.delivery_offer'] !== undefined;
  const fee = charged === 0 ? renderReply({ template: 'info.delivery.free' }, tenant.templates, lang) : formatMoney(charged);
  const line = byOffer
    ? renderReply({ template: 'product.estimate.delivery_offer', params: { place: delivery.place, fee, min: formatMoney(delivery.freeFrom ?? 0) } }, tenant.templates, lang)
    : renderReply({ template: 'product.estimate.delivery', params: { place: delivery.place, fee } }, tenant.templates, lang);
  return {
    ...out,
    replies: [{ ...reply, params: { ...reply.params, delivery: `\n${line}`, total: formatMoney(goods + charged) } }, ...rest],
    delivery: { place: delivery.place, fee: charged },
  };
}

/**
 * A count of one product priced a few turns after the customer asked us to deliver to a served
 * place ("¿me lo llevan a Villa Hermosa?" then "dame 10"): the delivery fee and the total with it,
 * and the offer to set it aside for that delivery (a yes carries the delivery into the ticket).
 * Only for the count's reply (`product.quote_qty`) of a tenant with `product.quote_qty_delivery`.
 */
export function withDeliveryLine(tenant: TenantData, out: ProductActorOutput, delivery: DeliveryQuote | undefined, lang: Lang): ProductActorOutput {
  const [reply, ...rest] = out.replies;
  if (!delivery || !out.reserve || out.reserve.backorder || !reply || !('template' in reply) || (reply.template !== 'product.quote_qty' && reply.template !== 'product.quote_qty_one')) return out;
  if (tenant.templates[lang]?.['product.quote_qty_delivery'] === undefined) return out;
  const product = tenant.catalog.find((p) => p.sku === out.reserve?.sku);
  if (!product) return out;
  const goods = product.price * out.reserve.quantity;
  const charged = deliveryFee(delivery, goods);
  const fee = charged === 0 ? renderReply({ template: 'info.delivery.free' }, tenant.templates, lang) : formatMoney(charged);
  return { ...out, replies: [{ ...reply, template: 'product.quote_qty_delivery', params: { ...reply.params, place: delivery.place, fee, grand: formatMoney(goods + charged) } }, ...rest] };
}

/**
 * A quote ticket's lines for the sales team, in the agents' language: each product with its count,
 * price and subtotal, the delivery counted, and the total.
 *
 * @example
 * quoteSummaryLines(tenant, { lines: [{ sku: 'CEM-001', quantity: 30 }], delivery: { place: 'Villa Hermosa', fee: 0 } }, 'es');
 * // ['Cotización:', '- 30 x Cemento Gris … a RD$655.00 = RD$19,650.00', '- Delivery a Villa Hermosa: gratis', 'Total estimado: RD$19,650.00']
 */
export function quoteSummaryLines(tenant: TenantData, quote: { lines: readonly QuoteLine[]; delivery?: DeliveryQuote }, lang: Lang, now?: number): string[] {
  const es = lang === 'es';
  const out = [es ? 'Cotización:' : 'Quote:'];
  for (const line of quote.lines) {
    const product = tenant.catalog.find((p) => p.sku === line.sku);
    if (!product) continue;
    // "no, necesito los 500" of 230: how many there are and how many to order, for the sales team to order them.
    const short = !soldOut(product) && product.stock > 0 && line.quantity > product.stock ? (es ? ` (en existencia: ${product.stock}; por pedir: ${line.quantity - product.stock})` : ` (in stock: ${product.stock}; to order: ${line.quantity - product.stock})`) : '';
    out.push(`- ${line.quantity} x ${product.name} (${product.sku}) ${es ? 'a' : 'at'} ${formatMoney(product.price)} = ${formatMoney(product.price * line.quantity)}${soldOut(product) ? (es ? ' (agotado: fuera del total)' : ' (out of stock: not in the total)') : short}`);
  }
  const fee = quote.delivery?.fee ?? 0;
  if (quote.delivery) out.push(`- Delivery ${es ? 'a' : 'to'} ${quote.delivery.place}: ${fee === 0 ? (es ? 'gratis' : 'free') : formatMoney(fee)}`);
  out.push(`${es ? 'Total estimado' : 'Estimated total'}: ${formatMoney(goodsTotal(tenant, quote.lines) + fee)}`);
  // The offers the customer was told the lines come to: the sales team confirms that figure, not the list one.
  const offered = now !== undefined ? linesWithOffers(tenant, quote.lines, now) : null;
  if (offered) {
    const ids = offered.offers.map((o) => `${o.title[lang]} (${o.id})`).join('; ');
    out.push(`${es ? 'Con ofertas vigentes' : 'With current offers'}: ${formatMoney(offered.total + fee)} (${es ? 'ahorro' : 'saving'} ${formatMoney(offered.saving)}: ${ids})`);
  }
  return out;
}
