import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { DeliveryQuote, ProductActorOutput } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { formatMoney } from './format.js';

/**
 * An estimate given after the customer asked us to deliver to a served place ("¿me lo llevan a Villa
 * Hermosa?" then "¿cuánto sería todo?"): the delivery is a line of it and its fee part of the total,
 * as a clerk adds it up. Only with a tenant whose estimate template has the `{delivery}` line;
 * anything else is returned as it is.
 */
export function withDelivery(tenant: TenantData, out: ProductActorOutput, delivery: DeliveryQuote | undefined, lang: Lang): ProductActorOutput {
  if (!delivery || (out.outcome !== 'estimate' && out.outcome !== 'multi_quote') || !out.lines) return out;
  const [reply, ...rest] = out.replies;
  if (!reply || !('template' in reply) || !(tenant.templates[lang]?.[reply.template] ?? '').includes('{delivery}')) return out;
  const goods = out.lines.reduce((sum, l) => sum + (tenant.catalog.find((p) => p.sku === l.sku)?.price ?? 0) * l.quantity, 0);
  const fee = delivery.fee === 0 ? renderReply({ template: 'info.delivery.free' }, tenant.templates, lang) : formatMoney(delivery.fee);
  const line = renderReply({ template: 'product.estimate.delivery', params: { place: delivery.place, fee } }, tenant.templates, lang);
  return { ...out, replies: [{ ...reply, params: { ...reply.params, delivery: `\n${line}`, total: formatMoney(goods + delivery.fee) } }, ...rest] };
}
