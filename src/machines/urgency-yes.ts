/**
 * "sí" to "¿Qué tan urgente es: Alto, Medio o Bajo?": a yes says it matters but not how much. A
 * clerk asks the three choices again in a line ("¿*Alto*, *Medio* o *Bajo*?"), never "¡Perfecto!"
 * and the whole question as if something had been answered. "sí, es urgente" is read as Alto by
 * the brain already.
 */
import { saysYesToMore } from './more-help.js';

/** The lead field asked for the urgency. */
const URGENCY_FIELD = 'urgency_level';

/** A bare yes ("sí", "claro", "yes") while the form asks the urgency. */
export function yesToUrgency(asking: string | null | undefined, text: string): boolean {
  return asking === URGENCY_FIELD && saysYesToMore(text);
}

/** The brief question asked instead of the whole one after such a yes. */
export const URGENCY_AGAIN = 'lead.ask.urgency_again';
