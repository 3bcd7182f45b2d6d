/**
 * Times as the store keeps them: every time the console shows is written in the tenant's time
 * zone (tenant.json `timeZone`, sent with the session), whatever the agent's computer says, and
 * the page labels the zone when it differs from the browser's (an agent working from abroad, a
 * laptop left on another zone). Pure functions: the browser's zone is an argument.
 */
import type { Lang } from './wire.js';

const locale = (lang: Lang) => (lang === 'es' ? 'es-DO' : 'en-US');

/** The browser's IANA zone (`Intl`), or UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A zone `Intl` accepts, else UTC (an unknown zone must not break every time on the page). */
function usable(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** Whether two zones show the same wall clock at `at` (so a label would say nothing). */
export function sameWallClock(a: string, b: string, at = Date.now()): boolean {
  if (usable(a) === usable(b)) return true;
  const wall = (timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone: usable(timeZone), year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(at);
  return wall(a) === wall(b);
}

/** `14:05` (es) / `02:05 PM` (en) in the tenant's zone; '' for a bad timestamp. */
export function formatClock(iso: string, lang: Lang, timeZone: string | null): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', timeZone: usable(timeZone) }).format(date);
}

/** `lun, 8:00` — a weekday and time in the tenant's zone (the next opening of an after-hours handoff). */
export function formatWeekdayTime(iso: string, lang: Lang, timeZone: string | null): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone: usable(timeZone) }).format(date);
}

/** A full date and time in the tenant's zone, for a `title` (hover) on a short time. */
export function formatFull(iso: string, lang: Lang, timeZone: string | null): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: usable(timeZone) }).format(date);
}

/**
 * The zone's short name for the label ("America/Santo_Domingo" → "Santo Domingo") with its offset
 * ("GMT-4"), or null when the browser shows the same wall clock and no label is needed.
 */
export function zoneLabel(timeZone: string | null, browserZone: string, at = Date.now()): string | null {
  const zone = usable(timeZone);
  if (sameWallClock(zone, browserZone, at)) return null;
  const city = (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return offset && offset !== city ? `${city} (${offset})` : city;
}
