/**
 * How long delivery takes, asked as a store question ("¿cuánto tarda el pedido?", "en cuánto
 * tiempo me llega?", "how long does delivery take to Caleta?"), or right after a zone's answer
 * ("¿me lo llevan a Villa Hermosa?" → "¿y cuándo llega?"): the time to the zone asked in this
 * message or a few turns ago, else each zone's time and which one. With nothing on the counter
 * there is no order to send yet: the answer offers to put one together.
 */
import type { Lang } from '../../domain/nlu.js';
import type { DeliveryZone, Place, TenantData } from '../../domain/tenant.js';
import type { DeliveryQuote, InfoActorInput, ReplyDirective } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { deliveryFee, freeDeliveryFrom } from './estimate-delivery.js';
import { formatMoney } from './format.js';
import { linesWithOffers } from './product-offers.js';

/** Where a delivery question asks to deliver: a served zone, a known place outside them, a name we do not know, or nothing. */
export type DeliveryPlace =
  | { kind: 'zone'; zone: DeliveryZone }
  | { kind: 'place'; place: Place }
  | { kind: 'unknown'; name: string }
  | { kind: 'none' };

/** The delivery zone a served place lies in (the zone itself, or a known place inside one). */
export function zoneOf(tenant: Pick<TenantData, 'store'>, place: string): DeliveryZone | undefined {
  const zone = tenant.store.deliveryZones.find((z) => z.zone === place);
  if (zone) return zone;
  const inside = (tenant.store.places ?? []).find((p) => p.name === place)?.zone;
  return inside === undefined ? undefined : tenant.store.deliveryZones.find((z) => z.zone === inside);
}

/**
 * The delivery-time answer, and the served place it answered for (kept as the conversation's
 * delivery). Null when the tenant has no such templates, or the place asked is not served (the
 * delivery answer says no and what instead).
 */
export function deliveryTimeReply(
  tenant: TenantData,
  asked: DeliveryPlace,
  recent: DeliveryQuote | undefined,
  lang: Lang,
  now: number,
): { reply: ReplyDirective; delivery?: DeliveryQuote } | null {
  const has = (key: string): boolean => tenant.templates[lang]?.[key] !== undefined;
  if (!has('info.delivery.eta') || !has('info.delivery.eta.zones')) return null;
  const free = renderReply({ template: 'info.delivery.free' }, tenant.templates, lang);
  const money = (fee: number): string => (fee === 0 ? free : formatMoney(fee));
  let place: string | undefined;
  let zone: DeliveryZone | undefined;
  if (asked.kind === 'zone') [place, zone] = [asked.zone.zone, asked.zone];
  else if (asked.kind === 'place') [place, zone] = [asked.place.name, asked.place.zone === undefined ? undefined : zoneOf(tenant, asked.place.zone)];
  else if (asked.kind === 'none' && recent) [place, zone] = [recent.place, zoneOf(tenant, recent.place)];
  if (asked.kind === 'unknown' || (asked.kind === 'place' && !zone)) return null;
  if (!place || !zone) {
    const items = tenant.store.deliveryZones.map((z) => ({ zone: z.zone, fee: money(z.fee), eta: z.eta[lang] }));
    return { reply: { template: 'info.delivery.eta.zones', params: { items } } };
  }
  const freeFrom = zone.fee > 0 ? freeDeliveryFrom(tenant, zone.zone, now) : undefined;
  const fee = freeFrom !== undefined && has('info.delivery.free_from')
    ? renderReply({ template: 'info.delivery.free_from', params: { fee: formatMoney(zone.fee), min: formatMoney(freeFrom) } }, tenant.templates, lang)
    : money(zone.fee);
  return {
    reply: { template: 'info.delivery.eta', params: { place, eta: zone.eta[lang], fee } },
    delivery: { place, fee: zone.fee, ...(freeFrom !== undefined ? { freeFrom } : {}) },
  };
}

/** The line offered to set aside, with the delivery to a served place: its total (delivery free from the minimum) and the offer for it. */
export function reserveWithDelivery(tenant: TenantData, line: NonNullable<InfoActorInput['reserve']>, delivery: DeliveryQuote, lang: Lang, now?: number): string {
  // "100 sacos" priced with the bulk offer: the same offer's total with the delivery, never the list price again.
  const deal = line.sku !== undefined && now !== undefined ? linesWithOffers(tenant, [{ sku: line.sku, quantity: line.quantity }], now) : null;
  const goods = deal?.total ?? line.quantity * line.price;
  const fee = deliveryFee(delivery, goods);
  const free = lang === 'es' ? 'gratis' : 'free';
  return renderReply({ template: 'info.delivery.next.reserve', params: { line: line.text, place: delivery.place, fee: fee === 0 ? free : formatMoney(fee), grand: formatMoney(goods + fee) } }, tenant.templates, lang);
}
