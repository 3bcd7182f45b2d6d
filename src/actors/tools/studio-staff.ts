import { z } from '../../kernel/schema.js';
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import type { BackendClient } from '../connectors/backend-client.js';
import { asksWhenOneWorks } from '../brain/rule/studio-asks.js';
import { asksWhoSomeoneIs } from '../brain/rule/studio-requests.js';
import { fold } from '../brain/rule/text.js';
import { type StudioService, WEEK_DAYS } from './studio-reads.js';
import { namedServices } from './studio-services.js';
import { categoryAsked, namedApart, servicesOf } from './studio-category.js';

/**
 * The studio's people, as a receptionist tells them: "¿Rosanna trabaja el lunes?" (the days she
 * works, that day said yes or no), "¿quién hace los tintes?" (who does that service). Read from the
 * backend's `/staff` (name, role, the services each does, the weekdays each works); nothing in code
 * names a person.
 */

const STAFF = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.object({ es: z.string(), en: z.string() }), serviceIds: z.array(z.string()), days: z.array(z.enum(WEEK_DAYS)) })),
});
export type StudioStaff = z.infer<typeof STAFF>['items'][number];

export const readStaff = async (client: BackendClient): Promise<StudioStaff[]> => (await client.request({ method: 'GET', path: '/staff', schema: STAFF })).items;

