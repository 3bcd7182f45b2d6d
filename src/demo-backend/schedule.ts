import { DAYS, type Day, type Seed, type Service, type StaffMember } from './seed.js';

/**
 * Slot arithmetic of the studio: the day is cut into cells of `slotMinutes`; a service takes as
 * many consecutive cells of one staff member as its duration needs, inside the opening hours of a
 * day that member works. A slot id names the staff member, the local date and the start time
 * (`yahaira.2026-12-05.10:30`), so it can be booked without a lookup table.
 */
export interface Slot {
  slotId: string;
  staffId: string;
  date: string;
  /** Local time `HH:MM` in the studio's time zone. */
  time: string;
  /** ISO instants. */
  start: string;
  end: string;
}

const SLOT_ID = /^([a-z0-9][a-z0-9-]{0,40})\.(\d{4}-\d{2}-\d{2})\.([01]\d|2[0-3]):([0-5]\d)$/;

export function parseSlotId(slotId: string): { staffId: string; date: string; minutes: number } | null {
  const m = SLOT_ID.exec(slotId);
  if (!m) return null;
  if (Number.isNaN(Date.parse(`${m[2]}T00:00:00Z`))) return null;
  return { staffId: m[1]!, date: m[2]!, minutes: Number(m[3]) * 60 + Number(m[4]) };
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The weekday of a calendar date (the date itself, no time zone involved). */
export function dayOf(date: string): Day {
  return DAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

/** The offset of `timeZone` from UTC at instant `utcMs`, in ms (positive east of Greenwich). */
function offsetMs(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(utcMs);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant of a local date and time in `timeZone`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  return guess - offsetMs(timeZone, guess);
}

/** Today's local date in `timeZone`. */
export function localDate(utcMs: number, timeZone: string): string {
  return new Date(utcMs + offsetMs(timeZone, utcMs)).toISOString().slice(0, 10);
}

/** Whether `date` is one of the studio's holidays (`closedDates`: `MM-DD` yearly or `YYYY-MM-DD`). */
export function closedHoliday(seed: Seed, date: string): boolean {
  return seed.business.closedDates.some((d) => d === date || d === date.slice(5));
}

/** Cells (`staffId.date.HH:MM`) a service starting at `minutes` occupies; null when it does not fit that day for that member. */
export function cellsFor(seed: Seed, staff: StaffMember, service: Service, date: string, minutes: number): string[] | null {
  const { slotMinutes, hours } = seed.business;
  const day = dayOf(date);
  const open = hours[day];
  if (!open || closedHoliday(seed, date) || !staff.days.includes(day) || !staff.serviceIds.includes(service.id)) return null;
  if (minutes % slotMinutes !== 0) return null;
  const cells = Math.ceil(service.durationMin / slotMinutes);
  if (minutes < toMinutes(open.open) || minutes + cells * slotMinutes > toMinutes(open.close)) return null;
  return Array.from({ length: cells }, (_, i) => `${staff.id}.${date}.${hhmm(minutes + i * slotMinutes)}`);
}

/**
 * Every start of `service` on `date` (optionally with one staff member) whose cells are all free
 * and that starts after `nowMs`.
 */
export function freeSlots(seed: Seed, input: { service: Service; date: string; staffId?: string; taken: ReadonlySet<string>; nowMs: number }): Slot[] {
  const { slotMinutes, hours, timeZone } = seed.business;
  const open = hours[dayOf(input.date)];
  if (!open || closedHoliday(seed, input.date)) return [];
  const out: Slot[] = [];
  for (const staff of seed.staff) {
    if (input.staffId !== undefined && staff.id !== input.staffId) continue;
    for (let m = toMinutes(open.open); m < toMinutes(open.close); m += slotMinutes) {
      const cells = cellsFor(seed, staff, input.service, input.date, m);
      if (!cells || cells.some((c) => input.taken.has(c))) continue;
      const start = zonedInstant(input.date, m, timeZone);
      if (start <= input.nowMs) continue;
      out.push({ slotId: `${staff.id}.${input.date}.${hhmm(m)}`, staffId: staff.id, date: input.date, time: hhmm(m), start: new Date(start).toISOString(), end: new Date(start + input.service.durationMin * 60_000).toISOString() });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.staffId.localeCompare(b.staffId));
}
