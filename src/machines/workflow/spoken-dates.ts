import type { Lang } from '../../domain/nlu.js';

/**
 * Dates and times as a clerk says them to a customer: "el viernes 4 de diciembre a las 3:00 p. m."
 * / "Friday, December 4 at 3:00 PM", instead of the backend's `2026-12-04` and `15:00`. Written out
 * by hand rather than through `Intl` so a reply reads the same on every Node/ICU build (ICU puts a
 * comma after the Spanish weekday and, in some versions, a narrow no-break space before "PM").
 *
 * @example
 * spokenValue('2026-12-04', 'es', 'America/Santo_Domingo') // 'viernes 4 de diciembre'
 * spokenValue('15:00', 'en', 'America/Santo_Domingo')      // '3:00 PM'
 */

const WEEKDAYS: Record<Lang, readonly string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Lang, readonly string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;
/** An instant with an explicit offset (`2026-12-04T19:00:00.000Z`, `…-04:00`): shown in the tenant's zone. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `2026-12-04` → "viernes 4 de diciembre" / "Friday, December 4"; null when it is no calendar date. */
export function spokenDate(iso: string, lang: Lang): string | null {
  const m = DATE_RE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const weekday = WEEKDAYS[lang][date.getUTCDay()]!;
  const monthName = MONTHS[lang][month - 1]!;
  return lang === 'es' ? `${weekday} ${day} de ${monthName}` : `${weekday}, ${monthName} ${day}`;
}

/** `15:00` → "3:00 p. m." / "3:00 PM"; null when it is no time of day. */
export function spokenTime(hhmm: string, lang: Lang): string | null {
  const m = TIME_RE.exec(hhmm);
  if (!m) return null;
  const hours = Number(m[1]);
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const pm = hours >= 12;
  return lang === 'es' ? `${h12}:${m[2]} ${pm ? 'p. m.' : 'a. m.'}` : `${h12}:${m[2]} ${pm ? 'PM' : 'AM'}`;
}

/** An instant in `timeZone`: "viernes 4 de diciembre a las 3:00 p. m." / "Friday, December 4 at 3:00 PM". */
export function spokenInstant(iso: string, lang: Lang, timeZone: string): string | null {
  if (!INSTANT_RE.test(iso)) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const date = spokenDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  const time = spokenTime(`${parts.hour}:${parts.minute}`, lang);
  if (date === null || time === null) return null;
  return lang === 'es' ? `${date} a las ${time}` : `${date} at ${time}`;
}

/**
 * A value about to be shown to a customer: a calendar date, a time of day or an instant is spoken;
 * anything else (a name, a booking id, a price) is returned as it is.
 */
export function spokenValue(value: string, lang: Lang, timeZone: string): string {
  return spokenDate(value, lang) ?? spokenTime(value, lang) ?? spokenInstant(value, lang, timeZone) ?? value;
}
