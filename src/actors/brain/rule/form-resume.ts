import { fold } from './text.js';

export { buysToResell } from './reseller.js';

/**
 * "quiero retomar la cotización", "sigamos con la solicitud", "let's continue with the quote": the
 * customer asks to go on with a request for an advisor — the one they let go ("olvídalo" is answered
 * "si más adelante la quieres retomar, me dices") or left half done. That is the lead again, and the
 * form picks up what it kept; never a product search for "retomar" nor "no vendemos *nuevo*".
 */

/** Going on with something, or doing it again (es/en). */
const RESUME =
  /\b(?:retomar\w*|retomemos|retomamos|retoma|retomala|seguir|sigamos|seguimos con|continuar\w*|continuemos|continua con|continue|continuing|terminar\w*|terminemos|completar\w*|completemos|acabar\w*|reanudar\w*|volver a|volvamos a|vuelvo a|resume|finish|complete|pick (?:it )?up|carry on|go on|get back to|go back to|back to)\b/;
/** A job application is no request for an advisor ("quiero completar mi solicitud de empleo"). */
const NOT_A_LEAD = /\b(?:empleo|trabajo|vacantes?|puesto|job|jobs|position|cv|curriculum|resume of)\b/;
/** The request for an advisor by its names (a quote, the request, the form). */
const REQUEST =
  /\b(?:solicitud|cotizacion|cotizaciones|cotizar|presupuesto|formulario|proforma|quote|quotation|estimate|request|form)\b/;
/** The request asked for once more ("la cotización de nuevo", "the quote again"). */
const AGAIN = /\b(?:solicitud|cotizacion|presupuesto|quote|request)\b.*\b(?:de nuevo|otra vez|nuevamente|again)\b/;

/** True when the message asks to go on with (or start again) a request for an advisor. */
export function asksToResumeRequest(text: string): boolean {
  return MAY_NAME_REQUEST.test(fold(text)) && readsResumeRequest(text);
}

/**
 * The cheap check in front of the reading (issue 16): both ways of asking (`RESUME` with `REQUEST`,
 * or `AGAIN`) name the request, so one of `REQUEST`'s stems is in the accent-folded message.
 */
const MAY_NAME_REQUEST = /solicitud|cotiza|presupuesto|form|quot|estimate|request/;

/** The full reading, behind `MAY_NAME_REQUEST` (exported for the pre-check test). */
export function readsResumeRequest(text: string): boolean {
  const f = fold(text)
    .replace(/[^a-z0-9'\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (f === '' || f.split(' ').length > 14) return false;
  return !NOT_A_LEAD.test(f) && ((RESUME.test(f) && REQUEST.test(f)) || AGAIN.test(f));
}
