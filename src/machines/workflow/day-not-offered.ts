import type { Lang } from '../../domain/nlu.js';
import type { OptionSource } from './workflow-spec.js';
import { pick } from './run-values.js';
import type { WorkflowReply, WorkflowRun } from './run-types.js';

/**
 * "Quiero mover mi facial para el martes" when nobody does facials on Tuesdays: the free-times list
 * is empty, and the runner said "No me quedan horarios libres el martes" as if the day were booked
 * up. A receptionist says the service is not done that weekday and names the days it is. The days
 * come from the backend's answer (`options.days`: the field listing them, `mon` … `sun`). Pure.
 */

const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Monday first, as a customer reads the week. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const NAMES: Record<Lang, readonly string[]> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
/** "los martes", "los sábados": the weekday as a habit. */
const plural = (name: string): string => (name.endsWith('s') ? name : `${name}s`);

const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** A date's weekday as its key (`mon` … `sun`) and as a habit ("los lunes" → "lunes", plural), or null for no date. */
export function weekdayOfDate(date: string, lang: Lang): { key: string; habit: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const wd = weekdayOf(date);
  return { key: KEYS[wd]!, habit: lang === 'es' ? plural(NAMES.es[wd]!) : `${NAMES.en[wd]!}s` };
}

/** Weekday keys said as a list, Monday first: "lunes, miércoles y viernes". */
export function weekdaysSaid(days: readonly string[], lang: Lang): string {
  const open = WEEK.filter((d) => days.includes(KEYS[d])).map((d) => NAMES[lang][d]!);
  return open.length > 1 ? `${open.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${open.at(-1)}` : (open[0] ?? '');
}

/** The reply for an empty list of times on `day` when the thing is not done that weekday at all, else null. */
export function notDoneOn(run: WorkflowRun, source: OptionSource, answer: unknown, day: string, lang: Lang): WorkflowReply | null {
  if (!source.days || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const days = pick(answer, source.days);
  if (!Array.isArray(days) || days.length === 0) return null;
  const wd = weekdayOf(day);
  if (days.includes(KEYS[wd])) return null;
  const list = weekdaysSaid(days as string[], lang);
  const service = run.spec.slots.find((s) => s.kind === 'service');
  const name = service ? run.labels[service.name] : undefined;
  const weekday = NAMES[lang][wd]!;
  const text =
    lang === 'es'
      ? `${name ? `*${name}*` : 'Ese servicio'} no lo hacemos los ${plural(weekday)} 🙏 Lo hacemos ${list}. ¿Qué otro día te sirve?`
      : `We don't do ${name ? `*${name}*` : 'that service'} on ${weekday}s 🙏 We do it on ${list}. Which other day works for you?`;
  return { text };
}
