import type { Lang } from '../../domain/nlu.js';
import type { OpeningHours } from '../../domain/workflow-spec.js';
import { closedOn, localToday } from './closed-days.js';
import { weekdayAndDay } from './slot-extractors.js';
import { spokenDate } from './spoken-dates.js';
import type { WorkflowReply } from './run-types.js';

/**
 * "Somos 3 para maquillaje el sábado 20" when the 20th is a Sunday: the weekday and the day of the
 * month disagree. The runner used to keep the weekday alone (the next Saturday, two weeks early)
 * and drop the 20; a receptionist asks which one was meant — the day of that weekday nearest the
 * 20th, or the 20th itself — and, when the 20th is a day the studio is closed, offers the other
 * ("¿Te lo reservo el sábado 19?", a yes takes it). Pure.
 */

/** A day asked with a weekday that is not its own: the day numbered, and the open days it may have meant (the weekday's first). */
export interface DateClash {
  date: string;
  near: string[];
  clash: true;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The clash in a message's words, or null when its weekday and day agree (or it says no such pair). */
export function dateClash(text: string, nowMs: number, timeZone: string, hours: OpeningHours | undefined, closedDates: readonly string[] = []): DateClash | null {
  const said = weekdayAndDay(text, nowMs, timeZone);
  if (!said?.clash) return null;
  const today = localToday(nowMs, timeZone);
  const back = (weekdayOf(said.date) - said.weekday + 7) % 7;
  const ahead = (said.weekday - weekdayOf(said.date) + 7) % 7;
  const before = addDays(said.date, -back);
  const onWeekday = back <= ahead && before >= today ? before : addDays(said.date, ahead);
  const near = [onWeekday, said.date].filter((d) => d >= today && !closedOn(hours, d, closedDates));
  return near.length > 0 ? { date: said.date, near, clash: true } : null;
}

/** The day without its weekday: "20 de diciembre" / "December 20". */
const dayOfMonth = (date: string, lang: Lang): string => {
  const said = spokenDate(date, lang) ?? date;
  return lang === 'es' ? said.replace(/^\S+\s/, '') : said.replace(/^[^,]+,\s/, '');
};
const weekdayName = (date: string, lang: Lang): string => (spokenDate(date, lang) ?? '').split(/[\s,]/)[0]!;

/** The question: which day was meant, the days as buttons; one day only (the numbered one closed) is proposed for a yes. */
export function clashReply(clash: { date: string; near: string[] }, lang: Lang): WorkflowReply {
  const day = dayOfMonth(clash.date, lang);
  const wd = weekdayName(clash.date, lang);
  const options = clash.near.map((d) => spokenDate(d, lang) ?? d).map((label) => ({ label, text: label }));
  const [first, second] = options.map((o) => o.label);
  let text: string;
  if (second === undefined)
    text = lang === 'es' ? `El ${day} cae ${wd} y ese día estamos cerrados 🙏 ¿Te lo reservo el ${first}?` : `${day} is a ${wd}, and we're closed that day 🙏 Shall I book it for ${first}?`;
  else text = lang === 'es' ? `El ${day} cae ${wd} 🤔 ¿Lo quieres el ${first} o el ${second}?` : `${day} is a ${wd} 🤔 Did you mean ${first} or ${second}?`;
  return { text, options };
}

/**
 * The day proposed for a clash (or one of the two offered: "¿el lunes 21 o el martes 22?"), when the
 * answer names only its weekday ("el sábado", "el lunes"); else the day read (the next one to come).
 */
export function proposedDay(proposed: readonly (string | undefined)[], read: string, text: string): string {
  if (/\d/.test(text)) return read;
  return proposed.find((d) => d !== undefined && weekdayOf(d) === weekdayOf(read)) ?? read;
}
