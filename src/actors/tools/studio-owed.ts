import type { Lang } from '../../domain/nlu.js';
import type { StoreFact, TenantData } from '../../domain/tenant.js';
import type { InfoActorOutput, ReplyDirective, ReplyOption } from '../../machines/conversation.contract.js';
import { spokenDate, spokenTime } from '../../machines/workflow/spoken-dates.js';
import type { StudioFactKey } from '../brain/rule/studio-asks.js';
import { formatDate, formatMoney } from './format.js';
import { offerOf } from './store-policies.js';
import type { StudioBooking } from './studio-reads.js';

/**
 * A receptionist's answers about the customer's own bookings beyond the list (`tenant-info.tool.ts`
 * calls them), and about the place's facts:
 * - "¿cuánto debo?": what is booked, each price and whether it is paid, and what is left to pay
 *   (the backend's `price` and `paymentStatus`), never the price list;
 * - "BV-1001": that booking (service, day, time, status, payment) with moving and cancelling offered;
 * - "¿tienen parqueo?": the tenant's written fact, else that it is not known, with a person offered.
 * Pure: the bookings, the item names and the clock are passed in.
 */

/** Booking status and payment words, by the backend's value. */
export const BOOKING_WORDS: Record<string, Record<Lang, string>> = {
  confirmed: { es: 'confirmada', en: 'confirmed' },
  cancelled: { es: 'cancelada', en: 'cancelled' },
  paid: { es: 'pagada', en: 'paid' },
  unpaid: { es: 'pendiente de pago', en: 'unpaid' },
  pending: { es: 'pago en proceso', en: 'payment pending' },
};

/** Most bookings listed in one reply (a chat message, not a statement). */
const MAX_LINES = 6;

/** A booking's day and time as it was confirmed ("viernes 4 de diciembre a las 10:00 a. m."). */
export function bookingWhen(b: Pick<StudioBooking, 'date' | 'time'>, lang: Lang): string {
  return `${spokenDate(b.date, lang) ?? formatDate(b.date, lang)} ${lang === 'es' ? 'a las' : 'at'} ${spokenTime(b.time, lang) ?? b.time}`;
}

const word = (value: string, lang: Lang): string => BOOKING_WORDS[value]?.[lang] ?? value;

/** "¿Cuánto debo?": the bookings still to come, their prices, and the sum not yet paid. */
export function owedReply(upcoming: readonly StudioBooking[], names: ReadonlyMap<string, string>, lang: Lang): InfoActorOutput {
  if (upcoming.length === 0) return { replies: [{ template: 'studio.owed.nothing' }], bookingOffer: [] };
  const shown = upcoming.slice(0, MAX_LINES);
  const items = shown.map((b) => ({ id: b.id, service: names.get(b.serviceId) ?? b.serviceId, when: bookingWhen(b, lang), price: b.price === undefined ? '—' : formatMoney(b.price), payment: word(b.paymentStatus, lang) }));
  // A payment in process is not owed again; a booking without a price cannot be summed (said per line).
  const due = upcoming.filter((b) => b.paymentStatus === 'unpaid');
  if (due.length === 0) return { replies: [{ template: 'studio.owed.none_due', params: { items } }] };
  const total = due.reduce((sum, b) => sum + (b.price ?? 0), 0);
  return { replies: [{ template: 'studio.owed', params: { items, total: formatMoney(total) } }] };
}

/** Moving or cancelling the booking, as the cancellation answer offers them. */
function changeOptions(texts: Readonly<Record<string, string>>): ReplyOption[] {
  return (['move', 'do'] as const).flatMap((o) => {
    const label = texts[`studio.cancel.${o}_label`];
    const text = texts[`studio.cancel.${o}_text`];
    return label && text ? [{ label, text }] : [];
  });
}

/** "BV-1001": that booking of the customer's (or that it is not theirs / not found). */
export function bookingCodeReply(data: TenantData, id: string, mine: readonly StudioBooking[], names: ReadonlyMap<string, string>, lang: Lang, now: number): InfoActorOutput {
  const b = mine.find((x) => x.id === id);
  if (!b) return { replies: [{ template: 'studio.code.not_found', params: { id } }] };
  const params = { id: b.id, service: names.get(b.serviceId) ?? b.serviceId, when: bookingWhen(b, lang), status: word(b.status, lang), payment: word(b.paymentStatus, lang) };
  if (b.status === 'cancelled') return { replies: [{ template: 'studio.code.cancelled', params }], bookingOffer: [b.serviceId] };
  if (Date.parse(b.start) < now) return { replies: [{ template: 'studio.code.past', params }] };
  return { replies: [{ template: 'studio.code.found', params, options: changeOptions(data.templates[lang] ?? {}) }] };
}

/** "¿Tienen parqueo?": the tenant's written fact, else honestly unknown with a person offered (never another fact). */
export function studioFactReply(data: TenantData, key: StudioFactKey, lang: Lang): InfoActorOutput {
  const fact = (data.store.facts as Partial<Record<string, StoreFact>> | undefined)?.[key];
  const { option, offer } = offerOf('human_agent', lang);
  const reply: ReplyDirective = fact
    ? { template: 'studio.fact', params: { fact: fact[lang] }, ...(fact.offer === 'human_agent' ? { options: [option] } : {}) }
    : { template: 'studio.fact.unknown', params: { topic: data.templates[lang]?.[`studio.fact.topic.${key}`] ?? '' }, options: [option] };
  return { replies: [reply], ...(!fact || fact.offer === 'human_agent' ? { offer } : {}) };
}
