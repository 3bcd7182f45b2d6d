import type { Lang } from '../../domain/nlu.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { extractDate, fold } from '../../machines/workflow/slot-extractors.js';
import { spokenTime } from '../../machines/workflow/spoken-dates.js';
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
  if (!/\b(?:hoy|today|tonight|manana|tomorrow)\b/.test(f)) return null;
  const date = extractDate(text, nowMs, timeZone, lang);
  if (!date) return null;
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** That day's hours as a reply, or `null` when the message names no single day. */
export function dayHoursReply(week: Week, input: { text: string; now: number; timeZone: string; lang: Lang }, address: string): ReplyDirective | null {
  const day = weekdayAsked(input.text, input.now, input.timeZone, input.lang);
  if (day === null) return null;
  const hours = week[WEEK_DAYS[day]!];
  const name = DAY_NAMES[input.lang][day]!;
  if (!hours) return { template: 'studio.hours.closed_day', params: { day: name } };
  const at = (t: string) => spokenTime(t, input.lang) ?? t;
  return { template: 'studio.hours.day', params: { day: name, open: at(hours.open), close: at(hours.close), address } };
}
