import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { InfoActorOutput, ReplyOption } from '../../machines/conversation.contract.js';
import { extractDate } from '../../machines/workflow/slot-extractors.js';
import { closedOn, localToday, nearestOpenDays } from '../../machines/workflow/closed-days.js';
import { spokenDate } from '../../machines/workflow/spoken-dates.js';
import { formatMoney } from './format.js';
import { weekdayAsked } from './studio-hours.js';
import type { StudioBusiness, StudioService } from './studio-reads.js';
import { templateText } from './studio-services.js';

/**
 * A service asked for a day the studio is closed ("do you do eyebrows on Sunday?", "¿hacen cejas el
 * domingo?"): a receptionist says that day is closed and offers the service on the nearest open days,
 * each a button that books it then — not the price alone, as if Sunday were fine. Pure.
 */

/** The question's day, service and the studio's week. */
export interface ServiceDayQuestion {
  text: string;
  lang: Lang;
  now: number;
  timeZone: string;
}

/** The closed-day answer for the one service a services answer priced, or null (no day named, the day open, no template). */
export function serviceOnClosedDay(data: Pick<TenantData, 'templates'>, answered: InfoActorOutput, q: ServiceDayQuestion, services: readonly StudioService[], business: Pick<StudioBusiness, 'hours' | 'closedDates'>): InfoActorOutput | null {
  const s = typeof answered.service === 'string' ? services.find((x) => x.id === answered.service) : undefined;
  if (!s || s.price === undefined || !data.templates[q.lang]?.['studio.service.closed_day']) return null;
  const weekday = weekdayAsked(q.text, q.now, q.timeZone, q.lang);
  if (weekday === null) return null;
  const today = localToday(q.now, q.timeZone);
  // "on sundays" is no one date: the next such day stands for them.
  const date = extractDate(q.text, q.now, q.timeZone, q.lang) ?? nextWeekday(today, weekday);
  const closedDates = business.closedDates ?? [];
  if (date === null || !closedOn(business.hours, date, closedDates)) return null;
  const days = nearestOpenDays(business.hours, date, today, closedDates).map((d) => spokenDate(d, q.lang) ?? d);
  if (days.length === 0) return null;
  const name = s.name[q.lang];
  const options: ReplyOption[] = days.map((day) => ({
    label: templateText(data, 'studio.service.book_day_label', q.lang, { day }),
    text: templateText(data, 'studio.service.book_day_text', q.lang, { name, day }),
  }));
  const or = q.lang === 'es' ? ' o el ' : ' or ';
  const params = { day: spokenDate(date, q.lang) ?? date, name, price: formatMoney(s.price), duration: String(s.durationMin ?? ''), days: days.join(or) };
  return { replies: [{ template: 'studio.service.closed_day', params, options }], service: s.id };
}

/** The first day from `today` (itself included) that falls on `weekday` (0 = Monday). */
function nextWeekday(today: string, weekday: number): string {
  const at = Date.parse(`${today}T12:00:00Z`);
  const todays = (new Date(at).getUTCDay() + 6) % 7;
  return new Date(at + ((weekday - todays + 7) % 7) * 86_400_000).toISOString().slice(0, 10);
}
