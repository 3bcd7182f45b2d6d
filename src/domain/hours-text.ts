/**
 * Reads a branch's opening hours as the store writes them for customers ("Lunes a sábado de
 * 7:30 a. m. a 6:00 p. m.; domingos cerrado", "Monday to Friday 8:00 AM – 6:00 PM; closed on
 * Sundays") into hours per day, so a tenant's data can be checked at load time: the text a customer
 * reads and the structured `openingHours` the day answers use must say the same.
 */

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];
export type DaySpan = { open: string; close: string } | null;
export type WeekHours = Record<WeekDay, DaySpan>;

const DAY_NAMES: readonly [RegExp, WeekDay][] = [
  [/^(?:lunes|mondays?|mon)$/, 'mon'],
  [/^(?:martes|tuesdays?|tue|tues)$/, 'tue'],
  [/^(?:miercoles|wednesdays?|wed)$/, 'wed'],
  [/^(?:jueves|thursdays?|thu|thurs)$/, 'thu'],
  [/^(?:viernes|fridays?|fri)$/, 'fri'],
  [/^(?:sabados?|saturdays?|sat)$/, 'sat'],
  [/^(?:domingos?|sundays?|sun)$/, 'sun'],
];
const EVERY_DAY = /\b(?:todos los dias|diario|every day|everyday|daily)\b/;
const CLOSED = /\b(?:cerrad[oa]s?|closed)\b/;
const RANGE = /^\s*(?:a|al|hasta|to|through|thru|-|–|—)\s*$/;
const TIME = /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)?(?![\d:])/g;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b([ap])\.?\s?m\b\.?/g, '$1m');
}

/** "7:30 am" → "07:30", "6 pm" → "18:00", "12:30 pm" → "12:30", "12 am" (as a close) → "24:00". */
function clock(h: number, m: number, half: string | undefined, closing: boolean): string | null {
  if (h > 24 || m > 59) return null;
  let hour = h;
  if (half === 'pm' && h < 12) hour += 12;
  if (half === 'am' && h === 12) hour = closing ? 24 : 0;
  return `${String(hour).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The days one part of the text names: "lunes a sábado", "jueves y viernes", "domingos". */
function daysOf(part: string): WeekDay[] {
  if (EVERY_DAY.test(part)) return [...WEEK_DAYS];
  const found: { day: WeekDay; start: number; end: number }[] = [];
  for (const m of part.matchAll(/[a-z]+/g)) {
    const day = DAY_NAMES.find(([re]) => re.test(m[0]))?.[1];
    if (day) found.push({ day, start: m.index, end: m.index + m[0].length });
  }
  const days: WeekDay[] = [];
  for (let i = 0; i < found.length; i++) {
    const here = found[i]!;
    const next = found[i + 1];
    if (next && RANGE.test(part.slice(here.end, next.start))) {
      const from = WEEK_DAYS.indexOf(here.day);
      const to = WEEK_DAYS.indexOf(next.day);
      for (let d = from; ; d = (d + 1) % 7) {
        days.push(WEEK_DAYS[d]!);
        if (d === to) break;
      }
      i++;
    } else days.push(here.day);
  }
  return days;
}

/**
 * The hours a text gives per day (a day it does not name is closed), or what could not be read.
 *
 * @example
 * readHoursText('Lunes a viernes de 8:00 a. m. a 6:00 p. m.; sábados de 8:00 a. m. a 2:00 p. m.')
 * // { hours: { mon: { open: '08:00', close: '18:00' }, …, sat: { open: '08:00', close: '14:00' }, sun: null } }
 */
export function readHoursText(text: string): { hours: WeekHours } | { unreadable: string } {
  const hours: WeekHours = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
  const parts = normalise(text)
    .split(/[;\n]|\.\s/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  for (const part of parts) {
    const days = daysOf(part);
    const times = [...part.matchAll(TIME)];
    if (days.length === 0) return { unreadable: part };
    if (times.length === 0 && CLOSED.test(part)) {
      for (const d of days) hours[d] = null;
      continue;
    }
    if (times.length !== 2) return { unreadable: part };
    const [a, b] = times as [RegExpMatchArray, RegExpMatchArray];
    const close = clock(Number(b[1]), Number(b[2] ?? 0), b[3], true);
    // "de 2 a 6 p. m.": an opening without its half of the day takes the closing's, unless that opens after closing ("9 – 7 p. m.").
    let open = clock(Number(a[1]), Number(a[2] ?? 0), a[3] ?? b[3], false);
    if (a[3] === undefined && b[3] === 'pm' && open !== null && close !== null && open >= close) open = clock(Number(a[1]), Number(a[2] ?? 0), 'am', false);
    if (open === null || close === null) return { unreadable: part };
    for (const d of days) hours[d] = { open, close };
  }
  return { hours };
}

const span = (d: DaySpan): string => (d === null ? 'closed' : `${d.open}–${d.close}`);

/**
 * Where a branch's written hours disagree with its structured ones, one sentence per day (empty:
 * they agree), or the part of the text that could not be read.
 */
export function hoursTextDisagreements(text: string, weekly: WeekHours): string[] {
  const read = readHoursText(text);
  if ('unreadable' in read) return [`could not read the hours in "${read.unreadable}" (write days and two times, e.g. "lunes a viernes de 8:00 a. m. a 6:00 p. m.")`];
  return WEEK_DAYS.filter((d) => span(read.hours[d]) !== span(weekly[d])).map((d) => `${d}: the text says ${span(read.hours[d])}, openingHours says ${span(weekly[d])}`);
}
