import type { Lang } from '../../domain/nlu.js';
import { extractDate, fold } from './slot-extractors.js';
import type { OptionItem, RunContext, WorkflowReply, WorkflowRun } from './run-types.js';
import type { WorkflowSlot } from './workflow-spec.js';
import { spokenDate } from './spoken-dates.js';

/**
 * "No voy a poder ir a mi cita de mañana" when the booking is on Saturday: a receptionist does not
 * cancel the Saturday one as if it were tomorrow's; she says there is none tomorrow, names the one
 * there is and asks. The day said in the message that starts a form with no day of its own to ask
 * (cancelling: the day names the booking, not a new day) is kept on the run; a booking listed on
 * that day is picked as before, none on it is said. Pure.
 */

const NONE_THAT_DAY: Record<Lang, string> = {
  es: 'No veo ninguna cita tuya para el {day}. Tienes: {options}',
  en: "I don't see a booking of yours on {day}. You have: {options}",
};

/** The run with the day its first message names, when the form asks no day itself. */
export function withDayNamed(run: WorkflowRun, ctx: RunContext): WorkflowRun {
  if (run.spec.slots.some((s) => s.kind === 'date')) return run;
  const day = extractDate(ctx.text, ctx.nowMs, ctx.timeZone, ctx.lang);
  return day ? { ...run, dayNamed: day } : run;
}

/** Whether an option is on `day`: its label, in either language, says that date. */
const onDay = (item: OptionItem, day: string): boolean =>
  (['es', 'en'] as const).some((l) => {
    const said = spokenDate(day, l);
    return said !== null && fold(item.local?.[l] ?? item.label).includes(fold(said));
  });

/**
 * The options listed for a choice against the day named: those on it (null: the usual reading
 * goes on), or, when none is, the reply saying so with what there is (no option is then taken by
 * itself, even the only one).
 */
export function dayNotListed(run: WorkflowRun, items: readonly OptionItem[], lang: Lang): WorkflowReply | null {
  const day = run.dayNamed;
  if (!day || items.length === 0 || items.some((i) => onDay(i, day))) return null;
  const options = items.map((i) => i.label).join(lang === 'es' ? '; ' : '; ');
  return { text: NONE_THAT_DAY[lang].replace('{day}', spokenDate(day, lang) ?? day).replace('{options}', options) };
}

/** The option a yes agrees to at a question: the free time proposed for a taken one, the day proposed for a weekday that was not its own, or the only option of a choice (the booking just named). */
export function agreedOption(run: WorkflowRun, asked: WorkflowSlot): OptionItem | undefined {
  const day = asked.kind === 'date' ? run.proposed?.[asked.name] : undefined;
  if (day !== undefined) return { value: day, label: day };
  const items = run.options[asked.name]?.items;
  if (asked.kind === 'time') return items?.find((i) => i.value === run.proposed?.[asked.name]);
  return asked.kind === 'choice' && items?.length === 1 ? items[0] : undefined;
}
