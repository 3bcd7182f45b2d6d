/**
 * "la manguera nomás", "solo la cinta", "el blanco nada más, por favor", "just the hose": after
 * something was shown, the words that narrow a request to what it names, or wrap it in courtesy,
 * say nothing of which product it is. A clerk hears "la manguera"; the search never looks for a
 * "manguera nomás" the catalog lacks, and the pick among the options shown is made as without them.
 */

const LEAD = /^\s*(?:(?:solo|sólo|solamente|[uú]nicamente|only|just)\s+)+(?=\S)/iu;
const TRAIL = /(?:[\s,]+(?:nada\s+m[aá]s|nom[aá]s|nam[aá]s|na'?\s+m[aá]s|no\s+m[aá]s|solamente|nada\s+m[aá]s\s+que\s+eso|only|por\s+favor|porfa|please|pls|entonces|then))+\s*[.!?]*\s*$/iu;

/**
 * The message without the narrowing and courtesy words around what it names; the message itself
 * when nothing is left, or when it says a count or a size ("esas 20 de grado 60 entonces": those
 * readers take the words around them as they are).
 */
export function withoutNarrowingWords(text: string): string {
  if (/\d/.test(text)) return text;
  const rest = text.replace(TRAIL, '').replace(LEAD, '').trim();
  return /\p{L}|\d/u.test(rest) ? rest : text;
}
