import { plainWords } from '../kernel/plain-words.js';

/**
 * The name an order is put under, said with the yes to "¿Te lo reservo?" or right after it: "sí, a
 * nombre de Juan Pérez", "ok a nombre de mi empresa, Construcciones Ramírez", "ponlo a nombre de la
 * empresa Constructora Bello", "yes, put it under Caribe Properties", "under the name Sarah Collins".
 * A clerk writes the order up under that name (a person's or a company's) and says so; it is never
 * the start of a lead form, and the goods priced are not dropped.
 */
export interface OrderName {
  name: string;
  /** A company, a church, a business: not a person's own name. */
  company: boolean;
}

/** The words that put an order under a name (folded). */
const UNDER_NAME =
  /(?:^|\s)(?:(?:a|bajo|con)\s+(?:el\s+)?nombre\s+de|under\s+the\s+name(?:\s+of)?|in\s+the\s+name\s+of|(?:(?:put|book|reserve|hold|set)\s+(?:it|them)(?:\s+aside)?\s+|(?:yes|ok|okay|sure)\s*,?\s+|^)under(?!\s+the\s+name))\s+/;

/** Words in front of the name that say whose it is: "mi empresa, X", "la compañía X", "my company, X". */
const OWNER_WORDS =
  /^(?:(?:mi|la|nuestra|nuestro|el|su|my|our|the)\s+)?(?:empresa|compania|negocio|constructora|firma|company|business|firm)\s*(?:,|:|-|que\s+se\s+llama|llamada|called|named)?\s*/;

/** Polite words after the name: not part of it. */
const TRAILING = /\s+(?:por\s+favor|porfa|porfavor|pls|please|gracias|thanks|thank\s+you|entonces|then)\s*$/;

/** Someone named by kin or role only ("a nombre de mi esposa"): no name yet. */
const KIN_ONLY = /^(?:mi|my)\s+\S+$/;

/** A word that names a company when it leads or ends the name. */
const COMPANY_WORD =
  /\b(?:srl|s\s*r\s*l|sas|sa|eirl|inc|llc|corp|ltd|constructora|construcciones|inversiones|ferreteria|distribuidora|comercial|grupo|iglesia|colegio|escuela|hotel|restaurante|taller|properties|builders|construction|company|group|church|school)\b/;

/**
 * The name the message puts the order under, or null. `read` is what the brain read in the same
 * message (its person name and company), which keeps the customer's capitals; without it, the words
 * after "a nombre de" are taken when they look like a name (no digits, at most six words).
 *
 * @example
 * orderNameSaid('ok a nombre de mi empresa, Construcciones Ramirez', { company: 'Construcciones Ramirez' });
 * // { name: 'Construcciones Ramirez', company: true }
 * orderNameSaid('sí, ¿a nombre de quién?', {}); // null
 */
export function orderNameSaid(text: string, read: { name?: string; company?: string }): OrderName | null {
  const folded = plainWords(text);
  const at = UNDER_NAME.exec(folded);
  if (!at) return null;
  const owner = OWNER_WORDS.exec(folded.slice(at.index + at[0].length));
  const ownerSaid = owner !== null && owner[0].trim() !== '' && /empresa|compania|negocio|constructora|firma|company|business|firm/.test(owner[0]);
  // "a nombre de la Iglesia Bautista Central": the article is no part of the name.
  const tail = folded
    .slice(at.index + at[0].length + (owner?.[0].length ?? 0))
    .replace(TRAILING, '')
    .trim()
    .replace(/^(?:la|el|los|las|the)\s+(?=\S+\s)/, '');
  if (tail === '' || /^(?:quien|que|cual|whom?|what|which)\b/.test(tail) || KIN_ONLY.test(tail)) return null;
  const company = read.company?.trim();
  if (company && tail.startsWith(plainWords(company))) return { name: company, company: true };
  const person = read.name?.trim();
  if (person && tail.startsWith(plainWords(person))) return { name: person, company: ownerSaid || COMPANY_WORD.test(plainWords(person)) };
  // "under the name Sarah Collins please": the words themselves, when they look like a name.
  const words = tail.split(' ');
  if (words.length > 6 || /\d/.test(tail) || /\b(?:y|and|con|with|para|for|pero|but)\b/.test(tail)) return null;
  const original = lastWords(text, words.length + (TRAILING.test(folded) ? countTrailing(folded) : 0)).slice(0, words.length);
  const name = original.map((w) => (w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
  return { name, company: ownerSaid || COMPANY_WORD.test(tail) };
}

/** How many words the polite ending takes ("por favor": 2). */
function countTrailing(folded: string): number {
  const m = TRAILING.exec(folded);
  return m ? m[0].trim().split(/\s+/).length : 0;
}

/** The last `n` words of the message as written (punctuation off). */
function lastWords(text: string, n: number): string[] {
  const words = text
    .replace(/[.,;:!?¡¿"()]/g, ' ')
    .trim()
    .split(/\s+/);
  return words.slice(Math.max(0, words.length - n));
}
