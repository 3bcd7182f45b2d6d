/**
 * Opening hours for one day: "¿están abiertos hoy?", "¿a qué hora cierran hoy?", "¿abren el 25 de
 * diciembre?", "are you open tomorrow?". Reads which day the customer means (seen from the tenant
 * clock's `now`, in the tenant's time zone) and answers with each branch's hours that day from its
 * `openingHours` (else the store's `teamHours`), closed dates included. Pure: `now` is given.
 */
import type { Lang } from '../../domain/nlu.js';
import type { DayHours, TeamHours } from '../../domain/team-hours.js';
import { DAY_NAMES, localParts, minutesOf, MONTHS as MONTH_NAMES, WEEKDAYS } from '../../domain/team-hours.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { fold } from '../brain/rule/text.js';
import { branchesNamed } from './branch-named.js';

export { branchesNamed } from './branch-named.js';

/** A local calendar date. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The day a question is about: a date (today, tomorrow, a weekday, a date, a holiday) or a weekday in general ("los domingos"). */
export type AskedDay = { kind: 'date'; date: CalendarDay; relative: 'today' | 'tomorrow' | null } | { kind: 'weekly'; weekday: number } | { kind: 'holidays' };

/** Month names (es/en, short forms too) to their numbers. */
export const MONTH_NUMBERS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
export const MONTH_WORDS = Object.keys(MONTH_NUMBERS).join('|');
/** "25 de diciembre", "1ro de enero", "24th of December". */
const DAY_OF_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|ro|ero|do|to|vo|mo|no)? (?:de |of )?(${MONTH_WORDS})\\b`);
/** "December 24th". */
const MONTH_DAY = new RegExp(`\\b(${MONTH_WORDS}) (\\d{1,2})(?:st|nd|rd|th)?\\b`);
/** Weekday names, Monday = 0 (the order of `WEEKDAYS`). */
const WEEKDAY_WORDS: [number, RegExp][] = [
  [0, /\b(?:lunes|monday|mon)\b/],
  [1, /\b(?:martes|tuesday|tue|tues)\b/],
  [2, /\b(?:miercoles|wednesday|wed)\b/],
  [3, /\b(?:jueves|thursday|thu|thurs)\b/],
  [4, /\b(?:viernes|friday|fri)\b/],
  [5, /\b(?:sabados?|saturdays?|sat)\b/],
  [6, /\b(?:domingos?|sundays?|sun)\b/],
];
/** "los domingos", "on Sundays", "every Saturday": the weekday in general, not one date. */
const WEEKLY = /\b(?:los (?:lunes|martes|miercoles|jueves|viernes|sabados|domingos)|(?:todos|cada) (?:los )?(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?)|(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|every (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/;

/** Holidays known by name everywhere the store's customers live; the date is the store's data's business (closed or not). */
const NAMED_DAYS: [RegExp, (year: number) => [number, number]][] = [
  [/\b(?:nochebuena|noche buena|christmas eve)\b/, () => [12, 24]],
  [/\b(?:navidad|christmas(?: day)?|xmas)\b/, () => [12, 25]],
  [/\b(?:nochevieja|noche vieja|fin de ano|new year s eve|new years eve)\b/, () => [12, 31]],
  [/\b(?:ano nuevo|primero de enero|new year s day|new years day|new year s|new years)\b/, () => [1, 1]],
  [/\b(?:dia de (?:los )?(?:santos )?reyes|reyes magos|epiphany)\b/, () => [1, 6]],
  [/\b(?:viernes santo|good friday)\b/, (y) => easterPlus(y, -2)],
  [/\b(?:jueves santo|holy thursday|maundy thursday)\b/, (y) => easterPlus(y, -3)],
  // Holy week as a whole: its holiday, Good Friday, is the day a customer means to ask about.
  [/\b(?:semana santa|holy week|easter week)\b/, (y) => easterPlus(y, -2)],
  [/\b(?:corpus christi|corpus)\b/, (y) => easterPlus(y, 60)],
  // The Dominican Republic's own holidays, as its people name them.
  [/\b(?:(?:dia de (?:la )?)?(?:virgen de la )?altagracia)\b/, () => [1, 21]],
  [/\b(?:dia de duarte|natalicio de duarte|duarte s day)\b/, () => [1, 26]],
  [/\b(?:(?:dia de la )?independencia(?: nacional| dominicana)?|(?:dominican )?independence day|27 de febrero)\b/, () => [2, 27]],
  [/\b(?:dia del trabajo|dia de los trabajadores|dia del trabajador|primero de mayo|labou?r day|may day)\b/, () => [5, 1]],
  [/\b(?:(?:dia de la )?restauracion|restoration day)\b/, () => [8, 16]],
  [/\b(?:(?:dia de (?:la virgen de )?las )?mercedes)\b/, () => [9, 24]],
  [/\b(?:(?:dia de la )?constitucion|constitution day)\b/, () => [11, 6]],
];

/** The next date of a holiday named in `f` (folded words), from `today` on; null when none is named. */
export function holidayDate(f: string, today: CalendarDay): CalendarDay | null {
  for (const [words, date] of NAMED_DAYS) {
    if (!words.test(f)) continue;
    // This year's, else next year's (Good Friday moves: each year's is computed).
    const [m, d] = date(today.year);
    const thisYear = fromUtc(Date.UTC(today.year, m - 1, d));
    const [m2, d2] = date(today.year + 1);
    return utc(thisYear) >= utc(today) ? thisYear : fromUtc(Date.UTC(today.year + 1, m2 - 1, d2));
  }
  return null;
}

/** Easter Sunday (anonymous Gregorian algorithm) moved by `days`, as [month, day]. */
function easterPlus(year: number, days: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const at = new Date(Date.UTC(year, month - 1, day + days));
  return [at.getUTCMonth() + 1, at.getUTCDate()];
}

const DAY_MS = 86_400_000;
const utc = (d: CalendarDay): number => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): CalendarDay => {
  const at = new Date(ms);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
};
const addDays = (d: CalendarDay, n: number): CalendarDay => fromUtc(utc(d) + n * DAY_MS);
/** Monday = 0. */
const weekdayOf = (d: CalendarDay): number => (new Date(utc(d)).getUTCDay() + 6) % 7;
const iso = (d: CalendarDay): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The next `month`/`day` from `today` on (this year's, else next year's); null when no such date. */
export function nextDate(today: CalendarDay, month: number, day: number): CalendarDay | null {
  for (const year of [today.year, today.year + 1]) {
    const d = fromUtc(Date.UTC(year, month - 1, day));
    if (d.month !== month || d.day !== day) return null;
    if (utc(d) >= utc(today)) return d;
  }
  return null;
}

/** "mañana" that means the morning ("a las 8 de la mañana", "in the morning") is not tomorrow. */
const MORNING = /\b(?:(?:de|por|en|a) la|esta|las|en las|por las) mananas?\b/g;
/** "¿están abiertos?", "are you open?": the store now, today. */
const OPEN_NOW = /\b(?:estan abiertos|esta abierto|estan abiertas|esta abierta|(?:tan|ta) abiert[oa]s?|ya abri\w*|ya cerr\w*|abiertos ahora|abierto ahora|ya abrieron|ya cerraron|todavia (?:estan )?abiertos|siguen abiertos|are you (?:still )?open|is the store open|are you guys open|you open|ahora|ahorita|right now|now)\b/;

/** A weekday with a day of the month: "domingo 27", "el sábado 26", "sunday the 27th". */
const WEEKDAY_DATE = /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:the )?(\d{1,2})(?:st|nd|rd|th|ro)?\b(?! (?:de |of )?(?:pulgadas?|libras?|galones?|metros?|pies?|sacos?))/;

/** The next date with that day of the month falling on that weekday, within a year; else the next date with that day. */
function weekdayDate(today: CalendarDay, weekdayWord: string, day: number): CalendarDay | null {
  if (day < 1 || day > 31) return null;
  const weekday = WEEKDAY_WORDS.find(([, words]) => words.test(weekdayWord))?.[0];
  let first: CalendarDay | null = null;
  for (let k = 0; k < 13; k++) {
    const month = fromUtc(Date.UTC(today.year, today.month - 1 + k, 1));
    const date = nextDate(month, month.month, day);
    if (date === null || date.year !== month.year || utc(date) < utc(today)) continue;
    first ??= date;
    if (weekday === undefined || weekdayOf(date) === weekday) return date;
  }
  return first;
}

/**
 * The day a store question asks about, or null when it names none (the weekly table answers).
 * Dates without a year are the next such date; weekdays the next such day (today included).
 */
export function askedDay(text: string, now: number, timeZone: string): AskedDay | null {
  const f = fold(text)
    .replace(/[^a-z0-9/\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(MORNING, ' ');
  const p = localParts(now, timeZone);
  const today: CalendarDay = { year: p.year, month: p.month, day: p.day };
  const on = (date: CalendarDay | null): AskedDay | null => (date ? { kind: 'date', date, relative: utc(date) === utc(today) ? 'today' : utc(date) === utc(today) + DAY_MS ? 'tomorrow' : null } : null);
  const holiday = holidayDate(f, today);
  if (holiday) return on(holiday);
  const dayOfMonth = DAY_OF_MONTH.exec(f);
  if (dayOfMonth) return on(nextDate(today, MONTH_NUMBERS[dayOfMonth[2]!]!, Number(dayOfMonth[1])));
  const monthDay = MONTH_DAY.exec(f);
  if (monthDay) return on(nextDate(today, MONTH_NUMBERS[monthDay[1]!]!, Number(monthDay[2])));
  // 25/12 (day first, as written in the DR).
  const slashed = /\b(\d{1,2})\/(\d{1,2})\b/.exec(f);
  if (slashed && Number(slashed[2]) <= 12) return on(nextDate(today, Number(slashed[2]), Number(slashed[1])));
  if (/\b(?:pasado manana|day after tomorrow)\b/.test(f)) return on(addDays(today, 2));
  if (/\b(?:manana|tomorrow|tmrw|tmr)\b/.test(f)) return on(addDays(today, 1));
  if (/\b(?:hoy|today|tonight|esta noche|this evening)\b/.test(f)) return on(today);
  const weekly = WEEKLY.test(f);
  // "el domingo 27": the next 27th that falls on a Sunday (the number alone, if none does within a year).
  const dated = WEEKDAY_DATE.exec(f);
  if (dated && !weekly) return on(weekdayDate(today, dated[1]!, Number(dated[2])));
  for (const [weekday, words] of WEEKDAY_WORDS) {
    if (!words.test(f)) continue;
    if (weekly) return { kind: 'weekly', weekday };
    return on(addDays(today, (weekday - weekdayOf(today) + 7) % 7));
  }
  // "el 25", "on the 24th": that day of this month, else of the next one.
  const bare = /\b(?:el|para el|on the|the) (\d{1,2})(?:st|nd|rd|th)?\b(?! (?:de |of )?(?:pulgadas?|libras?|galones?|metros?|pies?|sacos?|inch\w*|pounds?|gallons?|feet|foot|bags?|unidades?|units?))/.exec(f);
  if (bare) {
    // This month's, else the next month that has it ("el 2" on the 22nd is the 2nd of next month, never next year's).
    const n = Number(bare[1]);
    for (let k = 0; k < 3 && n >= 1 && n <= 31; k++) {
      const month = fromUtc(Date.UTC(today.year, today.month - 1 + k, 1));
      const date = fromUtc(Date.UTC(month.year, month.month - 1, n));
      if (date.month === month.month && utc(date) >= utc(today)) return on(date);
    }
    return null;
  }
  // "¿abren los feriados?": holidays in general (a named one was read above).
  // "¿qué días cierran en diciembre?": the days the store closes, the holidays.
  if (/\b(?:feriados?|dias? festivos?|holidays?|public holidays?|bank holidays?|(?:que|cuales|cuantos) dias (?:cierran|cierra|no abren|no abre|estan cerrad\w*|no trabajan)|(?:which|what) days (?:are you|do you|is the store) (?:closed|close))\b/.test(f)) return { kind: 'holidays' };
  if (OPEN_NOW.test(f)) return on(today);
  return null;
}

/** A branch's (or the store's) timetable, the closed dates of the store included. */
interface Timetable {
  name: string | null;
  hours: TeamHours;
  /** The branch's address: what it is placed by ("frente al parque", "km 3") names it too. */
  address?: string;
}

/** Each branch's timetable; the store's `teamHours` as one timetable when no branch has one; none: []. */
function timetables(store: TenantData['store']): Timetable[] {
  const storeClosed = store.closedDates ?? store.teamHours?.closedDates ?? [];
  const withClosed = (h: TeamHours): TeamHours => ({ weekly: h.weekly, closedDates: [...storeClosed, ...(h.closedDates ?? [])] });
  const branches = store.branches.filter((b) => b.openingHours !== undefined);
  if (branches.length > 0) return branches.map((b) => ({ name: b.name, hours: withClosed(b.openingHours as TeamHours), ...(b.address ? { address: b.address } : {}) }));
  return store.teamHours ? [{ name: null, hours: withClosed(store.teamHours) }] : [];
}

/**
 * The timetables of the branches a text names ("la de Villa Hermosa", "en la Padre Abreu", "la
 * principal", "la del km 3"): by a part of the branch's name or what its address is placed by.
 */
function namedTimetables(tables: Timetable[], text: string): Timetable[] {
  const addresses = tables.every((t) => t.address !== undefined) ? tables.map((t) => t.address as string) : undefined;
  const named = new Set(branchesNamed(tables.map((t) => t.name), text, addresses));
  return tables.filter((_, i) => named.has(i));
}

/** The hours of a date, null when closed (its weekday has none, or it is a closed date). */
function hoursOn(hours: TeamHours, date: CalendarDay): DayHours | null {
  if ((hours.closedDates ?? []).includes(iso(date))) return null;
  return hours.weekly[WEEKDAYS[weekdayOf(date)]!] ?? null;
}

/** `7:30 a. m.` / `7:30 a.m.` from `07:30`, as the branches' own texts write times. */
export function clockTime(hhmm: string, lang: Lang): string {
  const minutes = minutesOf(hhmm) % (24 * 60);
  const h = Math.floor(minutes / 60);
  const m = String(minutes % 60).padStart(2, '0');
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pm = h >= 12;
  return lang === 'es' ? `${h12}:${m} ${pm ? 'p. m.' : 'a. m.'}` : `${h12}:${m} ${pm ? 'p.m.' : 'a.m.'}`;
}


/** "Hoy (jueves 3 de diciembre)", "Mañana (viernes 4 de diciembre)", "El viernes 25 de diciembre", "Los domingos" (en alike). */
function dayLabel(asked: Exclude<AskedDay, { kind: 'holidays' }>, lang: Lang): string {
  if (asked.kind === 'weekly') {
    const name = DAY_NAMES[lang][asked.weekday]!;
    return lang === 'es' ? `Los ${name}${asked.weekday >= 5 ? 's' : ''}` : `On ${name}s`;
  }
  const { date, relative } = asked;
  const weekday = DAY_NAMES[lang][weekdayOf(date)]!;
  const month = MONTH_NAMES[lang][date.month - 1]!;
  if (lang === 'es') {
    const full = `${weekday} ${date.day} de ${month}`;
    if (relative === 'today') return `Hoy (${full})`;
    if (relative === 'tomorrow') return `Mañana (${full})`;
    return `El ${full}`;
  }
  const full = `${weekday}, ${month} ${date.day}`;
  if (relative === 'today') return `Today (${full})`;
  if (relative === 'tomorrow') return `Tomorrow (${full})`;
  return `On ${full}`;
}

/** "El 25 de diciembre" / "On December 25": a date without its year's weekday. */
function dateLabel(date: CalendarDay, lang: Lang): string {
  const month = MONTH_NAMES[lang][date.month - 1]!;
  return lang === 'es' ? `El ${date.day} de ${month}` : `On ${month} ${date.day}`;
}

/** How many of the coming closed dates a question about holidays lists. */
const HOLIDAYS_LISTED = 3;

/** "¿abren los feriados?": closed, with the next closed dates; null when the store has none (the weekly table answers). */
function holidaysReply(tenant: TenantData, lang: Lang, now: number): ReplyDirective | null {
  const p = localParts(now, tenant.settings.timeZone);
  const today = iso({ year: p.year, month: p.month, day: p.day });
  const coming = [...(tenant.store.closedDates ?? tenant.store.teamHours?.closedDates ?? [])]
    .filter((d) => d >= today)
    .sort()
    .slice(0, HOLIDAYS_LISTED);
  if (coming.length === 0) return null;
  return {
    template: 'info.day.holidays',
    params: {
      items: coming.map((d) => {
        const [year, month, day] = d.split('-').map(Number) as [number, number, number];
        return { date: dayLabel({ kind: 'date', date: { year, month, day }, relative: null }, lang).replace(/^(?:El|On) /, '') };
      }),
    },
  };
}

/** How far ahead the next opening after a closed day is looked for. */
const NEXT_OPENING_DAYS = 14;

/**
 * The reply for a question about one day, or null when the store has no timetable (the weekly
 * texts answer) or the tenant has no such templates. `say` renders one of the tenant's templates
 * (the words for "open now", "closed", a span of hours).
 */
export function dayHoursReply(
  tenant: TenantData,
  text: string,
  asked: AskedDay,
  lang: Lang,
  now: number,
  say: (template: string, params?: Record<string, string>) => string,
  options: { timeless?: boolean } = {},
): ReplyDirective | null {
  const all = timetables(tenant.store);
  if (all.length === 0 || tenant.templates[lang]?.['info.day'] === undefined) return null;
  // "¿la de Villa Hermosa abre los domingos?": that branch only.
  const named = namedTimetables(all, text);
  const tables = named.length === 1 ? named : all;
  const timeZone = tenant.settings.timeZone;
  if (asked.kind === 'holidays') return holidaysReply(tenant, lang, now);
  const closedDates = tenant.store.closedDates ?? tenant.store.teamHours?.closedDates ?? [];
  // Timeless (an FAQ draft, read on any day): a date's weekday in general ("¿abren el domingo?" →
  // "Los domingos…"), a closed date without its year's weekday ("El 25 de diciembre…"), no "open
  // now", no next opening.
  const timeless = options.timeless === true;
  if (timeless && asked.kind === 'date' && !closedDates.includes(iso(asked.date))) asked = { kind: 'weekly', weekday: weekdayOf(asked.date) };
  const when = timeless && asked.kind === 'date' ? dateLabel(asked.date, lang) : dayLabel(asked, lang);
  const on = (t: Timetable): DayHours | null => (asked.kind === 'weekly' ? (t.hours.weekly[WEEKDAYS[asked.weekday]!] ?? null) : hoursOn(t.hours, asked.date));
  const span = (d: DayHours): string => say('info.day.span', { open: clockTime(d.open, lang), close: clockTime(d.close, lang) });
  // Today: whether each place is open right now, as a clerk looking at the clock would say (the
  // wall clock of the store's zone, read once: not two zone conversions per branch).
  const today = asked.kind === 'date' && asked.relative === 'today' ? localParts(now, timeZone) : null;
  const nowMinutes = today ? today.hour * 60 + today.minute : 0;
  const nowNote = (d: DayHours | null, words: 'info.day.now' | 'info.day.one.now'): string => {
    if (today === null || d === null) return '';
    return say(`${words}.${nowMinutes < minutesOf(d.open) ? 'later' : nowMinutes < minutesOf(d.close) ? 'open' : 'closed'}`);
  };
  const open = tables.map((t) => ({ t, day: on(t) }));
  if (named.length === 1) {
    const { t, day } = open[0]!;
    const next = day === null && asked.kind === 'date' && !timeless ? nextOpening(tables, asked.date, lang) : '';
    if (day === null) return { template: 'info.day.branch.closed', params: { when, name: t.name ?? '', next: next === '' ? '' : say('info.day.next', { opening: next }) } };
    return { template: 'info.day.branch', params: { when, name: t.name ?? '', hours: span(day), now: nowNote(day, 'info.day.now') } };
  }
  if (open.every((o) => o.day === null)) {
    const holiday = asked.kind === 'date' && closedDates.includes(iso(asked.date));
    const next = asked.kind === 'date' && !timeless ? nextOpening(tables, asked.date, lang) : '';
    return { template: holiday ? 'info.day.holiday' : 'info.day.closed', params: { when, next: next === '' ? '' : say('info.day.next', { opening: next }) } };
  }
  const first = open[0]!.day;
  const same = open.every((o) => o.day !== null && first !== null && o.day.open === first.open && o.day.close === first.close);
  if (same && first) return { template: 'info.day.one', params: { when, hours: span(first), now: nowNote(first, 'info.day.one.now') } };
  return {
    template: 'info.day',
    params: {
      when,
      items: open.map(({ t, day }) => ({ name: t.name ?? tenant.store.name, hours: day ? span(day) : say('info.day.branchClosed'), now: nowNote(day, 'info.day.now') })),
    },
  };
}

/** "el sábado 26 de diciembre a las 7:30 a. m." / "on Saturday, December 26 at 7:30 a.m.": the first opening after `date`. */
function nextOpening(tables: Timetable[], date: CalendarDay, lang: Lang): string {
  for (let n = 1; n <= NEXT_OPENING_DAYS; n++) {
    const d = addDays(date, n);
    const opens = tables.map((t) => hoursOn(t.hours, d)).filter((h): h is DayHours => h !== null);
    if (opens.length === 0) continue;
    const first = opens.map((h) => h.open).sort()[0]!;
    const weekday = DAY_NAMES[lang][weekdayOf(d)]!;
    const month = MONTH_NAMES[lang][d.month - 1]!;
    const time = clockTime(first, lang);
    return lang === 'es' ? `el ${weekday} ${d.day} de ${month} a ${time.startsWith('1:') ? 'la' : 'las'} ${time}` : `on ${weekday}, ${month} ${d.day} at ${time}`;
  }
  return '';
}
