import type { Lang } from '../../domain/nlu.js';

export { formatMoney } from '../../domain/money.js';

const DATE_LOCALE: Record<Lang, string> = { es: 'es-DO', en: 'en-US' };

// Building an `Intl.DateTimeFormat` costs far more than formatting with one (every offers answer
// formats a date): one formatter per language and per time zone, made on first use.
const longDates = new Map<Lang, Intl.DateTimeFormat>();
const isoDates = new Map<string, Intl.DateTimeFormat>();

/** Dates already said in words, per language and ISO date (offers' end dates come back every turn); bounded. */
const saidDates = new Map<string, string>();
const MAX_SAID_DATES = 512;

/** An ISO calendar date (`2026-12-15`) in words: "15 de diciembre de 2026" / "December 15, 2026". */
export function formatDate(isoDate: string, lang: Lang): string {
  const key = `${lang}${isoDate}`;
  const said = saidDates.get(key);
  if (said !== undefined) return said;
  if (saidDates.size >= MAX_SAID_DATES) saidDates.clear();
  const words = formatDateOnce(isoDate, lang);
  saidDates.set(key, words);
  return words;
}

function formatDateOnce(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  let format = longDates.get(lang);
  if (format === undefined) longDates.set(lang, (format = new Intl.DateTimeFormat(DATE_LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(date);
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone: "today" for the tenant. */
export function calendarDate(now: number, timeZone: string): string {
  // The same minute in the same zone (every answer of a busy minute asks it): the date said last.
  const minute = Math.floor(now / 60_000);
  if (minute === lastDay.minute && timeZone === lastDay.timeZone) return lastDay.date;
  const date = calendarDateOnce(now, timeZone);
  lastDay = { minute, timeZone, date };
  return date;
}

let lastDay = { minute: Number.NaN, timeZone: '', date: '' };

function calendarDateOnce(now: number, timeZone: string): string {
  let format = isoDates.get(timeZone);
  // en-CA formats dates as YYYY-MM-DD. An unknown zone throws here, as before, and is not kept.
  if (format === undefined) isoDates.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(now));
}

/**
 * Today's date in `timeZone` by `clock`, as a function: worked out again only when the clock's
 * minute changed (a cache key asks it every turn; `Intl` formatting costs microseconds).
 */
export function dayInZone(clock: { now(): number }, timeZone: string): () => string {
  let minute = Number.NaN;
  let day = '';
  return () => {
    const now = clock.now();
    const m = Math.floor(now / 60_000);
    if (m !== minute) {
      minute = m;
      day = calendarDate(now, timeZone);
    }
    return day;
  };
}
