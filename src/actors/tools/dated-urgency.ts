/**
 * The lead's urgency from a date the customer names ("antes de navidad", "para el 15", "antes de
 * que empiecen las clases en enero", "by December 20th"), counted from the tenant's own today. The
 * brain reads words without a calendar ("en enero" is months away to it, said in November or in
 * December alike); a clerk counts the days. The levels keep the form's definitions
 * (`brain/rule/time-spans.ts`): within a week *Alto*; within about a month *Medio* (the end of the
 * month and Christmas a month ahead have always been *Medio*); later *Bajo*. A date after which
 * something happens ("después de navidad") is no deadline: the brain's reading stands.
 *
 * A month said relative to today ("el mes que viene", "next month", "empezamos el mes que viene") is
 * a span like "en un mes" (`time-spans.ts`), counted by the calendar: the days to its middle (next
 * month's 15th; "a principios del mes que viene" / "early next month" its 5th, "a finales" / "late
 * next month" its 25th), levelled as a span is (within a week *Alto*, within three weeks *Medio*,
 * later *Bajo*). So "next month" is *Bajo* most of a month and *Medio* in its last week or so (said
 * on 28 December it is days away). "este mes", "this month", "a fin de mes" are a deadline: this
 * month's last day (*Medio*; *Alto* in its last week). Weeks ("la semana que viene") keep the brain's
 * level: the calendar would move them by a day or two at most.
 */
import type { UrgencyLevel } from '../../domain/lead.js';
import { localParts } from '../../domain/team-hours.js';
import type { Expectation, Understanding } from '../../domain/understanding.js';
import { fold } from '../brain/rule/text.js';
import { holidayDate, MONTH_NUMBERS, MONTH_WORDS, nextDate, type CalendarDay } from './opening-days.js';

const DAY_MS = 86_400_000;
const utc = (d: CalendarDay): number => Date.UTC(d.year, d.month - 1, d.day);

/** Words that make a date a deadline ("antes de", "para", "by"). */
const BY = '(?:antes de(?:l| la| el)?|antes que|before|by|para(?: el| la)?|pal|pa(?: el| la)?|for|in time for|hasta(?: el| la)?|until|no mas tarde del?|no later than)';
/** Month names written out ("mar", "jun", "dec" are words of their own too). */
const FULL_MONTH = Object.keys(MONTH_NUMBERS).filter((m) => m.length >= 4 || m === 'may').join('|');
const HOLIDAY_WORDS = '(?:navidad(?:es)?|noche ?buena|christmas(?: eve| day)?|xmas|ano nuevo|new years?|fin de ano|(?:dia de )?reyes|semana santa|holy week|easter)';

