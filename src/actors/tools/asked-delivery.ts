import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { DeliveryQuote, ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { withDelivery } from './estimate-delivery.js';
import { etaLine } from './product-delivery.js';
import { estimateLines, multiQuote } from './product-estimate.js';
import { zoneOf } from './delivery-times.js';
import { formatMoney } from './format.js';
import { describeProduct } from './product-parts.js';
import { countUnit } from './units.js';
import { renderReply } from '../render-reply.js';

/** The product's price, the delivery's fee and time, and how many asked (no count said yet). */
const HOW_MANY = 'product.delivery_how_many';

/**
 * The product priced in a message that also asks for delivery: priced as an estimate, so the
 * delivery is a line of it and its fee part of the total, with when it gets there.
 */
export function withAskedDelivery(tenant: TenantData, index: CatalogIndex, out: ProductActorOutput, asked: DeliveryQuote, lang: Lang, ordered: boolean, counter?: ProductFocus): ProductActorOutput {
  // A delivery time answered already speaks of that place.
  if (out.deliveryAsked) return out;
  const line = out.outcome === 'answered' && out.reserve && !out.reserve.backorder && out.focus && !(out.focus.options && out.focus.options.length >= 2) ? out.reserve : undefined;
  // "y el cemento me lo llevan a Villa Verde?" after 20 bags: the product on the counter named again, its count kept.
  const kept = line && out.focus?.quantity === undefined && counter?.sku === line.sku ? counter.quantity : undefined;
  // "¿me llevan arena a Caleta?" with no count: a clerk gives the price and the delivery and asks how much, never prices one.
  const uncounted = line && out.focus?.quantity === undefined && kept === undefined && !ordered && out.focus?.one !== true ? howMany(tenant, line.sku, asked, lang) : null;
  if (uncounted) return { ...out, replies: [uncounted], deliveryAsked: asked };
  const lines = line ? [{ sku: line.sku, quantity: Math.max(out.focus?.quantity ?? kept ?? 1, 1) }] : out.outcome === 'estimate' ? out.lines : undefined;
  // "mándamelos a Caleta": the order itself, with its delivery, goes to the sales team at once.
  const priced = lines && (line || ordered) ? multiQuote(tenant, estimateLines(tenant, lines), [], lang, index, ordered) : out;
  // Not priced as an order yet ("¿cuánto es todo con delivery a Caleta?" after the options): the place is kept for the order to come.
  if (priced.outcome !== 'estimate' && priced.outcome !== 'multi_quote') return out.outcome === 'answered' && out.focus ? { ...out, deliveryAsked: asked } : out;
  const withFee = withDelivery(tenant, priced, asked, lang);
  const eta = etaLine(tenant, asked, lang);
  const [reply, ...rest] = withFee.replies;
  if (!eta || !reply || !('template' in reply) || typeof reply.params?.delivery !== 'string') return { ...withFee, deliveryAsked: asked };
  return { ...withFee, replies: [{ ...reply, params: { ...reply.params, delivery: `${reply.params.delivery}\n${eta}` } }, ...rest], deliveryAsked: asked };
}

/** The uncounted product with the delivery asked (`HOW_MANY`), or null when the tenant lacks the template or the zone. */
function howMany(tenant: TenantData, sku: string, asked: DeliveryQuote, lang: Lang): { template: string; params: Record<string, string> } | null {
  const product = tenant.catalog.find((p) => p.sku === sku);
  const zone = zoneOf(tenant, asked.place);
  if (!product || !zone || tenant.templates[lang]?.[HOW_MANY] === undefined) return null;
  const free = asked.freeFrom !== undefined && tenant.templates[lang]?.['info.delivery.free_from'] !== undefined;
  const fee = asked.fee === 0 ? renderReply({ template: 'info.delivery.free' }, tenant.templates, lang) : free ? renderReply({ template: 'info.delivery.free_from', params: { fee: formatMoney(asked.fee), min: formatMoney(asked.freeFrom ?? 0) } }, tenant.templates, lang) : formatMoney(asked.fee);
  return { template: HOW_MANY, params: { ...describeProduct(tenant, product, lang), place: asked.place, fee, eta: zone.eta[lang], units: countUnit(product.unit, 2, lang) } };
}
