/**
 * An order that says where it goes at its end ("mándame 50 de 3/8 y 30 de media a Caleta", "mandame
 * 50 a buena vista"): the goods are priced without the place, as a clerk writes the lines first;
 * a served place adds its delivery to the total, and a place the store does not know is asked about
 * (which of its zones it is in), never read as a product ("No vendemos *media vista*") nor dropped.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import { placeTailOf } from '../../machines/place-tail.js';
import { plainWords } from '../../kernel/plain-words.js';
import { findDeliveryPlace } from './info.tool.js';
import { deliveryAskedIn } from './product-delivery.js';
import { formatMoney } from './format.js';
import { renderReply } from '../render-reply.js';

/** The place as a name: "buena vista" → "Buena Vista". */
const named = (place: string): string => place.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

/** "No tengo *Buena Vista* entre nuestras zonas…": the store's zones, and which one it is. */
function unknownPlaceReply(tenant: TenantData, place: string, lang: Lang): ReplyDirective | null {
  if (tenant.templates[lang]?.['info.delivery.unknown'] === undefined) return null;
  const free = renderReply({ template: 'info.delivery.free' }, tenant.templates, lang);
  const items = tenant.store.deliveryZones.map((z) => ({ zone: z.zone, fee: z.fee === 0 ? free : formatMoney(z.fee), eta: z.eta[lang] }));
  return { template: 'info.delivery.unknown', params: { place: named(place), city: tenant.store.city, items } };
}

/**
 * The product tool's answer to an order with its place at the end: the goods answered without it,
 * then the served place's delivery (the tool's own `deliveryAsked` path) or the unknown place asked
 * about. Null when the message ends with no place, or the goods alone are no order on the counter.
 */
export function answerOrderWithPlace(tenant: TenantData, input: ProductActorInput, now: number | undefined, answer: (input: ProductActorInput) => ProductActorOutput): ProductActorOutput | null {
  const text = input.text;
  if (text === undefined || (!input.focus && input.understanding.products.length === 0)) return null;
  const tail = placeTailOf(text);
  if (tail === null) return null;
  // "a los llanos": the place's words are no product ("llanos" is not the trowel, *Llana*) — what the brain read in them goes.
  const where = plainWords(tail.place).split(' ');
  const goods = plainWords(tail.rest);
  // (The brain writes its query in the catalog's words, "llana" for "llanos": a shared stem of four letters is the place's word.)
  const inPlace = (w: string): boolean => w.length >= 4 && where.some((x) => x.length >= 4 && x.slice(0, 4) === w.slice(0, 4));
  const products = input.understanding.products.filter((p) => goods.includes(plainWords(p.query)) || !plainWords(p.query).split(' ').some(inPlace));
  if (products.length !== input.understanding.products.length) input = { ...input, understanding: { ...input.understanding, products } };
  const found = findDeliveryPlace(tenant, `a ${tail.place}`);
  if (found.kind === 'zone' || found.kind === 'place') {
    // A served place: the tool reads it itself when the goods alone are short enough to read; else the goods, then that delivery.
    const delivery = deliveryAskedIn(tenant, `llevar a ${tail.place}`, now);
    if (!delivery) return null;
    const out = answer({ ...input, text: tail.rest, delivery });
    return out.outcome === 'estimate' || out.outcome === 'multi_quote' ? { ...out, deliveryAsked: delivery } : null;
  }
  const out = answer({ ...input, text: tail.rest });
  if (out.outcome !== 'answered' && out.outcome !== 'estimate' && out.outcome !== 'multi_quote') return null;
  const ask = unknownPlaceReply(tenant, tail.place, input.lang);
  return ask ? { ...out, replies: [...out.replies, ask] } : null;
}
