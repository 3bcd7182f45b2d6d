import type { Lang } from '../../domain/nlu.js';

export { formatMoney } from '../../domain/money.js';

const DATE_LOCALE: Record<Lang, string> = { es: 'es-DO', en: 'en-US' };

/** An ISO calendar date (`2026-12-15`) in words: "15 de diciembre de 2026" / "December 15, 2026". */
export function formatDate(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone: "today" for the tenant. */
export function calendarDate(now: number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}
