import { givesValue, type RunContext, type WorkflowRun } from './workflow-runner.js';
import { fold } from './slot-extractors.js';

/**
 * A question asked beside a workflow in progress, as a receptionist hears it: "¿cuánto cuesta?",
 * "¿dónde están?", "¿aceptan tarjeta?" while the service or the day is asked are answered, and the
 * question asked again. The machine decides with the reading (an informational label no workflow
 * claims); this module says whether the words are a question beside the form rather than an
 * answer to it.
 */

/** Turns after a service was priced during which "¿y cuánto dura?" and "quiero cita" are still about it. */
export const SERVICE_FOCUS_TURNS = 3;

/** A price or duration asked ("¿cuánto cuesta el facial?"): answered even when it also names a value for the form. */
const PRICE_OR_TIME = /\b(?:cuanto|cuanta|precio|precios|cuesta|cuestan|vale|valen|cobran|dura|duran|tarda|tardan|demora|how much|how long|price|prices|cost|costs)\b/;

/** When the studio is open ("¿abren el sábado?", "¿a qué hora cierran hoy?"): answered, and the day it names is not taken as the booking's. */
const OPENING = /\b(?:abren|abre|abrimos|abiertos?|cierran|cierra|cerrados?|horarios?|open|opens|close|closes|closed|opening hours)\b/;

/** Whether a message asks when the studio is open rather than giving a day for the booking. */
export function asksOpening(text: string): boolean {
  return OPENING.test(fold(text));
}

/**
 * Whether a message read as an informational question is asked beside the run: it gives the form
 * nothing, or it asks a price or a duration (the value it names is kept, `takeValues`).
 *
 * @example
 * asksAside(run, { text: '¿cuánto cuesta?', … }) // true while the service is asked
 * asksAside(run, { text: 'el viernes', … })       // false: that answers the day
 */
export function asksAside(run: WorkflowRun, ctx: RunContext): boolean {
  if (!givesValue(run, ctx)) return true;
  return PRICE_OR_TIME.test(fold(ctx.text)) || asksOpening(ctx.text);
}
