import type { Lang } from '../../domain/nlu.js';
import { runText as text } from './run-text.js';
import { spokenValue } from './spoken-dates.js';
import { localToday } from './closed-days.js';
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

/** The time answered as a question: "a las 4 hay?", "¿y a las 5 se puede?", "is 3pm free?", "can I come at 5?". */
const ASKED = /\?|^\s*(?:y\s+)?(?:hay|tienen|habra|se puede|puede ser|queda)\b|\b(?:hay|tienen|habra|se puede|puede ser|queda libre|esta libre|hay espacio|hay cupo|available|free|open|possible|ok)\s*$|^\s*(?:can i|could i|is|do you have|any)\b/i;

/**
 * "a las 4 hay?" answering "¿A qué hora?": the time asked for is free, so a receptionist says yes
 * first ("Sí, hay espacio el jueves 3 de diciembre a las 4:00 p. m. 👍") before the next question — a
 * time merely given ("a las 4") needs no such word. Only when the asked time slot got its value from
 * this message and something is still to ask (the summary says the time otherwise).
 */
export function timeAskedFree(before: WorkflowRun, after: WorkflowRun, said: string, lang: Lang, nowMs?: number): WorkflowReply[] {
  const asked = before.asking ? before.spec.slots.find((s) => s.name === before.asking) : undefined;
  if (!asked || asked.kind !== 'time' || after.visit || after.values[asked.name] === undefined || after.values[asked.name] === before.values[asked.name] || !ASKED.test(said.trim())) return [];
  const slots = after.spec.slots;
  const at = slots.indexOf(asked);
  if (!slots.slice(at + 1).some((s) => after.values[s.name] === undefined)) return [];
  const day = slots.find((s) => s.kind === 'date' && after.values[s.name] !== undefined);
  if (!day) return [];
  const time = after.labels[asked.name] ?? spokenValue(after.values[asked.name]!, lang, after.timeZone);
  const dayLabel = after.labels[day.name] ?? spokenValue(after.values[day.name]!, lang, after.timeZone);
  const spoken = text(after.spec.texts?.timeFree ?? BUILT_IN_TEXTS.timeFree, lang, { day: dayLabel, time }, after);
  // Today is "hoy" to a receptionist, not its date ("Sí, hay espacio hoy a las 4:00 p. m.").
  const today = nowMs !== undefined && after.values[day.name] === localToday(nowMs, after.timeZone);
  const free = today ? spoken.replace(lang === 'es' ? `el ${dayLabel}` : `on ${dayLabel}`, lang === 'es' ? 'hoy' : 'today') : spoken;
  return [{ text: lang === 'es' ? `Sí, ${free.charAt(0).toLowerCase()}${free.slice(1)}` : `Yes, ${free}` }];
}
