import { extractPersonName, fold } from './slot-extractors.js';
import { clearSlot } from './run-slots.js';
import type { WorkflowRun } from './run-types.js';

/**
 * "Una cita para mi hija", "book my mom in": the booking is for someone else, so the customer's
 * own name (known from an earlier booking or the channel) is not the one to book under; the
 * receptionist asks whose name. The phone stays the customer's (they are the one to reach). Pure.
 */
const RELATIVE =
  'hija|hijo|hijas|hijos|nena|nene|nina|nino|mama|madre|mami|papa|padre|esposa|esposo|marido|mujer|novia|novio|hermana|hermano|tia|tio|prima|primo|abuela|abuelo|sobrina|sobrino|suegra|amiga|amigo|jefa|comadre|cunada';
const FOR_ANOTHER_ES = new RegExp(`\\bpara (?:mi|mis|la|el|una|un) (?:${RELATIVE})\\b|\\bpara (?:otra persona|alguien mas)\\b|\\bno es para mi\\b`);
const RELATIVE_EN = 'daughter|son|kids?|child|girl|boy|mom|mother|mum|dad|father|wife|husband|girlfriend|boyfriend|sister|brother|aunt|uncle|cousin|grandma|grandmother|friend|niece|nephew';
const FOR_ANOTHER_EN = new RegExp(
  `\\bfor (?:my|a) (?:${RELATIVE_EN})\\b|\\bfor someone else\\b|\\bbook my (?:daughter|son|mom|mother|wife|husband|sister|friend)\\b|\\bnot for me\\b`,
);

export function forAnother(text: string): boolean {
  const f = fold(text);
  return FOR_ANOTHER_ES.test(f) || FOR_ANOTHER_EN.test(f);
}

const RELATIVES: ReadonlySet<string> = new Set([...RELATIVE.split('|'), ...RELATIVE_EN.replace('kids?', 'kid|kids').split('|')]);
const POSSESSIVE: ReadonlySet<string> = new Set(['mi', 'mis', 'my', 'our', 'nuestra', 'nuestro']);
/** Words after the relative that say which one, never a name ("mi hija *mayor*", "my *little* sister"). */
const WHICH_ONE: ReadonlySet<string> = new Set(['mayor', 'menor', 'pequena', 'chiquita', 'chiquito', 'grande', 'mediana', 'tambien', 'older', 'younger', 'oldest', 'youngest', 'little', 'too', 'also']);
/** Days and times, written capitalised in English ("for my daughter Tuesday"): never a name. */
const WHEN = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|morning|afternoon|evening|january|february|march|july|september|october|november|december|next|this)\b/;
/** Words that only introduce the name after the relative ("mi hija, *se llama* Laura", "my mom, *her name is* Gloria"). */
const NAME_INTRO = /^(?:(?:y |and )?(?:que )?(?:se llama|se llaman|llamada|llamado|de nombre|su nombre es|named|called|(?:her|his) name is|(?:she|he)(?:'s| is))\s+)/iu;
/** A name introduced further on ("…, se llama Rosa Díaz", "…, her name is Ana"), up to the next punctuation. */
const NAME_LATER = /(?:^|[\s,;])(?:se llama|se llaman|su nombre es|(?:her|his) name is|named|called)\s+([^,.;!?¿¡]+)/iu;
/** Words written with capitals right after the relative ("my friend *Laura* on friday"): her name. */
const CAPITALISED_LEAD = /^(\p{Lu}[\p{L}'-]*(?:\s+(?:de\s+|del\s+|de la\s+)?\p{Lu}[\p{L}'-]*){0,2})(?=$|[\s,.;!?])/u;
/** Words that only lead to the relative ("*es para* mi hija", "*it's for* my mom"). */
const LEAD_IN = /(?:^|\s)(?:es|it's|it is|its|this is|la cita es|the booking is)?\s*(?:para|for)?\s*$/iu;

/**
 * The name of the person the booking is for, said with who they are to the customer: "es para mi
 * hija, se llama Laura", "my sister Ana", "Laura, es para mi hija" → "Laura"; null when no relative
 * is said or no name comes with it. `bare`: the name was asked, so a plain name after the relative counts.
 *
 * @example
 * nameOfAnother('it\'s for my mom, Gloria Ruiz', { bare: true }); // 'Gloria Ruiz'
 */
export function nameOfAnother(text: string, options: { bare?: boolean } = {}): string | null {
  const words = text.trim().split(/\s+/);
  const at = words.findIndex((w, i) => i > 0 && RELATIVES.has(fold(w)) && POSSESSIVE.has(fold(words[i - 1]!)));
  if (at < 0) return null;
  const rest = words.slice(at + 1);
  // "mi hija mayor, Laura": the words that tell which one are no name.
  while (rest.length > 0 && WHICH_ONE.has(fold(rest[0]!))) rest.shift();
  const after = rest.join(' ').replace(/^[\s,:;.-]+/u, '');
  const introduced = NAME_INTRO.exec(after);
  // Not asked for, a name written as one ("for my mom, Gloria Ruiz") still is one.
  const written = after.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && !WHEN.test(fold(after));
  if (after) {
    const name = extractPersonName(introduced ? after.slice(introduced[0].length) : after, { bare: options.bare === true || introduced !== null || written });
    if (name || introduced) return name;
    // "for my friend Laura on friday at 3", "mi amiga quiere un facial…, se llama Rosa Díaz": the name written first, or introduced later.
    const later = NAME_LATER.exec(after);
    const lead = later ? null : CAPITALISED_LEAD.exec(after);
    const said = later?.[1] ?? (lead && !WHEN.test(fold(lead[1]!)) ? lead[1]! : null);
    return said ? extractPersonName(said, { bare: true }) : null;
  }
  // "Laura, es para mi hija": the name before the relative.
  const before = words.slice(0, at - 1).join(' ').replace(LEAD_IN, '').replace(/[\s,:;.-]+$/u, '');
  return before && options.bare ? extractPersonName(before, { bare: true }) : null;
}

/** "Es para mi hija" said with (or without) her name: the booking is someone else's ("mi hermana Ana" too). */
export function saysAnother(text: string): boolean {
  return forAnother(text) || nameOfAnother(text, { bare: true }) !== null;
}

/**
 * "Ah, es para mi hija" said after the booking started: someone else's booking. The customer's own
 * name, prefilled from what is known of them, is no longer the one to book under (asked again);
 * a name said with it stays.
 */
export function bookForAnother(next: WorkflowRun, run: WorkflowRun): void {
  const slot = next.spec.slots.find((s) => s.kind === 'person_name');
  if (!slot) return;
  next.forAnother = true;
  const own = run.values['contact.name'];
  if (own !== undefined && next.values[slot.name] === own && run.values[slot.name] === own) {
    clearSlot(next, slot.name);
    if (next.stage === 'confirming') next.stage = 'collecting';
  }
}
