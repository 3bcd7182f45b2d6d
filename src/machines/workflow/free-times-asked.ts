import { workflowForIntent, type WorkflowSet, type WorkflowSpec } from './workflow-spec.js';
import { fold } from './slot-extractors.js';
import { foldAccents } from '../../kernel/fold.js';
import type { WorkflowRun } from './run-types.js';

/**
 * "¿Qué horas tienen?", "¿hay turnos libres el martes?", "what times do you have?" asked with no
 * booking under way: the free times for an appointment, which a receptionist answers by booking
 * (which service, which day, then that day's free times), not with the opening hours or the
 * services list. "¿Qué horario tienen?" and "what time do you open?" stay the opening hours. Pure.
 */
const FREE_TIMES_ES =
  /\b(?:(?:que|cuales|q|k) (?:horas|horitas|turnos|cupos|espacios)(?: (?:libres?|disponibles?))? (?:tienen|tiene|tienes|hay|quedan|les quedan|le quedan|te quedan|tendran|tendrian|tienen libres?|tienen disponibles?)|(?:que|cuales|q|k) (?:hora|horas|horarios?|turnos?) (?:tienen |hay |quedan |tiene )?(?:libres?|disponibles?)|(?:horas|horarios|turnos|cupos|espacios) (?:libres|disponibles)|a que hora(?:s)? (?:hay|tienen|tiene|queda) (?:cupo|espacio|turno|chance|disponible|libre))\b/;
const FREE_TIMES_EN =
  /\b(?:what|which) (?:times|time slots|slots|appointments|openings)(?: (?:do|would|could) you have| are (?:free|available|open|left)| have you got| you got| available| free| left)|(?:available|free|open) (?:times|slots|time slots|appointments)|any (?:openings|slots|availability)\b/;
/** "what times are you open", "¿qué horas abren?": when the studio is open, not a free time. */
const OPENING = /\b(?:abren|abre|abiertos?|cierran|cierra|open on|are you open|you open|do you close|you close|opening)\b/;

export function asksFreeTimes(text: string): boolean {
  // Asked up to four times per message by the workflow guards of one routing pass: the last text's answer is kept (issue 16).
  if (text === freeTimesOf) return freeTimes;
  freeTimes = MAY_ASK_TIMES.test(foldAccents(text)) && readsFreeTimes(text);
  freeTimesOf = text;
  return freeTimes;
}
let freeTimesOf: string | undefined;
let freeTimes = false;

/**
 * The cheap check in front of the reading (issue 16): every match of the two questions holds one
 * of these stems, looked for in the accent-folded message every reader shares (no fold of its own).
 */
const MAY_ASK_TIMES = /hor|turno|cupo|espacio|time|slot|appointment|opening|availab/i;

/** The full reading, behind `MAY_ASK_TIMES` (exported for the pre-check test). */
export function readsFreeTimes(text: string): boolean {
  const f = fold(text);
  return (FREE_TIMES_ES.test(f) || FREE_TIMES_EN.test(f)) && !OPENING.test(f);
}

/** The tenant's plain booking: the workflow that asks a time and no `when` words single out, with the set's texts. */
export function bookingWorkflow(set: WorkflowSet): WorkflowSpec | null {
  const booking = set.workflows.find((w) => !w.when && w.slots.some((s) => s.kind === 'time'));
  return booking ? workflowForIntent({ ...set, workflows: [booking] }, booking.triggers[0], '') : null;
}

/**
 * Whether the run still needs something before it can show free times (the service, the day): the
 * customer asking "¿qué horas tienen?" is told the times depend on them, then asked.
 */
export function needsMoreForTimes(run: WorkflowRun): boolean {
  const at = run.spec.slots.findIndex((s) => s.kind === 'time');
  if (at < 0) return false;
  // A slot never asked (`ask: false`, the staff member) is not needed for the times.
  return run.spec.slots.slice(0, at).some((s) => s.ask && run.values[s.name] === undefined && run.pending[s.name] === undefined);
}