const DAY_NAMES: Record<Lang, readonly string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const listed = (items: readonly string[], lang: Lang): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${items[items.length - 1]}`);

/** The weekdays someone works, said as a run where they follow one another ("martes a sábado"). */
function daysSaid(days: readonly string[], lang: Lang): string {
  const at = WEEK_DAYS.map((d, i) => (days.includes(d) ? i : -1)).filter((i) => i >= 0);
  const consecutive = at.length > 2 && at.every((d, i) => i === 0 || d === at[i - 1]! + 1);
  if (consecutive) return lang === 'es' ? `de ${DAY_NAMES.es[at[0]!]} a ${DAY_NAMES.es[at[at.length - 1]!]}` : `${DAY_NAMES.en[at[0]!]} to ${DAY_NAMES.en[at[at.length - 1]!]}`;
  return listed(at.map((i) => DAY_NAMES[lang][i]!), lang);
}

/** Who does a service, asked in so many words: "¿quién hace los tintes?", "who does the highlights?", "¿con quién me recomiendas?". */
const WHO_ASKED = /\b(?:(?:quien|quienes|who)\s+(?:me\s+|nos\s+)?(?:hace|hacen|does|do|can do|trabaja|works on)|con quien (?:me |nos )?(?:recomienda\w*|sugiere\w*|aconseja\w*)|who (?:do you |would you )?(?:recommend|suggest)|(?:quien es (?:la |el )?mejor|quienes son (?:las |los )?mejores|who(?:'|\u2019| )?s the best|who is the best|who is good) (?:para|en|con|haciendo|for|at|with|doing))\b/;

/** Whether a message may be about the studio's people (only then is `/staff` read): who does a service, one person's days. */
export function mayAskStaff(text: string): boolean {
  return WHO_ASKED.test(fold(text)) || asksWhenOneWorks(text) || asksWhoSomeoneIs(text);
}

/** The staff member a message names by first name ("rosanna trabaja el lunes?"), or null. */
export function staffNamed(text: string, staff: readonly StudioStaff[]): StudioStaff | null {
  const words = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return staff.find((s) => words.includes(` ${fold(s.name.split(/\s+/)[0] ?? '')} `)) ?? null;
}

/**
 * A person of the studio asked about, or who does a service: the reply, or null when the message is
 * about neither (the services answer goes on). `weekday`: the day asked (0 = Monday), if any.
 */
export function staffAnswer(data: Pick<TenantData, 'templates'> & Partial<Pick<TenantData, 'workflows'>>, text: string, lang: Lang, weekday: number | null, staff: readonly StudioStaff[], services: readonly StudioService[]): InfoActorOutput | null {
  const has = (key: string): boolean => data.templates[lang]?.[key] !== undefined;
  const member = staffNamed(text, staff);
  if (member && has('studio.staff.one')) {
    const does = listed(member.serviceIds.flatMap((id) => services.filter((s) => s.id === id).map((s) => s.name[lang])), lang);
    const params = { name: member.name, role: member.role[lang].toLowerCase(), days: daysSaid(member.days, lang), services: does };
    // A yes books with her (her services offered), the day asked too when she works it: "con Yokasta Mercedes el viernes".
    const withHer = { bookingOffer: [...member.serviceIds], bookingWords: lang === 'es' ? `con ${member.name}` : `with ${member.name}` };
    if (weekday !== null && has('studio.staff.day_yes') && has('studio.staff.day_no')) {
      const works = member.days.includes(WEEK_DAYS[weekday]!);
      const day = DAY_NAMES[lang][weekday]!;
      const words = works ? `${withHer.bookingWords} ${lang === 'es' ? 'el' : 'on'} ${day}` : withHer.bookingWords;
      return { replies: [{ template: works ? 'studio.staff.day_yes' : 'studio.staff.day_no', params: { ...params, day } }], ...withHer, bookingWords: words };
    }
    // "Does Wendy do waxing?", "¿Rosanna hace las mechas?": that service, yes (a booking with her) or who does it.
    const asked = namedServices(text, services).length === 1 ? namedServices(text, services)[0]! : null;
    if (asked && has('studio.staff.does_yes') && has('studio.staff.does_not')) {
      if (member.serviceIds.includes(asked.id)) return { replies: [{ template: 'studio.staff.does_yes', params: { name: member.name, first: member.name.split(/\s+/)[0]!, service: asked.name[lang], days: daysSaid(member.days, lang) } }], bookingOffer: [asked.id], service: asked.id, bookingWords: withHer.bookingWords };
      const who = staff.filter((s) => s.serviceIds.includes(asked.id));
      if (who.length > 0) return { replies: [{ template: 'studio.staff.does_not', params: { name: member.name, service: asked.name[lang], others: listed(who.map((s) => `*${s.name}* (${daysSaid(s.days, lang)})`), lang) } }], bookingOffer: [asked.id], service: asked.id, ...(who.length === 1 ? { bookingWords: lang === 'es' ? `con ${who[0]!.name}` : `with ${who[0]!.name}` } : {}) };
    }
    return { replies: [{ template: 'studio.staff.one', params }], ...withHer };
  }
  // "¿quién hace los tintes?" asks who; "¿hay alguien que haga cejas?" asks whether it is done (the price).
  // "¿quién hace las cejas los miércoles?": who does it among those who work that day.
  if (!WHO_ASKED.test(fold(text)) || !has('studio.staff.who')) return null;
  // Nobody of them that day: everyone who does it, with their days; nobody at all that day (closed): that day's answer.
  const working = weekday === null ? staff : staff.filter((s) => s.days.includes(WEEK_DAYS[weekday]!));
  if (working.length === 0) return null;
  const on = weekday === null ? null : whoDoesOn(data, text, lang, working, services, DAY_NAMES[lang][weekday]!);
  if (on) return on;
  const said = (who: readonly StudioStaff[]) => listed(who.map((s) => `*${s.name}* (${s.role[lang].toLowerCase()}, ${daysSaid(s.days, lang)})`), lang);
  const service = namedServices(text, services)[0];
  // "¿quién hace los masajes?" is the kind, though "masaje" is the relaxing one's word too.
  const kindOnly = !service || (service.category !== undefined && categoryAsked(data, text, services) === service.category && !namedApart(data, text, service));
  const ofKind = kindOnly ? whoDoesKind(data, text, lang, staff, services, said) : null;
  if (ofKind || !service) return ofKind;
  const who = staff.filter((s) => s.serviceIds.includes(service.id));
  if (who.length === 0) return null;
  return { replies: [{ template: 'studio.staff.who', params: { service: service.name[lang], names: said(who) } }], service: service.id };
}

/**
 * "¿quién hace las uñas?", "who does eyebrows?": a kind of service (its category) rather than one —
 * everyone who does any of that kind, a yes booking one of them. Null when no one kind is named.
 */
function whoDoesKind(data: Pick<TenantData, 'templates'> & Partial<Pick<TenantData, 'workflows'>>, text: string, lang: Lang, staff: readonly StudioStaff[], services: readonly StudioService[], said: (who: readonly StudioStaff[]) => string): InfoActorOutput | null {
  const kind = categoryAsked(data, text, services);
  const name = kind === null ? undefined : data.templates[lang]?.[`studio.category.${kind}`];
  if (kind === null || name === undefined || data.templates[lang]?.['studio.staff.who_kind'] === undefined) return null;
  const ids = servicesOf(kind, services).map((s) => s.id);
  const who = staff.filter((s) => s.serviceIds.some((id) => ids.includes(id)));
  if (who.length === 0) return null;
  return { replies: [{ template: 'studio.staff.who_kind', params: { kind: name, names: said(who) } }], bookingOffer: ids };
}

/** Who does the service named among those working the day asked: "¿quién hace las cejas los miércoles?"; null when nobody or no one service is named. */
function whoDoesOn(data: Pick<TenantData, 'templates'> & Partial<Pick<TenantData, 'workflows'>>, text: string, lang: Lang, working: readonly StudioStaff[], services: readonly StudioService[], day: string): InfoActorOutput | null {
  const said = (who: readonly StudioStaff[]) => listed(who.map((s) => `*${s.name}* (${s.role[lang].toLowerCase()}, ${daysSaid(s.days, lang)})`), lang);
  const service = namedServices(text, services)[0];
  const kind = categoryAsked(data, text, services);
  const ids = service && !(service.category !== undefined && kind === service.category && !namedApart(data, text, service)) ? [service.id] : kind !== null ? servicesOf(kind, services).map((s) => s.id) : [];
  const who = working.filter((s) => s.serviceIds.some((id) => ids.includes(id)));
  if (who.length === 0) return null;
  const name = ids.length === 1 ? services.find((s) => s.id === ids[0])?.name[lang] : data.templates[lang]?.[`studio.category.${kind}`];
  if (name === undefined) return null;
  // A yes books that day: "el miércoles" stands for it.
  const reply: ReplyDirective = ids.length === 1 ? { template: 'studio.staff.who', params: { service: name, names: said(who) } } : { template: 'studio.staff.who_kind', params: { kind: name, names: said(who) } };
  return { replies: [reply], bookingOffer: ids, bookingWords: lang === 'es' ? `el ${day}` : `on ${day}`, ...(ids.length === 1 ? { service: ids[0]! } : {}) };
}
