import type { Lang } from '../../domain/nlu.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { extractDate, fold } from '../../machines/workflow/slot-extractors.js';
import { namedDay } from '../../machines/workflow/named-days.js';
import { spokenDate, spokenTime } from '../../machines/workflow/spoken-dates.js';
import { closedOn, localToday, nearestOpenDays } from '../../machines/workflow/closed-days.js';
import { WEEK_DAYS } from './studio-reads.js';

/**
 * "¿A qué hora cierran el sábado?" is answered for that day ("El sábado abrimos de 8:00 a. m. a
 * 6:00 p. m."), as a receptionist would, not with the whole week; "¿abren el domingo?" says it is
 * closed. A message naming no day gets the week (the caller's answer). Pure.
 */

type Week = Record<(typeof WEEK_DAYS)[number], { open: string; close: string } | null>;

const DAY_NAMES: Record<Lang, readonly string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
/** Weekday words, folded, Monday first: singular and plural ("los sábados", "on saturdays"). */
const WEEKDAY_WORDS: readonly RegExp[] = [
  /\b(?:lunes|mondays?|mon)\b/,
  /\b(?:martes|tuesdays?|tue)\b/,
  /\b(?:miercoles|wednesdays?|wed)\b/,
  /\b(?:jueves|thursdays?|thu)\b/,
  /\b(?:viernes|fridays?|fri)\b/,
  /\b(?:sabados?|saturdays?|sat)\b/,
  /\b(?:domingos?|sundays?|sun)\b/,
];

/** The weekday a message asks about (0 = Monday), by name or as today / tomorrow; `null` when it names none or several. */
export function weekdayAsked(text: string, nowMs: number, timeZone: string, lang: Lang): number | null {
  const f = fold(text);
  const named = WEEKDAY_WORDS.flatMap((re, day) => (re.test(f) ? [day] : []));
  if (named.length === 1) return named[0]!;
  if (named.length > 1) return null;
  if (!/\b(?:hoy|today|tonight|manana|tomorrow)\b/.test(f) && !dated(f)) return null;
  const date = extractDate(text, nowMs, timeZone, lang);
  if (!date) return null;
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

const MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december|ene|feb|abr|jun|jul|ago|sept?|oct|nov|dic|dec|jan|aug)';
/** A day of a month said ("el 31 de diciembre", "december 31"): the day asked is that date's. */
const DATED_BY_NUMBER = new RegExp(`\\b(?:\\d{1,2}\\s+(?:de\\s+)?${MONTH}|${MONTH}\\s+\\d{1,2})\\b`);
/** …or by its name ("el día de Navidad", "new year's eve"). */
const dated = (folded: string): boolean => DATED_BY_NUMBER.test(folded) || namedDay(folded) !== null;

/** "hoy" / "mañana" said for the day asked (no weekday named), else null. */
function relativeDay(text: string): 'today' | 'tomorrow' | null {
  const f = fold(text);
  if (WEEKDAY_WORDS.some((re) => re.test(f))) return null;
  if (/\b(?:hoy|today|tonight)\b/.test(f)) return 'today';
  // "mañana" as the morning ("mañana en la mañana" keeps the first) is left to extractDate's reading.
  return /\b(?:manana|tomorrow)\b/.test(f) ? 'tomorrow' : null;
}

