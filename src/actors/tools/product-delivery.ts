/**
 * Delivery asked about the order on the counter. "¿Cuánto cobran por llevar 20 sacos a Villa
 * Hermosa?" names the products and the place in one message: the estimate with the delivery line
 * (free from the offer's minimum) and when it gets there. "¿Y cuándo llegaría?", "¿cuánto tarda?"
 * after a price or an estimate: the delivery time of the zone asked for, or each zone's when none
 * was named yet — with the same offer to take the order.
 */
import type { Lang } from '../../domain/nlu.js';
import type { DeliveryZone, TenantData } from '../../domain/tenant.js';
import type { DeliveryQuote, ProductActorInput, ProductActorOutput, QuoteLine } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { deliveryFee, freeDeliveryFrom } from './estimate-delivery.js';
import { formatMoney } from './format.js';
import { findDeliveryPlace } from './info.tool.js';
import { zoneOf } from './delivery-times.js';
import { foldAccents } from '../../kernel/fold.js';
import { asksNeededBy } from '../../machines/delivery-time.js';
import { restockAnswer } from './restock-answer.js';

export { zoneOf };

const fold = foldAccents;

/** Words that ask us to take the goods somewhere ("llevar", "envío", "delivery", "mándamelo a", "deliver to"). */
const DELIVERY_WORDS =
  /\b(?:delivery|envios?|enviar\w*|envian|envias|envie\w*|envia\w*|(?:ll|y)evar\w*|(?:ll|y)evan|(?:ll|y)evas|(?:ll|y)even|(?:ll|y)evame\w*|mandar\w*|mandan|mandas|manden|mandame\w*|mandal[oa]s?|(?:ll|y)eval[oa]s?|trael[oa]s?|traer\w*|traen|traigan|entrega\w*|flete|transporte|despach\w*|deliver\w*|ship\w*|send|bring|take\s+(?:it|them))\b/;

/** Whether the message asks us to take goods somewhere ("me pueden llevar…", "envían a…", "can you bring…"). */
export function asksToDeliver(text: string): boolean {
  return DELIVERY_WORDS.test(fold(text));
}

/**
 * A known place the message asks us to deliver to that no delivery zone covers ("¿me pueden
 * llevar unos blocks a Punta Cana?"), or undefined.
 */
export function unservedPlaceAskedIn(tenant: TenantData, text: string): string | undefined {
  if (!asksToDeliver(text)) return undefined;
  const asked = findDeliveryPlace(tenant, text);
  return asked.kind === 'place' && asked.place.zone === undefined ? asked.place.name : undefined;
}

/**
 * The served place a message asks us to deliver to, with its fee and free-delivery minimum
 * (`now`: the offers' calendar; without it no offer is counted); undefined when it asks none.
 */
export function deliveryAskedIn(tenant: TenantData, text: string, now?: number): DeliveryQuote | undefined {
  if (!DELIVERY_WORDS.test(fold(text))) return undefined;
  const asked = findDeliveryPlace(tenant, text);
  const zone = asked.kind === 'zone' ? asked.zone : asked.kind === 'place' && asked.place.zone !== undefined ? tenant.store.deliveryZones.find((z) => z.zone === asked.place.zone) : undefined;
  if (!zone || asked.kind === 'none' || asked.kind === 'unknown') return undefined;
  const place = asked.kind === 'zone' ? zone.zone : asked.place.name;
  const freeFrom = zone.fee > 0 && now !== undefined ? freeDeliveryFrom(tenant, zone.zone, now) : undefined;
  return { place, fee: zone.fee, ...(freeFrom !== undefined ? { freeFrom } : {}) };
}

