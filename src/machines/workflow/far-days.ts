import type { Lang } from '../../domain/nlu.js';
import type { WorkflowReply, WorkflowRun } from './run-types.js';
import { runText as text } from './run-text.js';
import { DEFAULT_BOOKING_HORIZON_DAYS } from './workflow-spec.js';
import { spokenDate } from './spoken-dates.js';

/**
 * Days beyond the booking horizon: a receptionist books a few months ahead, not in the year 9999.
 * A day asked past `today + bookingHorizonDays` (workflows.json, tenant data carried by the run's
 * spec) is not taken: the next question says how far bookings go, with the last bookable day and a
 * person offered for the later date — never free times the backend would then refuse. Pure.
 */

export const DAY_TOO_FAR: Record<Lang, string> = {
  es: 'Reservamos citas hasta {days} días por adelantado, o sea hasta el {last} 🙏 Para el {day} una persona del equipo te puede ayudar. ¿Te sirve una fecha más cercana?',
  en: 'We book up to {days} days ahead, that is until {last} 🙏 For {day} a person on our team can help you. Would a nearer date work?',
};

/** The buttons under it: a person, in the words that hand the conversation over. */
const PERSON: Record<Lang, { label: string; text: string }> = {
  es: { label: 'Hablar con una persona', text: 'quiero hablar con una persona' },
  en: { label: 'Talk to a person', text: 'I want to talk to a person' },
};

const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The last day that can be booked from `today` (`YYYY-MM-DD`). */
export function lastBookableDay(today: string, horizonDays: number): string {
  return addDays(today, horizonDays);
}

/** Whether `date` lies past the horizon counted from `today`; false when the spec names no horizon. */
export function beyondHorizon(horizonDays: number | undefined, date: string, today: string): boolean {
  return horizonDays !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > lastBookableDay(today, horizonDays);
}

/** "viernes 10 de diciembre de 2027": a day of another year says its year. */
function withYear(date: string, today: string, lang: Lang): string {
  const spoken = spokenDate(date, lang);
  if (spoken === null) return date;
  return date.slice(0, 4) === today.slice(0, 4) ? spoken : `${spoken}${lang === 'es' ? ' de ' : ', '}${date.slice(0, 4)}`;
}

/** The reply to a day past the horizon: how far bookings go, and a person for that date. */
export function farDayReply(run: WorkflowRun, far: { date: string; last: string; today: string }, lang: Lang): WorkflowReply {
  const days = String(run.spec.bookingHorizonDays ?? DEFAULT_BOOKING_HORIZON_DAYS);
  const said = text(run.spec.texts?.dayTooFar ?? DAY_TOO_FAR, lang, { day: withYear(far.date, far.today, lang), last: withYear(far.last, far.today, lang), days }, run);
  return { text: said, options: [PERSON[lang]] };
}
