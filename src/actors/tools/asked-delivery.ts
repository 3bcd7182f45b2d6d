import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { DeliveryQuote, ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { withDelivery } from './estimate-delivery.js';
import { etaLine } from './product-delivery.js';
import { estimateLines, multiQuote } from './product-estimate.js';

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