/** A date after which something happens: not a deadline. */
const AFTER = new RegExp(`\\b(?:despues de(?:l| la| el)?|after|a partir de(?:l| la| el)?|desde(?: el| la)?|from|since)\\s+(?:(?:la|el|las|los|the)\\s+)?(?:\\d|${HOLIDAY_WORDS}|${FULL_MONTH})`);
const HOLIDAY_BY = new RegExp(`\\b${BY} (?:(?:la|el|las|los|the) )?${HOLIDAY_WORDS}\\b`);
/** "15 de enero", "the 20th of December", "December 20". */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|ro|ero)? (?:de |of )?(${MONTH_WORDS})\\b|\\b(${FULL_MONTH}) (\\d{1,2})(?:st|nd|rd|th)?\\b`);
/** "para el 15", "antes del 20", "by the 15th", "on the 19th", "la boda del sábado 19", "Saturday the 19th": a day of this month (else the next). */
const DAY_ALONE = /\b(?:para el|pal|pa el|antes del|el dia|by the|before the|for the|until the|hasta el|no mas tarde del|(?:es|sera|seria) el|on the(?= \d{1,2}(?:st|nd|rd|th)\b)|(?:is|it s|it is) on the|(?:para |antes |hasta )?(?:el|del|este|on|by|before|for|this)? ?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: the)?) (\d{1,2})(?:st|nd|rd|th|ro)?\b(?! (?:de |of )?(?:pulgadas?|libras?|galones?|metros?|pies?|sacos?|dias?|semanas?|inch\w*|pounds?|gallons?|feet|foot|bags?|days?|weeks?|unidades?|units?|por ciento|percent))/;
/** A month named: as a deadline or its beginning (its first day), in it (its middle), at its end. */
const MONTH_SAID = new RegExp(
  `\\b(?:(${BY}|antes de que [a-z ]{0,50}? (?:en|in)|before [a-z ]{0,50}? in|a principios de|a inicios de|principios de|inicios de|early|at the beginning of|beginning of|the start of)|(en|in|durante|during|a mediados de|mediados de|mid|in the middle of)|(a finales de|finales de|a fines de|fines de|late|at the end of|the end of))(?: (?:del|de|el|la|of))? (${FULL_MONTH})\\b`,
);

/** Next month, as a deadline or its beginning, in it, or at its end ("a finales del mes que viene", "late next month"). */
const NEXT_MONTH = /\b(?:(a principios|a inicios|principios|inicios|early|at the beginning of|the beginning of|the start of)|(a mediados|mediados|mid|in the middle of|the middle of)|(a finales|a fines|finales|fines|late|at the end of|the end of|end of))?(?: (?:del|de|of))?(?: (?:el|la|the))? ?(?:mes que viene|proximo mes|mes proximo|mes entrante|next month|following month)\b/;
/** This month, by its end: "este mes", "this month", "a fin de mes", "by the end of the month", "antes de que termine el mes". */
const THIS_MONTH = /\b(?:(?:para |pa |en |by |within |in |during )?(?:este|this) mes|this month|(?:a )?(?:fin|final|finales|fines|end) (?:de |del |of )?(?:este |the |this |el )?(?:mes|month)|antes de que (?:se )?(?:termine|acabe) (?:el|este) mes|before the (?:end of the )?month (?:is over|ends)?)\b/;
/** This year, by its end: "antes de que termine el año", "a finales de año", "by the end of the year". */
const THIS_YEAR_END = /\b(?:(?:a )?(?:fin|final|finales|fines) (?:de |del )?(?:este )?ano|(?:antes de que )?(?:se )?(?:termine|acabe) (?:el|este) ano|(?:the )?end of (?:the|this) year|(?:this )?year end|before the year (?:is over|ends))\b/;
/** The Christmas break, when schools and offices do their works. */
const CHRISTMAS_BREAK = /\b(?:vacaciones (?:escolares )?(?:de |del )?(?:navidad|diciembre|fin de ano)|(?:christmas|xmas|holiday|winter) (?:break|holidays|vacation|recess))\b/;
/** "a partir del mes que viene", "after next month": no deadline. */
const AFTER_MONTH = /\b(?:despues del?|after|a partir del?|desde (?:el|este)|from|since|starting) (?:el |this |the )?(?:mes que viene|proximo mes|mes proximo|mes entrante|next month|following month|este mes|this month)\b/;
/** Words that want it now, whatever date the message also names. */
const NOW_SAID = /\b(?:urgen\w*|ya mismo|lo necesito ya|necesitamos ya|para ya|hoy|ahora|ahorita|cuanto antes|lo antes posible|asap|as soon as possible|right away|right now|immediately|today|ya)\b/;
/** "no es para este mes": this month denied, no deadline. */
const NOT_THIS_MONTH = /\bno (?:es )?(?:para )?(?:este mes|this month)\b|\bnot (?:for )?this month\b/;

/**
 * A weekday named as when it is wanted ("para entregar el lunes", "pal viernes", "by Monday", "on
 * Friday"): within the week, whichever day it is said on.
 */
const WEEKDAY_BY =
  /\b(?:para el|pal|pa el|antes del|el|este|el proximo|el otro|by|on|for|before|this|next|until|hasta el)\s+(lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
const WEEKDAYS: Readonly<Record<string, number>> = { domingo: 0, sunday: 0, lunes: 1, monday: 1, martes: 2, tuesday: 2, miercoles: 3, wednesday: 3, jueves: 4, thursday: 4, viernes: 5, friday: 5, sabado: 6, saturday: 6 };

/** The month after today's, on its `day`. */
const nextMonthOn = (today: CalendarDay, day: number): CalendarDay => {
  const at = new Date(Date.UTC(today.year, today.month, day));
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
};

/** A day of the month said bare ("el 19", "para la boda el 19", "the 19th"): a deadline only where when it is needed was asked. */
const BARE_DAY = /\b(?:el|the) (\d{1,2})(?:st|nd|rd|th|ro)?\b(?! (?:de |of )?(?:pulgadas?|libras?|galones?|metros?|pies?|sacos?|dias?|semanas?|inch\w*|pounds?|gallons?|feet|foot|bags?|days?|weeks?|unidades?|units?|por ciento|percent))/;

/** The deadline a message names, in the tenant's calendar from `today`; null when it names none. */
function deadlineOf(f: string, today: CalendarDay, asked = false): CalendarDay | null {
  if (AFTER.test(f) || AFTER_MONTH.test(f)) return null;
  // "queremos pintar la escuela en las vacaciones de navidad": the work starts with the break (about the 20th of December).
  if (CHRISTMAS_BREAK.test(f)) return today.month === 12 && today.day > 20 ? today : nextDate(today, 12, 20);
  if (THIS_YEAR_END.test(f)) return { year: today.year, month: 12, day: 31 };
  if (THIS_MONTH.test(f) && !NOT_THIS_MONTH.test(f)) return { ...today, day: new Date(Date.UTC(today.year, today.month, 0)).getUTCDate() };
  const holiday = HOLIDAY_BY.exec(f);
  // "before New Year": the holiday's own name ("new year's"), said without its "'s".
  if (holiday) return holidayDate(f.slice(holiday.index).replace(/\bnew year\b(?! s)/, 'new years'), today);
  const dayMonth = DAY_MONTH.exec(f);
  if (dayMonth) return dayMonth[1] !== undefined ? nextDate(today, MONTH_NUMBERS[dayMonth[2]!]!, Number(dayMonth[1])) : nextDate(today, MONTH_NUMBERS[dayMonth[3]!]!, Number(dayMonth[4]));
  const dayAlone = DAY_ALONE.exec(f) ?? (asked ? BARE_DAY.exec(f) : null);
  if (dayAlone) {
    const n = Number(dayAlone[1]);
    if (n < 1 || n > 31) return null;
    // This month's, else the next month's ("para el 5" on the 22nd is the 5th of next month).
    for (let k = 0; k < 3; k++) {
      const at = new Date(Date.UTC(today.year, today.month - 1 + k, n));
      if (at.getUTCDate() === n && at.getTime() >= utc(today)) return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: n };
    }
    return null;
  }
  const weekday = WEEKDAY_BY.exec(f);
  if (weekday) {
    // The next such day (a week on when it is today's).
    const ahead = (WEEKDAYS[weekday[1]!]! - new Date(utc(today)).getUTCDay() + 7) % 7 || 7;
    const at = new Date(utc(today) + ahead * DAY_MS);
    return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
  }
  const month = MONTH_SAID.exec(f);
  if (month) {
    const m = MONTH_NUMBERS[month[4]!]!;
    // The month we are in: by its end.
    if (m === today.month) return { ...today, day: new Date(Date.UTC(today.year, m, 0)).getUTCDate() };
    return nextDate(today, m, month[1] !== undefined ? 1 : month[2] !== undefined ? 15 : 25);
  }
  return null;
}

/**
 * The urgency of a deadline named in `text`, counted from `now` in `timeZone`; undefined when no date
 * is named. `asked`: the answer to "¿para cuándo?" / the urgency, where a bare day ("el 19") is one.
 */
export function urgencyByDate(text: string, now: number, timeZone: string, asked = false): UrgencyLevel | undefined {
  const f = fold(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  const p = localParts(now, timeZone);
  const today: CalendarDay = { year: p.year, month: p.month, day: p.day };
  // "el mes que viene": a span, levelled by the days to its middle as "en 3 semanas" is.
  const next = AFTER.test(f) || AFTER_MONTH.test(f) ? null : NEXT_MONTH.exec(f);
  if (next) {
    const days = Math.round((utc(nextMonthOn(today, next[1] !== undefined ? 5 : next[3] !== undefined ? 25 : 15)) - utc(today)) / DAY_MS);
    return days <= 7 ? 'Alto' : days <= 21 ? 'Medio' : 'Bajo';
  }
  const deadline = deadlineOf(f, today, asked);
  if (deadline === null) return undefined;
  const days = Math.round((utc(deadline) - utc(today)) / DAY_MS);
  return days <= 7 ? 'Alto' : days <= 35 ? 'Medio' : 'Bajo';
}

/**
 * The reading with its urgency counted from the tenant's calendar when the message names a
 * deadline: where the reading says when the lead is needed, answers the urgency question ("para
 * el 15", which the brain cannot level without a date) or tells it at the summary.
 */
export function readingWithDatedUrgency<T extends Understanding>(reading: T, text: string, expecting: Expectation | undefined, now: number, timeZone: string): T {
  // A lead's opening that names when ("…en las vacaciones de navidad", "we start next month"): its urgency, as a clerk writes it.
  // ...or more of the need told where another question is asked ("son 12 aulas, lo necesitamos antes de que empiecen las clases en enero").
  const said = reading.urgency !== undefined || typeof reading.leadFields.urgency_level === 'string' || (reading.nlu?.intent.name === 'sales_lead' && expecting?.kind !== 'lead_field') || (expecting?.kind === 'lead_field' && reading.addsToNeed === true);
  const asked = expecting?.kind === 'lead_field' && expecting.field === 'urgency_level';
  // "empezamos a vaciar el 4 de enero" at the summary: when it is needed, told late (a question there is answered, not taken).
  const atSummary = expecting?.kind === 'lead_confirmation' && !text.includes('?');
  if (!said && !asked && !atSummary) return reading;
  const level = urgencyByDate(text, now, timeZone, asked);
  if (level === undefined || (level === reading.urgency && reading.leadFields.urgency_level === level)) return reading;
  // "empezamos el mes que viene pero el cemento lo necesito ya": the date is the project's, the need is now.
  if (reading.urgency === 'Alto' && level !== 'Alto' && NOW_SAID.test(fold(text))) return reading;
  return { ...reading, urgency: level, leadFields: { ...reading.leadFields, urgency_level: level } };
}
