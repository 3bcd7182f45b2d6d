import type { Lang } from '../../domain/nlu.js';
import type { OpeningHours } from '../../domain/workflow-spec.js';
import type { WorkflowReply, WorkflowRun } from './run-types.js';
import { runText as text } from './run-text.js';
import { spokenDate, spokenTime } from './spoken-dates.js';

/**
 * Days the business does not open: a receptionist asked for "el domingo" says the studio is closed
 * on Sundays, with its week's hours, and offers the nearest open days, instead of "there are no free
 * times left on Sunday" (which reads as a full day). The week comes from the workflow set's
 * `openingHours` (tenant data), carried by the run's spec. Pure.
 */

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** The week as a customer reads it: Monday first. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const DAY_NAMES: Record<Lang, readonly string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
/** How far a nearest open day is looked for. */
const LOOK_DAYS = 7;

export const DAY_CLOSED: Record<Lang, string> = {
  es: 'El {day} estamos cerrados 🙏 Nuestro horario: {hours}. ¿Qué otro día te sirve?',
  en: "We're closed on {day} 🙏 Our hours: {hours}. Which other day works for you?",
};

const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();
const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Whether the business is closed on `date` (`YYYY-MM-DD`): its weekday has no hours, or it is one of
 * `closedDates` (holidays: `MM-DD` every year, `YYYY-MM-DD` once); false when its hours are not known.
 */
export function closedOn(hours: OpeningHours | undefined, date: string, closedDates: readonly string[] = []): boolean {
  return hours !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && (hours[DAYS[weekday(date)]!] === null || closedDates.some((d) => d === date || d === date.slice(5)));
}

/** The open days nearest a closed `date`: the one before it (if not before `today`) and the one after it. */
export function nearestOpenDays(hours: OpeningHours, date: string, today: string, closedDates: readonly string[] = []): string[] {
  const near: string[] = [];
  for (let n = 1; n <= LOOK_DAYS; n++) {
    const before = addDays(date, -n);
    if (before < today) break;
    if (!closedOn(hours, before, closedDates)) {
      near.push(before);
      break;
    }
  }
  for (let n = 1; n <= LOOK_DAYS; n++) {
    const after = addDays(date, n);
    if (!closedOn(hours, after, closedDates)) {
      near.push(after);
      break;
    }
  }
  return near;
}

/** The week's hours in one line, days with the same hours together: "lunes a miércoles de 9:00 a. m. a 7:00 p. m.; …". */
export function weekHoursLine(hours: OpeningHours, lang: Lang): string {
  const groups: { from: number; to: number; open: string; close: string }[] = [];
  for (const d of WEEK) {
    const h = hours[DAYS[d]!];
    if (!h) continue;
    const last = groups.at(-1);
    if (last && last.open === h.open && last.close === h.close && WEEK.indexOf(last.to as (typeof WEEK)[number]) === WEEK.indexOf(d) - 1) last.to = d;
    else groups.push({ from: d, to: d, open: h.open, close: h.close });
  }
  const names = DAY_NAMES[lang];
  return groups
    .map((g) => {
      const span = WEEK.indexOf(g.to as (typeof WEEK)[number]) - WEEK.indexOf(g.from as (typeof WEEK)[number]);
      const days = span === 0 ? names[g.from]! : span === 1 ? `${names[g.from]} ${lang === 'es' ? 'y' : 'and'} ${names[g.to]}` : `${names[g.from]} ${lang === 'es' ? 'a' : 'to'} ${names[g.to]}`;
      const open = spokenTime(g.open, lang)!;
      const close = spokenTime(g.close, lang)!;
      return lang === 'es' ? `${days} de ${open} a ${close}` : `${days} ${open}–${close}`;
    })
    .join('; ');
}

/** The business's local date at `nowMs`. */
export function localToday(nowMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs));
}

/** The reply to a closed day asked: it is closed, the week's hours, and the nearest open days as buttons. */
export function closedDayReply(run: WorkflowRun, closed: { date: string; near: string[] }, lang: Lang): WorkflowReply {
  const hours = run.spec.openingHours!;
  const said = text(run.spec.texts?.dayClosed ?? DAY_CLOSED, lang, { day: spokenDate(closed.date, lang) ?? closed.date, hours: weekHoursLine(hours, lang) }, run);
  const options = closed.near.map((d) => spokenDate(d, lang) ?? d).map((label) => ({ label, text: label }));
  return { text: said, ...(options.length ? { options } : {}) };
}