/** A served place said at the end of a message ("dame 15 pa Caleta", "mándame 10 sacos a Villa Hermosa", "… delivered to Caleta", "… with delivery to Caleta"). */
const PLACE_AT_END = /\s+(?:(?:y\s+)?(?:me\s+)?(?:lo|la|los|las)\s+(?:llevan|mandan|traen)\s+)?(?:pa|pal|para|para\s+la|para\s+el|a|al|hasta|to|delivered\s+to|(?:with\s+)?(?:the\s+)?(?:delivery|shipping)\s+to|con\s+(?:el\s+)?(?:delivery|env[ií]o)\s+(?:a|al|hasta|para)|(?:y\s+)?(?:lo|la|los|las)\s+(?:necesito|ocupo|quiero)\s+en|(?:and\s+)?(?:i\s+)?need\s+(?:it|them)\s+(?:in|at))\s+[^\s?¿!¡.,\d]+(?:\s+[^\s?¿!¡.,\d]+){0,2}\s*[?!.]*\s*$/i;
/** A price question or a please after the place ("10 sacos pa Bayahíbe, ¿cuánto sería?"): kept with the goods, the place read before it. */
const ASK_AT_END = /(?:\s*[,;]\s*|\s+)(?:¿\s*)?(?:cu[aá]nto\s+(?:ser[ií]a|sale|saldr[ií]a|cuesta|costar[ií]a|es|me\s+(?:sale|cobran|cuesta))(?:\s+(?:todo|eso))?|a\s+c[oó]mo\s+(?:sale|es|est[aá])|how\s+much(?:\s+(?:would\s+(?:it|that)\s+be|is\s+(?:it|that)))?|por\s+favor|porfa|please)\s*[?!.]*\s*$/i;

/**
 * The message without the served place said at its end, and that delivery: what is left is read
 * for the goods and the count ("dame 15 del gris pa Caleta" is 15 of the grey cement on the
 * counter, delivered to Caleta — never 15 gallons of grey paint, nor "No vendemos *caleta*").
 * Undefined when no served place ends it.
 */
export function withoutPlaceAtEnd(tenant: TenantData, text: string, now: number | undefined, namesGoods: (rest: string) => boolean): { rest: string; delivery: DeliveryQuote } | undefined {
  const ask = ASK_AT_END.exec(text);
  const body = ask ? text.slice(0, ask.index) : text;
  const rest = body.replace(PLACE_AT_END, '');
  // Only goods or a count before the place ("¿cuánto sería con delivery a Caleta?" asks the total with it, read whole).
  if (rest === body || rest.trim() === '' || !namesGoods(rest) || deliveryAskedIn(tenant, `llevar ${rest}`) !== undefined) return undefined;
  // "…, es para Bayahíbe": where the job is, told; the delivery waits until it is asked for ("¿me lo llevan?").
  if (/(?:^|[\s,])(?:es|son|sera|seria|eso\s+es|it\s*s|its|it\s+is|they\s+are|they\s*re)\s*$/i.test(rest)) return undefined;
  const delivery = deliveryAskedIn(tenant, `llevar a ${body.slice(rest.length).replace(/^\s*(?:\S+\s+){0,4}?(?:pa|pal|para|a|al|hasta|to|en|in|at)\s+/i, '')}`, now);
  return delivery ? { rest: ask ? `${rest}${ask[0]}` : rest, delivery } : undefined;
}

/** "Tiempo de entrega a Villa Hermosa: el mismo día", added under an estimate with the delivery asked in the same message. */
export function etaLine(tenant: TenantData, delivery: DeliveryQuote, lang: Lang): string | null {
  const zone = zoneOf(tenant, delivery.place);
  if (!zone || tenant.templates[lang]?.['product.delivery_eta_line'] === undefined) return null;
  return renderReply({ template: 'product.delivery_eta_line', params: { place: delivery.place, eta: zone.eta[lang] } }, tenant.templates, lang);
}

/** What the lines cost at catalog prices (DOP). */
function goodsOf(tenant: TenantData, lines: readonly QuoteLine[]): number {
  return lines.reduce((sum, l) => sum + (tenant.catalog.find((p) => p.sku === l.sku)?.price ?? 0) * l.quantity, 0);
}

/**
 * "¿Cuándo llega?" about the order on the counter (an estimate on offer, or the product in
 * focus): the delivery time to the place asked for — in this message or a few turns ago — and the
 * offer again (the estimate's formal quote, or setting the product aside). Without a place: each
 * zone's delivery time, and which one. Null when nothing is on the counter.
 */
