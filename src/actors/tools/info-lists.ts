import { paymentDiscountReply } from './payment-discount.js';
import type { Lang } from '../../domain/nlu.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import type { Offer, Product, TenantData, Vacancy } from '../../domain/tenant.js';
import type { InfoActorOutput, ProductFocus, ReplyDirective } from '../../machines/conversation.contract.js';
import { fold } from '../brain/rule/text.js';
import { calendarDate, formatDate } from './format.js';
import { noOfferFor, offerByDeal, offerCountFocus, offerForCount } from './offer-count.js';
import { offerForNamed } from './offer-asked.js';

/** Words that name nothing in a list ("la del cemento" → "cemento"). */
const NOT_NAMES = new Set([
  'la', 'el', 'los', 'las', 'de', 'del', 'con', 'para', 'por', 'que', 'una', 'uno', 'esa', 'ese', 'oferta', 'ofertas', 'promo', 'promocion',
  'hasta', 'cuando', 'como', 'aplico', 'aplicar', 'puedo', 'quiero', 'vacante', 'puesto', 'posicion', 'the', 'one', 'for', 'with', 'offer',
  'deal', 'job', 'position', 'apply', 'how', 'until', 'when', 'does', 'end', 'sucursal', 'precio', 'especial', 'gratis', 'regalo',
  'descuento', 'descuentos', 'rebaja', 'rebajas', 'discount', 'discounts', 'pagando', 'efectivo', 'tarjeta', 'cash', 'card',
]);

const wordsOf = (text: string): string[] =>
  fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 4 && !NOT_NAMES.has(w));

/**
 * A word without its plural or its gender ending: "cajera" and "Cajero/a" meet, "vendedora" and "Vendedor/a".
 * Each ending's pattern only on a word that ends with its letter (issue 16: run on every word said).
 */
export function stem(word: string): string {
  const w = word.endsWith('s') ? word.replace(/(?:es|s)$/, '') : word;
  return w.endsWith('a') || w.endsWith('o') ? w.replace(/(?<=[a-z]{3})[ao]$/, '') : w;
}

/** The one item of a list the customer names ("la del cemento", "la de cajero"), or null (none or several equally). */
function namedItem<T>(items: readonly T[], text: string, names: (item: T) => string[]): T | null {
  const said = new Set(wordsOf(text).map(stem));
  if (said.size === 0) return null;
  const scored = items.map((item) => ({ item, hits: new Set(names(item).flatMap(wordsOf).map(stem).filter((w) => said.has(w))).size }));
  const best = Math.max(...scored.map((s) => s.hits));
  const top = scored.filter((s) => s.hits === best);
  return best > 0 && top.length === 1 ? (top[0] as { item: T }).item : null;
}

/** Asking what a job pays ("¿cuánto pagan?", "¿cuál es el sueldo?", "how much does it pay?"). */
const ASKS_PAY = /\b(?:cuanto (?:pagan|paga|se gana|ganan|gana|es el sueldo|es el salario)|sueldos?|salarios?|pago mensual|pay|pays|salary|wages?|how much (?:do|does|would) (?:it|they|you|i) (?:pay|make|earn))\b/;

/** The address the openings say to write to (the first one named), else the store's. */
function jobsEmail(tenant: TenantData, lang: Lang): string {
  for (const v of tenant.vacancies) {
    const m = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(v.howToApply[lang]);
    if (m) return m[0];
  }
  return tenant.store.email;
}

/** Asking how to apply for a job ("¿cómo aplico?", "¿dónde mando el CV?", "how do I apply?"). */
const HOW_TO_APPLY = /\b(?:aplic\w*|postul\w*|curriculum|cv|hoja de vida|donde (?:envio|mando|llevo|dejo)|apply|application|resume)\b/;

/**
 * The current offers, or the one the customer names with its end date ("la del cemento, ¿hasta
 * cuándo es?"), or the one of the product on the counter (`sku`: "¿y hasta cuándo es la oferta?"
 * after the DeWalt drill's price).
 */
