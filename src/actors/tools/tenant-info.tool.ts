import type { InfoAnswer } from '../../domain/intents.js';
import type { Lang } from '../../domain/nlu.js';
import { toE164 } from '../../domain/phone.js';
import type { TenantData } from '../../domain/tenant.js';
import { isHiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { InfoActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import type { BackendClient } from '../connectors/backend-client.js';
import { formatDate, formatMoney } from './format.js';
import { readBookings, readBusiness, readItemNames, readPackages, readPurchases, readServices, upcomingBookings, WEEK_DAYS } from './studio-reads.js';
import { answerServices, namedServices } from './studio-services.js';
import { asksPrice, asksPriceAndHours } from '../../machines/workflow/price-and-times.js';
import { serviceOnClosedDay } from './studio-service-day.js';
import { mayAskStaff, readStaff, staffAnswer } from './studio-staff.js';
import { asksWhere, asksWhereOnly, dayHoursReply, holidayReply, locationReply, weekdayAsked } from './studio-hours.js';
import { templateAnswer } from './studio-template-answer.js';
import { bookingCodeSaid, onlyANumber, asksWhatIsOwed, studioFactAsked } from '../brain/rule/studio-asks.js';
import { BOOKING_WORDS, bookingCodeReply, bookingWhen, owedReply, studioFactReply } from './studio-owed.js';

/** What a tenant-declared informational label is answered from. */
export interface TenantInfoInput {
  /** How the tenant declared the reading's label is answered (`intents.json`); absent: the help template. */
  answer: InfoAnswer | undefined;
  lang: Lang;
  /** The contact's phone on the channel (WhatsApp, SMS), if it has one: whose bookings and history to read. */
  phone: string | null;
  /** Only these bookings of the phone (the ones made in this conversation on the web); its history is not shown then. */
  only?: readonly string[];
  /** Now (ms), from the injected clock: "upcoming" bookings are those after it. */
  now: number;
  /** The customer's message: which service a `services` answer prices (absent: the service list). */
  text?: string;
  /** The service the conversation is about (priced just before, or chosen in a booking): a follow-up with no service named is about it. */
  focus?: readonly string[] | undefined;
  /** The services in focus were priced together for one visit ("juntos"): asked about again, they are summed again. */
  visit?: boolean;
  /** The package told of just before: "¿y cuánto cuesta?" is about it. */
  package?: string | undefined;
}

const DAY_NAMES: Record<Lang, string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const CLOSED: Record<Lang, string> = { es: 'cerrado', en: 'closed' };
/** Most bookings or purchases listed in one reply (a chat message, not a statement). */
const MAX_LINES = 6;
/** The template of a label declared without an answer (or a reading of no declared label). */
const HELP_TEMPLATE = 'studio.help';

/**
 * Answers the informational labels of a tenant with its own intent set (a booking studio), as
 * each label's `answer` in `intents.json` says: hours from the backend's schedule (else
 * `store.json`), packages, services (a named service's price and duration with a button to book it,
 * the list by category, "we don't do that": `studio-services.ts`), the customer's upcoming bookings and purchase history from the backend
 * (the business's data stays in its system), or a template (help; a pointer for a workflow label
 * no workflow claimed; `{methods}` and `{hours}` are filled in). Backend failures answer
 * `studio.backend_unavailable`; nothing is invented.
 *
 * @example
 * const info = createTenantInfo({ data, client, logger });
 * await info.answer({ answer: { source: 'packages' }, lang: 'es', phone: null, now }); // { replies: [{ template: 'studio.packages', ... }] }
 */
export function createTenantInfo(options: { data: TenantData; client?: BackendClient; logger: Logger }) {
  const { data, client } = options;
  const log = options.logger.child({ component: 'tenant-info', tenant: data.settings.id });
  const one = (reply: ReplyDirective): InfoActorOutput => ({ replies: [reply] });

  const hours = async (lang: Lang, text: string, now: number): Promise<InfoActorOutput> => {
    const branch = data.store.branches[0];
    if (!client) return one({ template: 'info.hours', params: { items: data.store.branches.map((b) => ({ name: b.name, hours: b.hours[lang] })) } });
    // "¿tienen parqueo?", "¿aceptan niños?": the place's fact, or that we do not know it — never the week's hours.
    const fact = studioFactAsked(text);
    // "do you speak English?": this chat speaks both — never "not written down".
    if (fact === 'languages' && data.templates[lang]?.['studio.fact.languages']) return one({ template: 'studio.fact.languages' });
    // "do you take walk-ins?": not written, so the safe way is offered — a booking (a yes starts it) or a person.
    if (fact === 'walkin' && data.templates[lang]?.['studio.fact.walkin']) return { ...one({ template: 'studio.fact.walkin' }), bookingOffer: [] };
    if (fact !== null && data.templates[lang]?.['studio.fact.unknown']) {
      const unknown = studioFactReply(data, fact, lang);
      // "¿dónde están ubicados? ¿tienen parqueo?": where the studio is, said before the fact not written down — never dropped.
      // "¿cuánto tiempo antes tengo que llegar?" asks no way there on "llegar".
      if (!asksWhere(text) || fact === 'arrival' || !data.templates[lang]?.['studio.location']) return unknown;
      const at = await readBusiness(client);
      return { ...unknown, replies: [locationReply({ address: at.address || (branch?.address ?? ''), phone: at.phone, mapsUrl: branch?.mapsUrl }), ...unknown.replies] };
    }
    const business = await readBusiness(client);
    // "¿a qué hora cierran el sábado?": that day's hours.
    // "¿Dónde están ubicados?": the address and the map, not the week's hours.
    // Both end with "¿Te agendo una cita?" / "¿Te agendo otro día?": a yes next books.
    if (asksWhereOnly(text) && data.templates[lang]?.['studio.location']) return { ...one(locationReply({ address: business.address || (branch?.address ?? ''), phone: business.phone, mapsUrl: branch?.mapsUrl })), bookingOffer: [] };
    // "¿abren el 25 de diciembre?": the holiday said closed, with the next open day.
    const holiday = holidayReply(business.hours, business.closedDates ?? [], { text, now, timeZone: data.settings.timeZone, lang });
    if (holiday && data.templates[lang]?.['studio.hours.holiday']) return { ...one(holiday), bookingOffer: [] };
    const day = dayHoursReply(business.hours, { text, now, timeZone: data.settings.timeZone, lang }, business.address || (branch?.address ?? ''));
    if (day) {
      const closed = 'template' in day && day.template.startsWith('studio.hours.closed');
      // "where are you located and are you open sunday?": closed that day, and where the studio is (an open day's reply has the address).
      const where = closed && asksWhere(text) && data.templates[lang]?.['studio.location'] ? [locationReply({ address: business.address || (branch?.address ?? ''), phone: business.phone, mapsUrl: branch?.mapsUrl })] : [];
      return { replies: [...where, day], ...(closed ? { bookingOffer: [] } : {}) };
    }
    const schedule = WEEK_DAYS.map((d, i) => {
      const h = business.hours[d];
      return { day: DAY_NAMES[lang][i] as string, hours: h ? `${h.open} – ${h.close}` : CLOSED[lang] };
    });
    return one({ template: 'studio.hours', params: { name: business.name, address: business.address || (branch?.address ?? ''), phone: business.phone, schedule } });
  };

  /** "¿cuánto cuesta el corte y a qué hora abren mañana?": the service's price said before the hours, not dropped. */
  const priceBeside = async (lang: Lang, text: string, answered: InfoActorOutput): Promise<InfoActorOutput> => {
    if (!client || !asksPrice(text) || studioFactAsked(text) !== null) return answered;
    const all = await readServices(client);
    if (namedServices(text, all).length === 0) return answered;
    const priced = answerServices(data, { text, lang, packageWords: [] }, all, []);
    const first = priced.replies[0];
    if (!first || !('template' in first) || !first.template.startsWith('studio.service.price')) return answered;
    return { ...answered, replies: [...priced.replies, ...answered.replies], ...(priced.service !== undefined ? { service: priced.service } : {}) };
  };

  const packages = async (lang: Lang): Promise<InfoActorOutput> => {
    const items = client ? await readPackages(client) : [];
    if (items.length === 0) return one({ template: 'studio.packages.none' });
    return one({ template: 'studio.packages', params: { items: items.map((p) => ({ name: p.name[lang], price: formatMoney(p.price), description: p.description[lang] })) } });
  };

  /** The services as a receptionist tells them: a named service's price, the list, or the packages. */
  const services = async (lang: Lang, text: string, now: number, packageWords: readonly string[], focus: readonly string[] | undefined, visit: boolean, pkg?: string): Promise<InfoActorOutput> => {
    if (!client) return packages(lang);
    const [all, packs] = await Promise.all([readServices(client), readPackages(client)]);
    // "¿Rosanna trabaja el lunes?", "¿quién hace los tintes?": the studio's people (`studio-staff.ts`).
    // A backend without `/staff` answers as before (the services), logged.
    const staff = data.templates[lang]?.['studio.staff.one'] && mayAskStaff(text) ? await readStaff(client).catch((err: unknown) => {
      log.warn({ err }, 'staff not read');
      return [];
    }) : [];
    const people = staff.length > 0 ? staffAnswer(data, text, lang, weekdayAsked(text, now, data.settings.timeZone, lang), staff, all) : null;
    if (people) return people;
    const answered = answerServices(data, { text, lang, packageWords, focus, visit, package: pkg }, all, packs);
    // "how much is a facial and what are your hours?": the hours said after the price, not dropped.
    if (asksPriceAndHours(text) && answered.service !== undefined) return { ...answered, replies: [...answered.replies, ...(await hours(lang, text, now)).replies] };
    // "¿hacen cejas el domingo?": that day is closed — the service offered on the nearest open days.
    if (typeof answered.service !== 'string' || weekdayAsked(text, now, data.settings.timeZone, lang) === null) return answered;
    return serviceOnClosedDay(data, answered, { text, lang, now, timeZone: data.settings.timeZone }, all, await readBusiness(client)) ?? answered;
  };

  const bookings = async (lang: Lang, phone: string, now: number, only: readonly string[] | undefined, text: string): Promise<InfoActorOutput> => {
    const [all, names] = await Promise.all([readBookings(client!, phone), readItemNames(client!, lang)]);
    const mine = only ? all.filter((b) => only.includes(b.id)) : all;
    // "BV-1001": that booking, if it is this customer's; "¿cuánto debo?": what the bookings come to.
    const code = bookingCodeSaid(text);
    if (code !== null) return bookingCodeReply(data, code, mine, names, lang, now);
    const upcoming = upcomingBookings(mine, now);
    if (asksWhatIsOwed(text)) return owedReply(upcoming, names, lang);
    if (upcoming.length === 0) return one({ template: 'studio.bookings.none' });
    const items = upcoming.slice(0, MAX_LINES).map((b) => ({
      id: b.id,
      service: names.get(b.serviceId) ?? b.serviceId,
      // Said as the booking was confirmed ("martes 8 de diciembre a las 3:00 p. m."), with the id the customer was given.
      when: bookingWhen(b, lang),
      status: BOOKING_WORDS[b.status]?.[lang] ?? b.status,
      payment: BOOKING_WORDS[b.paymentStatus]?.[lang] ?? b.paymentStatus,
    }));
    return one({ template: 'studio.bookings', params: { items } });
  };

  const history = async (lang: Lang, phone: string): Promise<InfoActorOutput> => {
    const purchases = await readPurchases(client!, phone);
    if (purchases === null) return one({ template: 'studio.unknown_customer' });
    if (purchases.length === 0) return one({ template: 'studio.history.none' });
    const names = await readItemNames(client!, lang);
    const items = purchases.slice(0, MAX_LINES).map((p) => ({ date: formatDate(p.date, lang), item: names.get(p.itemId) ?? p.itemId, amount: formatMoney(p.amount) }));
    return one({ template: 'studio.history', params: { items } });
  };

  /** The customer's own data needs the backend and a phone that says who they are. */
  const personal = async (input: TenantInfoInput, read: (phone: string) => Promise<InfoActorOutput>): Promise<InfoActorOutput> => {
    const phone = toE164(input.phone);
    if (!client || phone === null) return one(needPhone(input.text ?? '', input.lang));
    return read(phone);
  };
  /** Who the customer is is not known: said for what they asked (a booking code, what they owe) where the tenant wrote it. */
  const needPhone = (text: string, lang: Lang): ReplyDirective => {
    const code = bookingCodeSaid(text);
    const own = code !== null ? 'studio.code.need_phone' : asksWhatIsOwed(text) ? 'studio.owed.need_phone' : null;
    return own !== null && data.templates[lang]?.[own] ? { template: own, ...(code !== null ? { params: { id: code } } : {}) } : { template: 'studio.need_phone' };
  };

  return {
    async answer(input: TenantInfoInput): Promise<InfoActorOutput> {
      const { lang } = input;
      const answer = input.answer ?? { template: HELP_TEMPLATE };
      if ('template' in answer) return templateAnswer(data, client, answer.template, lang, input.text ?? '');
      try {
        switch (answer.source) {
          case 'hours':
            return await priceBeside(lang, input.text ?? '', await hours(lang, input.text ?? '', input.now));
          case 'packages':
            return await packages(lang);
          case 'services':
            return await services(lang, input.text ?? '', input.now, answer.packageWords ?? [], input.focus, input.visit === true, input.package);
          case 'bookings':
            // "859650" alone: what it is for is asked, never guessed (a booking, a phone, a payment).
            if (onlyANumber(input.text ?? '') && bookingCodeSaid(input.text ?? '') === null && data.templates[lang]?.['studio.number_what']) return one({ template: 'studio.number_what' });
            return await personal(input, (phone) => bookings(lang, phone, input.now, input.only, input.text ?? ''));
          case 'history':
            // A number known only by a booking made here proves nothing about its past purchases: the bookings made here are what it may see.
            return await personal(input, (phone) => (input.only ? bookings(lang, phone, input.now, input.only, '') : history(lang, phone)));
        }
      } catch (err) {
        if (!isHiloError(err) || !err.code.startsWith('HILO_ERR_BACKEND_')) throw err;
        log.warn({ source: answer.source, code: err.code }, 'backend unavailable for an informational answer');
        return one({ template: 'studio.backend_unavailable' });
      }
    },
  };
}

export type TenantInfo = ReturnType<typeof createTenantInfo>;