/** The local weekday (0 = Monday) and minutes since midnight at `nowMs`. */
function localNow(nowMs: number, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return { day: Math.max(day, 0), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The first day after `day` the studio opens (its index), or null when it never does. */
function nextOpenDay(week: Week, day: number): number | null {
  for (let i = 1; i <= 7; i++) if (week[WEEK_DAYS[(day + i) % 7]!]) return (day + i) % 7;
  return null;
}

/**
 * That day's hours as a reply, or `null` when the message names no single day. A closed day says
 * when the studio opens next ("Hoy domingo estamos cerrados; abrimos el lunes a las 9:00 a. m."),
 * and "hoy" after closing time says so and when it opens again.
 */
export function dayHoursReply(week: Week, input: { text: string; now: number; timeZone: string; lang: Lang }, address: string): ReplyDirective | null {
  const day = weekdayAsked(input.text, input.now, input.timeZone, input.lang);
  if (day === null) return null;
  const hours = week[WEEK_DAYS[day]!];
  const relative = relativeDay(input.text);
  // "¿abren el 31 de diciembre?": that date said, not only its weekday.
  const date = relative === null && !WEEKDAY_WORDS.some((re) => re.test(fold(input.text))) && dated(fold(input.text)) ? extractDate(input.text, input.now, input.timeZone, input.lang) : null;
  const name = (date !== null ? spokenDate(date, input.lang) : null) ?? DAY_NAMES[input.lang][day]!;
  const at = (t: string) => spokenTime(t, input.lang) ?? t;
  const next = nextOpenDay(week, day);
  const nextOpening = next === null ? null : { next: DAY_NAMES[input.lang][next]!, opens: at(week[WEEK_DAYS[next]!]!.open) };
  if (!hours) {
    if (!nextOpening) return { template: 'studio.hours.closed_day', params: { day: name, next: '', opens: '' } };
    return { template: relative ? `studio.hours.closed_${relative}` : 'studio.hours.closed_day', params: { day: name, ...nextOpening } };
  }
  const params = { day: name, open: at(hours.open), close: at(hours.close), address };
  if (relative === 'today' && nextOpening && localNow(input.now, input.timeZone).minutes >= minutesOf(hours.close)) return { template: 'studio.hours.closed_now', params: { ...params, ...nextOpening } };
  return { template: relative ? `studio.hours.${relative}` : 'studio.hours.day', params };
}

/**
 * "¿Abren el 25 de diciembre?": a holiday the studio closes (`closedDates` of its backend's business)
 * said closed, with the next open day — never that weekday's usual hours. Null for any other day.
 */
export function holidayReply(week: Week, closedDates: readonly string[], input: { text: string; now: number; timeZone: string; lang: Lang }): ReplyDirective | null {
  const date = closedDates.length > 0 ? extractDate(input.text, input.now, input.timeZone, input.lang) : null;
  if (date === null || !closedDates.some((d) => d === date || d === date.slice(5)) || closedOn(week, date)) return null;
  const next = nearestOpenDays(week, date, localToday(input.now, input.timeZone), closedDates).find((d) => d > date);
  const open = next === undefined ? undefined : week[WEEK_DAYS[(new Date(`${next}T12:00:00Z`).getUTCDay() + 6) % 7]!];
  if (next === undefined || !open) return null;
  return { template: 'studio.hours.holiday', params: { day: spokenDate(date, input.lang) ?? date, next: spokenDate(next, input.lang) ?? next, opens: spokenTime(open.open, input.lang) ?? open.open } };
}

/** "¿Dónde están ubicados?", "what's your address?": where, not when (a message asking both gets the hours, address included). */
const ASKS_WHERE = /\b(?:donde|ubicad[oa]s?|ubicacion|direccion|queda[ns]?|como llego|llegar|where|address|located|location|directions|get there|mapa|maps?)\b/;
// "is it close to the Marriott?" asks where: "close to" / "close by" is near, not closing time.
const ASKS_WHEN = /\b(?:hora|horas|horario|horarios|abren|abre|cierran|cierra|abiertos?|open|opens|close(?! (?:to|by)\b)|closes|hours|when|dias|days)\b/;

export function asksWhereOnly(text: string): boolean {
  return asksWhere(text) && !ASKS_WHEN.test(fold(text));
}

/** Where is asked, alone or beside when ("where are you located and are you open sunday?"). */
export function asksWhere(text: string): boolean {
  return ASKS_WHERE.test(fold(text));
}

/** The studio's address, map and phone, for a question about where it is. */
export function locationReply(place: { address: string; phone: string; mapsUrl?: string | undefined }): ReplyDirective {
  return { template: 'studio.location', params: { address: place.address, phone: place.phone, maps: place.mapsUrl ? `\n🗺️ ${place.mapsUrl}` : '' } };
}
