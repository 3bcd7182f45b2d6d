/**
 * Leaving a form at any of its questions: "ya, olvídalo" to the name, "no quiero seguir" to the
 * company, "I'm done, bye" to the area. A clerk hears the customer leave, not a name, a company or
 * an answer; so the lead's fields read from such a message are dropped, and the machine drops the
 * form (a letting go) or says goodbye (a farewell) as it does anywhere else.
 */
import type { Entity } from '../../../domain/nlu.js';
import type { Expectation } from '../../../domain/understanding.js';
import { letsItGo, putsOffForm } from '../../../machines/letting-go.js';
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
  return letsItGo(trimmed) || putsOffForm(trimmed) || (detectClosing(trimmed) && !isBareDecline(trimmed) && LEAVING_WORDS.test(plain(trimmed)));
}

/** A closing that leaves, not "nada más" ending an answer ("es para mi casa nada más"). */
const LEAVING_WORDS = /\b(?:bye|byebye|adios\w*|chao\w*|chau|hasta (?:luego|pronto|manana|la proxima|otro dia)|nos vemos|me voy|me retiro|me despido|see (?:you|ya)|goodbye|good bye|later|take care|gotta go|i have to go|(?:i m|im|i am) done|(?:that s|thats|that is) (?:all|it)|(?:eso|esto) es todo|es todo|ya termine|dios (?:te|le|les) bendiga)\b/;

/** "mejor no, déjalo así" opens with a "no" of its own that declines the field asked (the e-mail); "no quiero seguir" does not. */
const DECLINE_FIRST = /^\W*(?:(?:mejor|pues|bueno|ok|ah)\W+)?(?:no|nop|nah)(?:\s*[,.;!]|\s+(?:gracias|thanks)\b|\s*$)/i;

/**
 * A contact field refused by name, in a message that may answer other questions too: "Pedro
 * Martínez, no tengo correo, mi cel es 829-555-4321", "prefiero no dar mi correo, llámame al …",
 * "no phone, just email me". The field read as declined wherever it is in the form.
 */
const REFUSED: readonly (readonly ['email' | 'phone_or_username', RegExp])[] = [
  ['email', /\b(?:no (?:tengo|uso|manejo|tenemos|usamos) (?:un |una )?(?:correo|email|e mail|mail)|sin (?:correo|email)|(?:prefiero no|no quiero|no voy a|mejor no) (?:dar|darte|darles|darle|pasar|compartir)\w* (?:(?:mi|el|un) )?(?:correo|email|e mail)|(?:i|we) (?:don t|do not) (?:have|use) (?:an? )?(?:email|e mail)(?: address)?|no email(?: address)?|(?:i d|i would) rather not (?:give|share) (?:my |an )?email)\b/],
  ['phone_or_username', /\b(?:no (?:tengo|uso|manejo|tenemos) (?:telefono|celular|cel|numero de telefono|whatsapp)|sin (?:telefono|celular)|(?:prefiero no|no quiero|no voy a|mejor no) (?:dar|darte|darles|darle|pasar|compartir)\w* (?:(?:mi|el|un) )?(?:telefono|celular|cel|numero)|(?:i|we) (?:don t|do not) have a (?:phone|cell)(?: number)?|no phone(?: number)?)\b/],
];

const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9@\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The lead's fields a message gives (`readLeadFields`), none when it leaves the form at one of its
 * questions; a field declined with a "no" first ("mejor no, déjalo así" to the e-mail) stays
 * declined. A contact field refused by name is declined wherever it is said ("no tengo correo"
 * beside the name), and that refusal never declines the field asked (the name).
 */
export function readLeadFieldsUnlessLeaving(input: { text: string; entities: readonly Entity[]; expecting: Expectation; tenantName?: string; intent?: string }): LeadReading {
  const reading = readLeadFields(input);
  const { expecting } = input;
  if (expecting.kind !== 'lead_field' && expecting.kind !== 'lead_confirmation') return reading;
  if (expecting.kind === 'lead_field' && leavesTheForm(input.text)) {
    if (reading.leadFields[expecting.field] === null && DECLINE_FIRST.test(input.text)) return reading;
    return { leadFields: {} };
  }
  const f = input.text.length <= 300 ? plain(input.text) : '';
  const refused = REFUSED.filter(([, words]) => words.test(f)).map(([field]) => field);
  if (refused.length === 0) return reading;
  const fields = { ...reading.leadFields };
  for (const field of refused) if (fields[field] === undefined) fields[field] = null;
  // "no tengo correo, mi cel es …" to the name: the "no" is the e-mail's, the name is still to come.
  const asked = expecting.kind === 'lead_field' ? expecting.field : null;
  if (asked !== null && !refused.includes(asked as (typeof refused)[number]) && fields[asked] === null && !/\b(?:nombre|name|empresa|company|compania|negocio)\b/.test(f)) delete fields[asked];
  return { ...reading, leadFields: fields };
}
