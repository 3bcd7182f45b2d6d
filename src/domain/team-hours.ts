/**
 * When the tenant's people answer (`store.json` `teamHours`): a weekly timetable in the tenant's
 * IANA time zone plus closed dates (holidays). Pure date arithmetic on epoch milliseconds, correct
 * across DST changes (each local wall time is converted with the zone's offset at that moment).
 * Used by the handoff reply outside hours, the console inbox and the SLA scan.
 */
import type { Lang } from './nlu.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM`, 24-hour clock; `close` may be `24:00` (midnight at the end of the day). */
export interface DayHours {
  open: string;
  close: string;
}

export interface TeamHours {
  /** A day without hours (`null`) is closed all day. */
  weekly: Record<Weekday, DayHours | null>;
  /** `YYYY-MM-DD` local dates on which nobody answers (holidays). */
  closedDates?: string[];
}

/** Open now (until `closesAt`), or closed until `opensAt` (epoch ms). */
export type TeamWindow = { open: true; closesAt: number } | { open: false; opensAt: number };

/** How far ahead an opening is looked for; a timetable never open in that span reads as always open. */
const LOOKAHEAD_DAYS = 21;
const MINUTE = 60_000;

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partsFormat.set(timeZone, f);
  }
  return f;
}

type WallClock = Readonly<{ year: number; month: number; day: number; hour: number; minute: number; second: number }>;

/**
 * The last reading per zone, by whole second (the parts have no milliseconds): the turns of one
 * second ask for the same wall clock, and `formatToParts` is the costly part of an hours answer.
 */
const lastParts = new Map<string, { second: number; parts: WallClock }>();

/** The wall clock in `timeZone` at `at`. */
export function localParts(at: number, timeZone: string): WallClock {
  const second = Math.floor(at / 1000);
  const last = lastParts.get(timeZone);
  if (last !== undefined && last.second === second) return last.parts;
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  const parts: WallClock = Object.freeze({ year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! });
  lastParts.set(timeZone, { second, parts });
  return parts;
}

/** The zone's offset from UTC at `at`, in ms (Santo Domingo: -4 h). */
function offsetAt(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/** The instant a local wall time happens in `timeZone` (a time skipped by DST lands just after the gap). */
export function zonedTime(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day) + minutes * MINUTE;
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const isoDay = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Whether the team answers at `at`, and until when / from when. */
export function teamWindow(hours: TeamHours, timeZone: string, at: number): TeamWindow {
  const today = localParts(at, timeZone);
  const closed = new Set(hours.closedDates ?? []);
  for (let offset = 0; offset < LOOKAHEAD_DAYS; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const day = hours.weekly[WEEKDAYS[(date.getUTCDay() + 6) % 7]!];
    if (!day || closed.has(isoDay(y, m, d))) continue;
    const opens = zonedTime(y, m, d, minutesOf(day.open), timeZone);
    const closes = zonedTime(y, m, d, minutesOf(day.close), timeZone);
    if (at < opens) return { open: false, opensAt: opens };
    if (at < closes) return { open: true, closesAt: closes };
  }
  return { open: true, closesAt: Number.POSITIVE_INFINITY };
}

/** When an SLA that starts at `at` starts counting: `at` itself while open, else the next opening. */
export function serviceStart(hours: TeamHours | null | undefined, timeZone: string, at: number): number {
  if (!hours) return at;
  const w = teamWindow(hours, timeZone, at);
  return w.open ? at : w.opensAt;
}

/** Weekday names, Monday first, as customers read them. */
export const DAY_NAMES: Record<Lang, readonly string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
/** Month names, January first. */
export const MONTHS: Record<Lang, readonly string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `8:00` from `08:00` (the way people write times in both languages). */
const clock = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

/**
 * The weekly timetable in words, consecutive days with the same hours grouped:
 * "de lunes a sábado 8:00–18:00" / "Monday to Saturday 8:00–18:00"; "; " between groups.
 */
export function describeTeamHours(hours: TeamHours, lang: Lang): string {
  const groups: { from: number; to: number; day: DayHours }[] = [];
  WEEKDAYS.forEach((wd, i) => {
    const day = hours.weekly[wd];
    if (!day) return;
    const last = groups[groups.length - 1];
    if (last && last.to === i - 1 && last.day.open === day.open && last.day.close === day.close) last.to = i;
    else groups.push({ from: i, to: i, day });
  });
  const names = DAY_NAMES[lang];
  return groups
    .map(({ from, to, day }) => {
      const span = `${clock(day.open)}–${clock(day.close)}`;
      // Spanish plurals: "los lunes", "los sábados"; English: "Sundays".
      if (from === to) return lang === 'es' ? `los ${names[from]}${from >= 5 ? 's' : ''} ${span}` : `${names[from]}s ${span}`;
      if (to === from + 1) return lang === 'es' ? `${names[from]} y ${names[to]} ${span}` : `${names[from]} and ${names[to]} ${span}`;
      return lang === 'es' ? `de ${names[from]} a ${names[to]} ${span}` : `${names[from]} to ${names[to]} ${span}`;
    })
    .join('; ');
}

/**
 * When the team answers again, seen from `now`: "hoy a partir de las 8:00", "mañana a partir de las
 * 8:00", "el lunes a partir de las 8:00", "el lunes 28 de diciembre a partir de las 8:00" (a week or
 * more away); English "today from 8:00", "tomorrow from 8:00", "on Monday from 8:00".
 */
export function describeOpening(opensAt: number, now: number, timeZone: string, lang: Lang): string {
  const a = localParts(now, timeZone);
  const b = localParts(opensAt, timeZone);
  const days = Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
  const time = `${b.hour}:${String(b.minute).padStart(2, '0')}`;
  const weekday = DAY_NAMES[lang][(new Date(Date.UTC(b.year, b.month - 1, b.day)).getUTCDay() + 6) % 7]!;
  if (lang === 'es') {
    const at = `a partir de las ${time}`.replace('las 1:', 'la 1:');
    if (days <= 0) return `hoy ${at}`;
    if (days === 1) return `mañana ${at}`;
    if (days < 7) return `el ${weekday} ${at}`;
    return `el ${weekday} ${b.day} de ${MONTHS.es[b.month - 1]} ${at}`;
  }
  if (days <= 0) return `today from ${time}`;
  if (days === 1) return `tomorrow from ${time}`;
  if (days < 7) return `on ${weekday} from ${time}`;
  return `on ${weekday}, ${MONTHS.en[b.month - 1]} ${b.day} from ${time}`;
}
