/**
 * "la manguera nada más", "el blanco nomás", "solo la cinta na' más": one thing named with a word
 * that narrows the request to it. A clerk hands over that one thing; the "nada más" ends the
 * list, never the conversation ("eso nada más", "nada más, gracias" still do).
 */

/** Folded text (`words(text).join(' ')`): an article, one or two words, then the narrowing words. */
const NAMED_THEN_ONLY =
  /^(?:(?:y|ok|dale|bueno|entonces|pues|no)\s+)*(?:(?:solo|solamente)\s+)?(?:el|la|los|las|lo|the)\s+(?:(?:de|del|en)\s+)?[a-z]{3,}(?:\s+(?!(?:nada|no|na)\b)[a-z]{3,})?\s+(?:nada\s+mas|nomas|namas|na\s+mas|no\s+mas)(?:\s+(?:por\s+favor|porfa|entonces|pues))*$/;

/** Words a pick never is: "lo demás nada más" and "lo otro" say no thing. */
const NOT_A_THING = /^(?:eso|esto|todo|demas|otro|otra|otros|otras|mismo|misma|resto)$/;

/** True when the folded message names one thing and narrows the request to it ("la manguera nada más"). */
export function namesOneThingOnly(folded: string): boolean {
  const m = NAMED_THEN_ONLY.exec(folded);
  if (!m) return false;
  const named = folded.replace(/^(?:(?:y|ok|dale|bueno|entonces|pues|no)\s+)*(?:(?:solo|solamente)\s+)?(?:el|la|los|las|lo|the)\s+(?:(?:de|del|en)\s+)?/, '').split(' ')[0] ?? '';
  return !NOT_A_THING.test(named);
}
