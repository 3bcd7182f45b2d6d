/**
 * Leaving a form at any of its questions: "ya, olvídalo" to the name, "no quiero seguir" to the
 * company, "I'm done, bye" to the area. A clerk hears the customer leave, not a name, a company or
 * an answer; so the lead's fields read from such a message are dropped, and the machine drops the
 * form (a letting go) or says goodbye (a farewell) as it does anywhere else.
 */
import type { Entity } from '../../../domain/nlu.js';
import type { Expectation } from '../../../domain/understanding.js';
import { letsItGo } from '../../../machines/letting-go.js';
import { readLeadFields, type LeadReading } from './lead-fields.js';
import { detectClosing, isBareDecline } from './signals.js';

/** Contact data in the message ("bye, mi correo es …"): an answer given with the farewell, kept. */
const CONTACT_DATA = /@|\d{4}/;
/** Short enough to be only the leaving, not a company whose name holds a farewell word. */
const MAX_WORDS = 10;

/**
 * The whole message leaves the form: a letting go ("olvídalo", "no quiero seguir", "cancela") or a
 * farewell ("adiós", "I'm done, bye", "gracias, hasta luego"). A bare "no gracias" is not: at the
 * company question it says there is none.
 */
export function leavesTheForm(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || CONTACT_DATA.test(trimmed) || trimmed.split(/\s+/).length > MAX_WORDS) return false;
  return letsItGo(trimmed) || (detectClosing(trimmed) && !isBareDecline(trimmed));
}

/** "mejor no, déjalo así" opens with a "no" of its own that declines the field asked (the e-mail); "no quiero seguir" does not. */
const DECLINE_FIRST = /^\W*(?:(?:mejor|pues|bueno|ok|ah)\W+)?(?:no|nop|nah)(?:\s*[,.;!]|\s+(?:gracias|thanks)\b|\s*$)/i;

/**
 * The lead's fields a message gives (`readLeadFields`), none when it leaves the form at one of its
 * questions; a field declined with a "no" first ("mejor no, déjalo así" to the e-mail) stays declined.
 */
export function readLeadFieldsUnlessLeaving(input: { text: string; entities: readonly Entity[]; expecting: Expectation; tenantName?: string; intent?: string }): LeadReading {
  const reading = readLeadFields(input);
  if (input.expecting.kind !== 'lead_field' || !leavesTheForm(input.text)) return reading;
  if (reading.leadFields[input.expecting.field] === null && DECLINE_FIRST.test(input.text)) return reading;
  return { leadFields: {} };
}
