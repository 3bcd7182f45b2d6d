/**
 * Is a message a follow-up on the product just answered? Pure text rules, so the machine stays
 * free of I/O: a bare quantity ("50", "y si compro 50?", "and for 200 of them?"), a message that
 * continues with "y …" / "and …" / "what about …", or an attribute alone ("de 3/4", "en azul",
 * "la satinada blanca cuánto?", "the gallon one").
 */

/** Turns after which a product answer is no longer what "y si compro 50?" refers to. */
export const PRODUCT_FOCUS_TURNS = 4;

const MAX_WORDS = 9;

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[¿?¡!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONTINUATION = /^(?:y|e|and|also|tambien|what about|how about|and for|and if|y si|y para|y el|y la|y los|y las|y en|y de|y con|entonces)\b/;
const QUANTITY_ONLY =
  /^(?:(?:y|and)\s+)?(?:(?:si|if)\s+)?(?:(?:i\s+)?(?:compro|llevo|quiero|necesito|ocupo|dame|me\s+das|ponme|pongame|serian|seria|son|buy|take|get|need|want|for|para|por)\s+)*(?:unos?\s+|unas?\s+|about\s+)?\d+(?:\s+(?:unidades|units|piezas|pieces|de\s+(?:esos|esas|ellos|ellas|esto|eso)|of\s+(?:them|those|these)|mas|more))?(?:\s+(?:cuanto|cuanto\s+seria|cuanto\s+sale|cuanto\s+es|how\s+much))?$/;
const ATTRIBUTE_ONLY =
  /^(?:(?:y|and)\s+)?(?:(?:el|la|los|las|the|en|in|de|of|del|one|ones|uno|una)\s+)*(?:(?:\d+(?:\/\d+)?|media|tres\s+cuartos|tres\s+octavos|pulgadas?|inch(?:es)?|pies|feet|blanc[oa]s?|white|gris|gray|grey|negr[oa]s?|black|azul(?:es)?|asul|blue|roj[oa]s?|red|verdes?|green|amarill[oa]s?|yellow|hueso|satinad[oa]|satin|mate|matte|brillante|gloss|galon|gallon|cubeta|bucket|saco|funda|bag|rollo|roll|grado\s+\d+|calibre\s+\d+|grande|big|pequen[oa]|small|one|ones|primer[oa]?|segund[oa]|tercer[oa]?|ultim[oa]|first|second|third|last|opcion|option|numero|number|de|en|in|of|cuanto|cuesta|cuestan|sale|salen|vale|valen|how\s+much|is\s+it|are\s+they|costs?|precio|price|y|and)\s*)+$/;

/**
 * True when the message reads as a follow-up on the product in focus rather than a new request.
 *
 * @example
 * isProductFollowUp('y si compro 50?'); // true
 * isProductFollowUp('quiero hablar con una persona'); // false
 */
export function isProductFollowUp(text: string): boolean {
  const t = fold(text);
  if (t === '' || t.split(' ').length > MAX_WORDS) return false;
  return QUANTITY_ONLY.test(t) || ATTRIBUTE_ONLY.test(t) || CONTINUATION.test(t);
}

const ORDINALS: readonly [RegExp, number | 'last'][] = [
  [/^(?:1|uno|una|primer[oa]?|first)$/, 0],
  [/^(?:2|dos|segund[oa]|second)$/, 1],
  [/^(?:3|tres|tercer[oa]?|third)$/, 2],
  [/^(?:ultim[oa]|last)$/, 'last'],
];

/**
 * Which of `count` options a short answer picks ("2", "la segunda", "the first one", "opción 3");
 * null when it is not such an answer.
 */
export function pickedOption(text: string, count: number): number | null {
  const m = /^(?:(?:el|la|the|opcion|option|numero|number|#)\s+)*(\S+)(?:\s+(?:one|opcion|option))?$/.exec(fold(text));
  const word = m?.[1];
  if (word === undefined) return null;
  for (const [re, at] of ORDINALS) if (re.test(word)) {
    const index = at === 'last' ? count - 1 : at;
    return index >= 0 && index < count ? index : null;
  }
  return null;
}

/** The quantity a follow-up asks for ("y si compro 50?" → 50), unless the number is a size ("y de 4?"). */
export function followUpQuantity(text: string): number | undefined {
  const t = fold(text);
  if (!QUANTITY_ONLY.test(t)) return undefined;
  if (/\b(?:de|of)\s+\d+\b(?!\s+(?:de|of)\s)/.test(t) && !/\b(?:de|of)\s+(?:esos|esas|ellos|ellas|them|those|these)\b/.test(t)) return undefined;
  const n = Number(/\d+/.exec(t)?.[0]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
