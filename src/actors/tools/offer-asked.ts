/**
 * An offer asked for one product the message names ("¿el cemento blanco tiene oferta?", "¿hay
 * descuento en los candados?", "¿todavía está el 2x1 de candados?"). A clerk answers about that
 * product: its current offer, or that its offer has ended (and when), or that it has none — not
 * the whole list of the other offers, and not a bare price that leaves the question unanswered.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Offer, Product, TenantData } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { fold } from '../brain/rule/text.js';
import { resolverFor } from '../catalog/shared-resolver.js';
import { renderReply } from '../render-reply.js';
import { calendarDate, formatDate, formatMoney } from './format.js';

/** Words that ask about an offer or a discount (folded text). */
const ASKS_OFFER = /\b(?:ofertas?|promos?|promocion(?:es)?|descuentos?|rebajas?|rebajad[oa]s?|precio especial|[23] ?(?:x|por) ?[12](?![\d/.])|discounts?|deals?|on sale|special offers?|(?:an?|any|the|that) offers?|offers? on)\b/;

/** Whether the message asks about an offer or a discount. */
export function asksOffer(text: string): boolean {
  return ASKS_OFFER.test(fold(text));
}

/** How many catalog matches of the phrase are looked at (a word such as "taladro" names several). */
const MATCHES = 6;

/** The products a phrase names: the best match and those as good that leave nothing said unmet. */
function productsNamed(tenant: TenantData, query: string): Product[] {
  const matches = resolverFor(tenant.catalog).search(query, { limit: MATCHES });
  const top = matches[0];
  if (!top || top.unmet.length > 0) return [];
  return matches.filter((m) => m.unmet.length === 0 && m.score >= top.score - 0.12).map((m) => m.product);
}

export interface NamedOffer {
  /** The current offer on one of the named products: the caller answers it as "the one asked". */
  current?: Offer;
  /** Otherwise the reply: the offer that ended, or that the product has none. */
  replies?: ReplyDirective[];
}

/**
 * The offers-topic answer for a product named in the message (`query`, the brain's phrase), or
 * null when the phrase names no product of the catalog.
 */
export function offerForNamed(tenant: TenantData, lang: Lang, now: number, query: string): NamedOffer | null {
  const products = productsNamed(tenant, query);
  const first = products[0];
  if (!first) return null;
  const today = calendarDate(now, tenant.settings.timeZone);
  const skus = new Set(products.map((p) => p.sku));
  const on = tenant.offers.filter((o) => o.skus?.some((s) => skus.has(s)));
  const current = on.filter((o) => o.validUntil >= today).sort((a, b) => a.validUntil.localeCompare(b.validUntil))[0];
  if (current) return { current };
  const ended = on.filter((o) => o.validUntil < today).sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0];
  const has = (key: string): boolean => tenant.templates[lang]?.[key] !== undefined;
  if (ended && has('offers.ended_for')) {
    return { replies: [{ template: 'offers.ended_for', params: { title: ended.title[lang], validUntil: formatDate(ended.validUntil, lang), product: first.name, price: formatMoney(first.price) } }] };
  }
  // A kind with several products on none ("¿ofertas en tubos?"): said of the kind, as the customer named it, by the offers list.
  if (!has('offers.none_for') || (products.length > 1 && has('offers.none_in'))) return null;
  // Its price is said with it: what it costs is what the customer weighs next.
  return { replies: [{ template: 'offers.none_for', params: { product: first.name, price: formatMoney(first.price) } }] };
}

/**
 * A line for a product's answer when the message asked about an offer and the products shown
 * have none current: that their offer ended (and when), or that they have none. Null otherwise
 * (not asked, an offer is current — said by `withProductOffers` —, or no template).
 */
export function askedOfferLine(tenant: TenantData, lang: Lang, today: string, text: string | undefined, skus: readonly string[]): string | null {
  if (text === undefined || skus.length === 0 || !asksOffer(text)) return null;
  const on = tenant.offers.filter((o) => o.skus?.some((s) => skus.includes(s)));
  if (on.some((o) => o.validUntil >= today)) return null;
  const ended = on.sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0];
  const key = ended ? 'product.offer.ended' : 'product.offer.none';
  if (tenant.templates[lang]?.[key] === undefined) return null;
  return renderReply({ template: key, params: ended ? { title: ended.title[lang], validUntil: formatDate(ended.validUntil, lang) } : {} }, tenant.templates, lang);
}