export function offerReplies(tenant: TenantData, lang: Lang, now: number, text: string, sku?: string, named?: string): Pick<InfoActorOutput, 'replies' | 'focus' | 'offer'> {
  // "¿hay descuento si pago en efectivo?": whether paying that way lowers the price, then the offers.
  const discount = paymentDiscountReply(tenant, text, lang, now);
  if (discount) return { replies: [discount] };
  const today = calendarDate(now, tenant.settings.timeZone);
  const current = tenant.offers.filter((o) => o.validUntil >= today).sort((a, b) => a.validUntil.localeCompare(b.validUntil));
  if (current.length === 0) return { replies: [{ template: 'offers.none' }] };
  const productNames = (o: Offer): string[] => (o.skus ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)?.name ?? '');
  // "¿qué ofertas tienen?" asks for them all, whatever is on the counter; "¿y la oferta?" for its one.
  const ofCounter = sku !== undefined && !/\b(?:ofertas|promos|promociones|especiales|descuentos|offers|deals|specials)\b/.test(fold(text)) ? current.filter((o) => o.skus?.includes(sku)) : [];
  // "¿el cemento blanco tiene oferta?": that product's offer, or that it ended or has none.
  const asked = named !== undefined && sku === undefined ? offerForNamed(tenant, lang, now, named) : null;
  if (asked?.replies) return { replies: asked.replies };
  // An offer is named by its title, its products or their kind ("¿y de herramientas?": the drill's offer).
  const categories = (o: Offer): string[] => (o.skus ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)?.category ?? '');
  const one = asked?.current && tenant.templates[lang]?.['offers.one'] !== undefined ? asked.current : tenant.templates[lang]?.['offers.one'] !== undefined ? (namedItem(current, text, (o) => [o.title.es, o.title.en, ...productNames(o), ...categories(o)]) ?? (ofCounter.length === 1 ? ofCounter[0]! : null) ?? offerByDeal(current, text)) : null; // "¿entra el 3x2?": the offer by its deal
  if (one) {
    // "¿aplica si compro 40?": whether that count gets it, and what it comes to; that count on the counter.
    const counted = offerForCount(tenant, one, lang, text, sku);
    const focus = (counted ? offerCountFocus(tenant, one, text, sku) : undefined) ?? offerFocus(tenant, one);
    return { replies: [counted ?? { template: 'offers.one', params: { title: one.title[lang], details: one.details[lang], validUntil: formatDate(one.validUntil, lang) } }], ...(focus ? { focus } : {}) };
  }
  // "¿me hacen descuento?" about a product on no offer: said so, not the list of other offers.
  const none = noOfferFor(tenant, current, lang, text, sku);
  if (none) return none;
  const items = current.map((o) => ({ title: o.title[lang], details: o.details[lang], validUntil: formatDate(o.validUntil, lang) }));
  // "¿ofertas en tubos?", "¿y de madera?" (after the offers) with none on it: said so, then the ones there are.
  const askedOn = offersAskedOn(text);
  if (askedOn !== null && tenant.templates[lang]?.['offers.none_in'] !== undefined) return { replies: [{ template: 'offers.none_in', params: { what: askedOn, items } }] };
  return { replies: [{ template: 'offers.list', params: { items } }] };
}

/** "ofertas en tubos", "¿y de madera?", "any deals on paint?": what the offers are asked about (a few words). */
const OFFERS_ON = /(?:\b(?:ofertas?|promos?|promociones?|descuentos?|rebajas?|especiales|offers?|deals?|specials?|discounts?)|^\s*(?:y|e|and|what about|how about))\s+(?:en|de|del|para|pa|in|on|for)\s+((?:la |el |los |las |the )?[a-z][a-z0-9 ]{2,30}?)\s*$/;