export function deliveryTimeAnswer(tenant: TenantData, input: ProductActorInput, text: string, now?: number): ProductActorOutput | null {
  const lang = input.lang;
  const estimate = input.estimate && input.estimate.length > 0 ? input.estimate : undefined;
  const focus = input.focus;
  if (!estimate && !focus) return null;
  if (tenant.templates[lang]?.['product.delivery_eta'] === undefined) return null;
  // No place in the question: the one asked for before, else the one said in passing ("… para mi villa en Casa de Campo").
  const delivery = deliveryAskedIn(tenant, `llevar ${text}`, now) ?? input.delivery ?? (input.placeSaid !== undefined ? deliveryAskedIn(tenant, `llevar a ${input.placeSaid}`, now) : undefined);
  const zone = delivery ? zoneOf(tenant, delivery.place) : undefined;
  // "¿y cuándo llega?" about a product that is sold out: when the store gets it again, not a delivery of what there is not.
  const soldOut = !estimate && focus && !delivery ? tenant.catalog.find((p) => p.sku === focus.sku && p.stock <= 0) : undefined;
  const restock = soldOut && focus ? restockAnswer(tenant, soldOut, focus, lang) : null;
  if (restock) return restock;
  if (!delivery || !zone) {
    const free = renderReply({ template: 'info.delivery.free' }, tenant.templates, lang);
    const items = tenant.store.deliveryZones.map((z) => ({ zone: z.zone, fee: z.fee === 0 ? free : formatMoney(z.fee), eta: z.eta[lang] }));
    // "lo necesito para mañana" with the product in stock: it can be picked up at a branch, or each zone's delivery time.
    const held = focus && !estimate ? tenant.catalog.find((p) => p.sku === focus.sku && p.stock > 0) : undefined;
    const needed = held && asksNeededBy(text) && tenant.templates[lang]?.['product.needed_by_zones'] !== undefined;
    const template = needed ? 'product.needed_by_zones' : 'product.delivery_eta_zones';
    return { outcome: 'answered', replies: [{ template, params: { items, ...(needed ? { name: held.name } : {}) } }], ...(focus ? { focus } : {}) };
  }
  const free = renderReply({ template: 'info.delivery.free' }, tenant.templates, lang);
  const money = (fee: number): string => (fee === 0 ? free : formatMoney(fee));
  // The fee, and from what total it is free (for one product the order may still grow to it).
  const fee = delivery.fee > 0 && delivery.freeFrom !== undefined && tenant.templates[lang]?.['info.delivery.free_from'] !== undefined
    ? renderReply({ template: 'info.delivery.free_from', params: { fee: formatMoney(delivery.fee), min: formatMoney(delivery.freeFrom) } }, tenant.templates, lang)
    : money(delivery.fee);
  const params = { place: delivery.place, eta: zone.eta[lang], fee };
  if (estimate) {
    const charged = deliveryFee(delivery, goodsOf(tenant, estimate));
    params.fee = money(charged);
    return {
      outcome: 'estimate',
      lines: estimate,
      replies: [{ template: 'product.delivery_eta', params: { ...params, next: renderReply({ template: 'product.delivery_eta.quote' }, tenant.templates, lang) } }],
      delivery: { place: delivery.place, fee: charged },
      deliveryAsked: delivery,
      ...(focus ? { focus } : {}),
    };
  }
  const product = focus ? tenant.catalog.find((p) => p.sku === focus.sku) : undefined;
  const inStock = product !== undefined && product.stock > 0;
  const next = renderReply({ template: inStock ? 'product.delivery_eta.reserve' : 'product.delivery_eta.more' }, tenant.templates, lang);
  return {
    outcome: 'answered',
    replies: [{ template: 'product.delivery_eta', params: { ...params, next } }],
    ...(focus ? { focus } : {}),
    deliveryAsked: delivery,
    ...(inStock && product ? { reserve: { sku: product.sku, name: product.name, quantity: Math.min(focus?.quantity ?? 1, product.stock) } } : {}),
  };
}
