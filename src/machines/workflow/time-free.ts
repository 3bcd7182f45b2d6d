import type { Lang } from '../../domain/nlu.js';
import { runText as text } from './run-text.js';
import { spokenValue } from './spoken-dates.js';
import { BUILT_IN_TEXTS } from './run-builtin-texts.js';
import type { WorkflowReply, WorkflowRun } from './run-types.js';

/**
 * "¿Mañana a las 3 hay espacio?" (or "quiero un corte mañana a las 3"): a time told before the
 * receptionist got to it, and free on the list just loaded, is said to be free before the next
 * question ("Hay espacio el viernes 4 de diciembre a las 3:00 p. m. 👍"), as a receptionist
 * does; asked for the time, the next question says enough. A time changed later (at the name, at
 * the summary) is not said here: the summary shows it, as it does when nothing is left to ask after
 * the time; nor is the time of a visit's later service,
 * which the runner set. Pure.
 */
export function timeFreeNote(run: WorkflowRun, slotName: string, label: string, lang: Lang): WorkflowReply[] {
  const slots = run.spec.slots;
  const at = slots.findIndex((s) => s.name === slotName);
  const asking = run.asking === null ? -1 : slots.findIndex((s) => s.name === run.asking);
  if (slots[at]?.kind !== 'time' || run.visit || asking >= at || (run.asking === null && run.stage !== 'collecting')) return [];
  // Nothing left to ask after it: the summary that follows says the day and time ("Muevo la cita … ¿Confirmo?").
  if (!slots.slice(at + 1).some((s) => run.values[s.name] === undefined)) return [];
  const day = slots.find((s) => s.kind === 'date' && run.values[s.name] !== undefined);
  if (!day) return [];
  const said = run.labels[day.name] ?? spokenValue(run.values[day.name]!, lang, run.timeZone);
  return [{ text: text(run.spec.texts?.timeFree ?? BUILT_IN_TEXTS.timeFree, lang, { day: said, time: label }, run) }];
}