function offersAskedOn(text: string): string | null {
  const m = OFFERS_ON.exec(fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim());
  const what = m?.[1]?.replace(/^(?:la|el|los|las|the) /, '').trim();
  // "¿hay ofertas para hoy?", "¿ofertas de esta semana?": when, not what.
  return what && !/^(?:hoy|ahora|ahorita|manana|esta semana|este mes|fin de semana|diciembre|enero|navidad|ano nuevo|lunes|martes|miercoles|jueves|viernes|sabado|domingo|today|tomorrow|now|this week|this month|weekend|christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(what) ? what : null;
}

/**
 * The products of the one offer answered, on the counter as the options just shown: "¿cuál es la
 * más barata?", "dame 3 de esa", "la primera" are about them.
 */
function offerFocus(tenant: TenantData, offer: Offer): ProductFocus | undefined {
  const all = (offer.skus ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  const first = all[0];
  if (!first) return undefined;
  // The offer's own products, not what it gives away with them ("el taladro, con brocas de regalo"): the same kind as the first.
  const kind = (p: Product): string => fold(p.name).split(/\s+/)[0] ?? '';
  const products = all.filter((p) => kind(p) === kind(first));
  // The words that name it, without its pack ("(cubeta 5 gal)"): "dame 3 galones de esa" is that paint in gallons.
  const query = first.name.replace(/\s*\([^)]*\)/g, '').trim();
  return { sku: first.sku, name: first.name, price: first.price, query, ...(products.length >= 2 ? { options: products.map((p) => p.sku) } : {}) };
}

/**
 * The openings, the one named ("la de cajero"), or how to apply to each ("¿cómo aplico?"). The list
 * asks "¿Te interesa alguna?": a yes asks how to apply, a position named answers it.
 */
export function vacancyReplies(tenant: TenantData, lang: Lang, text: string, asked?: string): Pick<InfoActorOutput, 'replies' | 'offer' | 'vacancy'> {
  if (tenant.vacancies.length === 0) return { replies: [{ template: 'vacancies.none', params: { email: tenant.store.email } }] };
  const has = (template: string): boolean => tenant.templates[lang]?.[template] !== undefined;
  const item = (v: Vacancy) => ({ title: v.title[lang], branch: v.branch, requirements: v.requirements[lang].replace(/\.$/, ''), howToApply: v.howToApply[lang].replace(/\.$/, '') });
  const named = has('vacancies.one') ? namedItem(tenant.vacancies, text, (v) => [v.title.es, v.title.en]) : null;
  // "soy chofer, tengo licencia" → the driver's opening; "¿cómo aplico?" next is about that one, not every opening.
  const before = asked !== undefined && has('vacancies.one') ? (tenant.vacancies.find((v) => v.title.es === asked) ?? null) : null;
  const one = named ?? (before && (HOW_TO_APPLY.test(fold(text)) || ASKS_PAY.test(fold(text))) ? before : null);
  // "¿cuánto pagan de chofer?", "¿y el sueldo?" after the driver's opening: that opening's pay when the
  // store publishes it, else that it is said at the interview, with how to apply to it (the opening
  // stays in focus); about no one opening: who says it, not the list again.
  if (has('vacancies.salary') && ASKS_PAY.test(fold(text))) {
    if (one && one.salary && has('vacancies.salary.stated')) return { replies: [{ template: 'vacancies.salary.stated', params: { ...item(one), salary: one.salary[lang] } }], vacancy: one.title.es };
    if (one && has('vacancies.salary.one')) return { replies: [{ template: 'vacancies.salary.one', params: { ...item(one), email: jobsEmail(tenant, lang) } }], vacancy: one.title.es };
    return { replies: [{ template: 'vacancies.salary', params: { email: jobsEmail(tenant, lang), ...(one ? { title: one.title[lang] } : {}) } }] };
  }
  if (one) return { replies: [{ template: 'vacancies.one', params: item(one) }], vacancy: one.title.es };
  if (has('vacancies.apply') && HOW_TO_APPLY.test(fold(text))) return { replies: [{ template: 'vacancies.apply', params: { items: tenant.vacancies.map(item) } }] };
  const replies: ReplyDirective[] = [{ template: 'vacancies.list', params: { items: tenant.vacancies.map(item) } }];
  if (!has('vacancies.apply')) return { replies };
  const offer: ChoiceOption = { intent: 'job_vacancies', label: 'info.offer.apply', text: lang === 'es' ? '¿Cómo aplico?' : 'How do I apply?', completes: lang === 'es' ? '¿Cómo aplico a {answer}?' : 'How do I apply for {answer}?' };
  return { replies, offer };
}
