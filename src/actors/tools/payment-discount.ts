/**
 * A discount asked for a way of paying: "¿cuánto me descuentan si pago en efectivo?", "¿hay
 * descuento por pagar cash?", "do you give a discount for cash?". A clerk says whether paying that
 * way lowers the price — only an offer of the store's own that names the way of paying does — and
 * names the current offers, never "Sí, aceptamos efectivo" (a yes to a question not asked).
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { PAYMENT_METHOD_WORDS, paymentDiscountAsked } from '../brain/rule/store-questions.js';
import { fold } from '../brain/rule/text.js';
import { calendarDate, formatDate } from './format.js';
import { renderReply } from '../render-reply.js';

const words = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The answer to a discount asked for a way of paying: the current offers that name that way of
 * paying, or that there is no such discount, then the current offers. Null when no such discount is
 * asked or the tenant lacks the templates (the question goes where it went).
 */
export function paymentDiscountReply(tenant: TenantData, text: string, lang: Lang, now: number): ReplyDirective | null {
  const asked = paymentDiscountAsked(text);
  const has = (template: string): boolean => tenant.templates[lang]?.[template] !== undefined;
  if (asked.length === 0 || !has('info.payment.discount.none') || !has('info.payment.discount.some')) return null;
  const today = calendarDate(now, tenant.settings.timeZone);
  const current = tenant.offers.filter((o) => o.validUntil >= today).sort((a, b) => a.validUntil.localeCompare(b.validUntil));
  const item = (o: (typeof current)[number]) => ({ title: o.title[lang], details: o.details[lang], validUntil: formatDate(o.validUntil, lang) });
  const namesWay = (details: string): boolean => asked.some((key) => PAYMENT_METHOD_WORDS.find(([k]) => k === key)?.[1].test(words(details)) === true);
  const forWay = current.filter((o) => namesWay(`${o.details.es} ${o.details.en} ${o.title.es} ${o.title.en}`));
  const name = (key: string): string => tenant.templates[lang]?.[`info.payment.name.${key}`] ?? key;
  const named = asked.map(name).join(lang === 'es' ? ' o ' : ' or ');
  if (forWay.length > 0) return { template: 'info.payment.discount.some', params: { named, items: forWay.map(item) } };
  // The current offers follow the no, when there are any ("offers.list.item" renders each).
  const offers = current.length > 0 && has('info.payment.discount.offers') ? renderReply({ template: 'info.payment.discount.offers', params: { items: current.map(item) } }, tenant.templates, lang) : '';
  return { template: 'info.payment.discount.none', params: { named, offers } };
}
