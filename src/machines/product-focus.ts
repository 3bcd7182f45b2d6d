/**
 * Is a message a follow-up on the product just answered? Pure text rules, so the machine stays
 * free of I/O: a bare quantity ("50", "y si compro 50?", "and for 200 of them?"), a message that
 * continues with "y …" / "and …" / "what about …", or an attribute alone ("de 3/4", "en azul",
 * "la satinada blanca cuánto?", "the gallon one").
 */

import { readGaugeCounts } from './gauge-counts.js';
import { asksDeliveryTime } from './delivery-time.js';
import { takesTheOrder } from './order-words.js';
import { plansPickup } from './pickup-words.js';
import { placeTailOf } from './place-tail.js';
import { createLru, remembered } from '../kernel/lru.js';
import { readFocusQuestion } from './focus-questions.js';
import { countedPicks } from './counted-picks.js';
import { foldMessage as fold } from './count-words.js';
import { quantityWords } from './quantity-words.js';
import { specAsked } from './product-spec-question.js';
import { areaToCover, asksThinning, asksWhatAJobTakes, reportsTrouble } from './job-readers.js';
import { asksYield } from './material-questions.js';
import { partCount } from './part-amounts.js';
import { asksBucketPrice } from './pack-asked.js';
import { followUpCore, ONLY } from './follow-up-core.js';

export { followUpCore };

export { areaToCover, asksBucketPrice, asksWhatAJobTakes, reportsTrouble };

/** Turns after which a product answer is no longer what "y si compro 50?" refers to. */
export const PRODUCT_FOCUS_TURNS = 4;

const MAX_WORDS = 9;

/** A message as the follow-up readers see it: lower case, accents and punctuation gone. */
export const foldFollowUp = (text: string): string => fold(text);

const CONTINUATION = /^(?:y|e|and|also|tambien|what about|how about|and for|and if|y si|y para|y el|y la|y los|y las|y en|y de|y con|entonces)\b/;
const QUANTITY_ONLY =
  /^(?:(?:y|and)\s+)?(?:(?:si|if)\s+)?(?:(?:i\s+)?(?:compro|llevo|quiero|necesito|ocupo|dame|me\s+das|ponme|pongame|serian|seria|son|buy|take|get|need|want|give\s+me|send\s+me|ll\s+take|for|para|por)\s+)*(?:unos?\s+|unas?\s+|about\s+)?\d{1,6}(?:\s+(?:unidades|units|piezas|pieces|de\s+(?:esos|esas|ese|esa|este|esta|estos|estas|ellos|ellas|esto|eso|la\s+misma|el\s+mismo)|of\s+(?:them|those|these|that|this|that\s+one|this\s+one)|mas|more))?(?:\s+(?:cuanto|cuanto\s+seria|cuanto\s+sale|cuanto\s+es|how\s+much))?$/;
const ATTRIBUTE_ONLY =
  /^(?:(?:y|and)\s+)?(?:(?:el|la|los|las|the|en|in|de|of|del|one|ones|uno|una)\s+)*(?:(?:\d{1,6}(?:\/\d+)?(?!\d)(?:w|a|v|mm|cm|oz|hp)?|oz|onzas?|hp|media|tres\s+cuartos|tres\s+octavos|pulgadas?|inch(?:es)?|pies|feet|metros?|meters?|mts?|blanc[oa]s?|white|gris|gray|grey|negr[oa]s?|black|azul(?:es)?|asul|blue|roj[oa]s?|red|verdes?|green|amarill[oa]s?|yellow|hueso|bone|ivory|off\s+white|perla|pearl|crema|cream|beige|naranja|orange|rosad[oa]s?|pink|morad[oa]s?|purple|lila|marron|brown|celeste|turquesa|satinad[oa]|satin|mate|matte|brillante|gloss|galon(?:es)?|gallons?|cubetas?|buckets?|sacos?|fundas?|bags?|rollos?|rolls?|unidades|units|libras?|pounds?|grado\s+\d+(?!\d)|grade\s+\d+(?!\d)|(?:grano|grit)\s+\d+(?!\d)|\d+\s+(?:grit|de\s+grano)(?!\w)|calibre\s+\d+(?!\d)|gauge\s+\d+(?!\d)|(?:\d+|un|uno|dos|doble|double|single)\s+(?:polos?|poles?)|amp(?:s|erios?)?|grande|big|pequen[oa]|small|one|ones|primer[oa]?|segund[oa]|tercer[oa]?|ultim[oa]|first|second|third|last|opcion|option|numero|number|de|del|el|la|los|las|the|en|in|of|cuanto|cuesta|cuestan|sale|salen|vale|valen|es|esta|estan|seria|serian|quintal(?:es)?|qq|how\s+much|is\s+it|are\s+they|costs?|precio|price|y|and)\s*)+$/;

/**
 * True when the message reads as a follow-up on the product in focus rather than a new request.
 *
 * @example
 * isProductFollowUp('y si compro 50?'); // true
 * isProductFollowUp('quiero hablar con una persona'); // false
 */
export function isProductFollowUp(text: string): boolean {
  return remembered(followUps, text, readProductFollowUp);
}

/**
 * A small per-text memo of the two readers below: the routing guards and the product tool ask the
 * same question about the same message two or three times a turn, and each answer is a handful of
 * regular expressions over the folded text. Pure functions of the text, so a remembered answer is
 * the answer; bounded, so a stream of distinct messages cannot grow it.
 */
const followUps = createLru<boolean>(256);
const quantities = createLru<Readonly<{ quantity: number; unit?: string; change?: 'more' | 'less' }> | undefined>(256);

/**
 * Words that narrow a request to what it names ("la de 5/8 nada más", "solo la blanca", "I only
 * want the 5/8"): with an attribute they insist on it; alone ("no, nada más") they end the talk.
 */

/** "is it aluminum?", "is it made of wood?", "are they stainless steel?": what the one shown is made of (`product-confirm.ts` answers). */
const MATERIAL_CHECK =
  /^(?:(?:and|so|but|ok)\s+)?(?:is|are)\s+(?:it|they|that|this|these|those|that\s+one|this\s+one)\s+(?:made\s+(?:of|from|out\s+of)\s+)?(?:an?\s+)?(?:aluminum|aluminium|wood|wooden|steel|stainless(?:\s+steel)?|iron|plastic|pvc|copper|brass|bronze|galvanized|galvanised|leather|rubber)\W*$|^(?:(?:y|e|pero|ok)\s+)?(?:es|son|sera|seran)\s+(?:de\s+)?(?:cuero|piel|goma|caucho|aluminio|madera|acero|hierro|plastico|cobre|bronce)\W*$/;

function readProductFollowUp(text: string): boolean {
  if (MATERIAL_CHECK.test(fold(text))) return true;
  // "mándame 50 de 3/8 y 30 de media a Caleta": the order, read without where it goes (`place-tail.ts`).
  const tail = placeTailOf(text);
  if (tail !== null && readProductFollowUp(tail.rest)) return true;
  // "no, el blanco", "mejor el de 3/4", "I mean the white one", "sí, pero en cubeta": a correction of the product in focus.
  const t = followUpCore(text);
  if (t === '' || (t.split(' ').length > MAX_WORDS && countedPicks(text) === null)) return false; // "give me 5 of the first and 3 of the other one": long, yet picks
  // "y nada más", "eso nada más": the narrowing word with nothing it narrows to.
  if (ONLY.test(fold(text)) && t.split(' ').every((w) => /^(?:y|e|and|la|el|lo|los|las|the|eso|esto|that|thats|it|s|gracias|thanks)$/.test(w))) return false;
  // "¿cuánto sale la cubeta?", "how much is the 5 gallon one?": the price of the one in focus in another pack or size.
  const priced = t.replace(PRICE_LEAD, '');
  return QUANTITY_ONLY.test(t) || ATTRIBUTE_ONLY.test(t) || (priced !== t && ATTRIBUTE_ONLY.test(priced)) || CONTINUATION.test(t) || CONTINUATION.test(fold(text)) || readFollowUpQuantity(text) !== undefined || pickedExtreme(text) !== null || readFocusQuestion(text) !== null || asksYield(text) || asksThinning(text) || HOW_MANY_IN_STOCK.test(fold(text)) || IN_STOCK.test(fold(text)) || asksDeliveryTime(text) || takesTheOrder(text) || plansPickup(text) || SAME_ONE.test(fold(text)) || pickedOther(text) || countedPick(text, 3) !== null || countedPicks(text) !== null || specAsked(text) !== null || readGaugeCounts(text) !== null; // "un rollo de 12 y uno de 14": wire by gauge
}

/** A price question's lead, before what it asks the price of. */
const PRICE_LEAD = /^(?:y\s+)?(?:cuanto|a como|en cuanto|how much|what s|whats)\s+(?:me\s+)?(?:sale|salen|cuesta|cuestan|vale|valen|es|esta|estan|sería|seria|is|are|for|the price of)\s+/;

/** How many are in stock, with no product named ("¿cuántas tienen?", "¿cuántos hay?", "how many do you have?"). */
const HOW_MANY_IN_STOCK = /^(?:y\s+|and\s+)?(?:(?:cuant[oa]s|que cantidad)\s+(?:hay|tienen|tienes|tiene|quedan|te quedan|les quedan|tienen disponibles?|hay disponibles?|hay en (?:existencia|inventario))|how many (?:do you have|are there|are left|do you have left|in stock))(?:\s+(?:de esas?|de esos|disponibles?|en existencia|in stock|left))?$/;

/** Whether what is on the counter is there at all ("¿no hay?", "¿hay o no?", "¿lo tienen?", "is it in stock?"). */
const IN_STOCK =
  /^(?:(?:y|e|pero|and|but|ok|entonces)\s+)*(?:(?:no|si)\s+)?(?:(?:lo|la|los|las)\s+)?(?:hay|tienen|tiene|tienes|queda|quedan|les\s+queda|te\s+queda|manejan|venden)(?:\s+(?:o\s+no|disponibles?|en\s+existencia|en\s+stock|ahora|ahorita|hoy))*$|^(?:(?:and|but|so)\s+)?(?:is\s+it|are\s+they|is\s+that(?:\s+one)?)\s+(?:in\s+stock|available)(?:\s+(?:now|today))?$|^(?:(?:and|but|so)\s+)?(?:do\s+you\s+have|you\s+have|have\s+you\s+got|got)\s+(?:it|them|any)(?:\s+(?:in\s+stock|now|today))?$/;

/**
 * The message asks whether the product on the counter is there ("¿no hay?", "is it in stock?"):
 * a clerk says it again with its stock, never searches the words.
 *
 * @example
 * asksIfInStock('¿no hay?'); // true
 */
export function asksIfInStock(text: string): boolean {
  return IN_STOCK.test(fold(text));
}

/**
 * The message asks how many are in stock of what is on the counter.
 *
 * @example
 * asksHowManyInStock('¿cuántas tienen?'); // true
 */
export function asksHowManyInStock(text: string): boolean {
  return HOW_MANY_IN_STOCK.test(fold(text));
}

/** Which product of a list a superlative picks: the lowest or highest price, the smallest or largest size. */
export interface ExtremePick {
  by: 'price' | 'size';
  most: boolean;
}

const EXTREMES: readonly [RegExp, ExtremePick][] = [
  [/\b(?:mas\s+(?:barat[oa]s?|economic[oa]s?|asequibles?)|(?:el|la|lo|los|las)\s+(?:barat[oa]s?|economic[oa]s?)|menos\s+car[oa]s?|(?:menor|mas\s+bajo)\s+precio|cheapest|least\s+expensive|cheaper|cheap\s+one|lowest\s+price|less\s+expensive|most\s+affordable)\b/, { by: 'price', most: false }],
  [/\b(?:mas\s+car[oa]s?|(?:el|la|los|las)\s+car[oa]s?|(?:mayor|mas\s+alto)\s+precio|most\s+expensive|priciest|highest\s+price|more\s+expensive|expensive\s+one)\b/, { by: 'price', most: true }],
  [/\b(?:mas\s+(?:grandes?|larg[oa]s?|potentes?|gruesos?|gruesas?)|el\s+mayor|la\s+mayor|biggest|largest|longest|most\s+powerful|bigger|larger)\b/, { by: 'size', most: true }],
  [/\b(?:mas\s+(?:pequen[oa]s?|chiquit[oa]s?|chic[oa]s?|cort[oa]s?|fin[oa]s?)|el\s+menor|la\s+menor|smallest|shortest|smaller|tiniest)\b/, { by: 'size', most: false }],
];

/**
 * A pick by superlative among the products just shown ("el más barato", "la más grande", "the
 * cheapest one", "cuál es el más económico?"); null when the message is not such a pick.
 *
 * @example
 * pickedExtreme('el más barato'); // { by: 'price', most: false }
 */
export function pickedExtreme(text: string): ExtremePick | null {
  const t = fold(text);
  if (t === '' || t.split(' ').length > MAX_WORDS) return null;
  for (const [re, pick] of EXTREMES) {
    const m = re.exec(t);
    if (!m) continue;
    // Only the pick and words around one ("cuál es el más barato?", "dame la más grande de esas",
    // "the cheapest one please"): "el mayor problema es que no llegó" is no pick.
    const rest = `${t.slice(0, m.index)} ${t.slice(m.index + m[0].length)}`.split(' ').map((w) => w.replace(/['’]/g, '')).filter((w) => w !== '');
    // "dame 10 del más barato", "3 sacos del más económico": a count of the pick.
    return rest.every((w) => PICK_FILLER.has(w) || /^\d+$/.test(w) || QUANTITY_UNIT.test(w)) ? pick : null;
  }
  return null;
}

/** A lower price asked for what is bought ("me lo dejan más barato", "nos sale más barato?"), not a pick. */
const PRICE_LOWERED = /\b(?:me|nos|se|te) (?:lo |la |los |las )?(?:(?:pueden|puede|podrian|podria|van a) )?(?:dejan|deja|dejas|dejar|dan|da|das|dar|ponen|pone|poner|hacen|hace|hacer|venden|vende|vender|sale|salen|saldria|saldrian)\s+(?:un poco |algo |bien )?mas barat[oa]s?\b/;

/**
 * A superlative said anywhere in a message, with the words that say it ("cuál es el taladro más
 * barato?" → cheapest, "más barato"); null when there is none. Unlike `pickedExtreme`, other words
 * may name the product.
 */
export function superlativeIn(text: string): { pick: ExtremePick; said: string } | null {
  const t = fold(text);
  // "si compro bastantes, ¿me lo dejan más barato?": a lower price asked for, not the cheapest one.
  if (PRICE_LOWERED.test(t)) return null;
  for (const [re, pick] of EXTREMES) {
    const m = re.exec(t);
    if (m) return { pick, said: m[0] };
  }
  return null;
}

/**
 * The count given with a pick by superlative ("dame 10 del más barato" → 10), if any.
 *
 * @example
 * extremeCount('dame 10 del más barato'); // 10
 */
export function extremeCount(text: string): number | undefined {
  if (pickedExtreme(text) === null) return undefined;
  const n = /(?:^|\s)(\d+)(?=\s|$)/.exec(fold(text))?.[1];
  return n !== undefined && Number(n) > 0 ? Number(n) : undefined;
}

/** Words that may surround a pick by superlative. */
const PICK_FILLER = new Set([
  'y', 'e', 'el', 'la', 'los', 'las', 'lo', 'cual', 'cuales', 'es', 'son', 'seria', 'sea', 'dame', 'deme', 'quiero', 'me', 'llevo', 'das', 'mejor',
  'pues', 'entonces', 'ok', 'dale', 'de', 'del', 'esos', 'esas', 'estos', 'estas', 'ellos', 'todos', 'todas', 'que', 'tienen', 'tiene', 'hay',
  'uno', 'una', 'por', 'favor', 'porfa', 'pls', 'please', 'the', 'one', 'ones', 'which', 'is', 'give', 'i', 'ill', 'll', 'take', 'want', 'of',
  'them', 'those', 'these', 'all', 'and', 'what', 'about', 'how', 'then', 'ese', 'esa', 'ponme', 'mandame', 'cuanto', 'cuesta', 'sale', 'precio',
  'price', 'much', 'it', 'opcion', 'option', 'you', 'have', 'got', 'do', 'a', 'mas', 'whats', 'its', 'thats', 'get', 'need', 'necesito', 'tengan', 'tenga', 'tienes', 'haya', 'manejan', 'venden', 'carry', 'sell',
]);

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

/**
 * "el otro", "y la otra?", "dame el otro", "¿cuánto cuesta el otro?", "the other one": the other
 * product of the two on the counter (the option not in focus, or the one answered before).
 *
 * @example
 * pickedOther('y la otra?'); // true
 * pickedOther('otro problema'); // false
 */
export function pickedOther(text: string): boolean {
  const t = fold(text);
  return OTHER_ONE.test(t) || COUNTED_OTHER.test(t);
}

/**
 * The count of a pick of the other one ("y 5 del otro", "dame 3 de la otra", "2 of the other one").
 *
 * @example
 * otherCount('y 5 del otro'); // 5
 */
export function otherCount(text: string): number | undefined {
  const m = COUNTED_OTHER.exec(fold(text));
  return m ? Number(m[1]) : undefined;
}
const COUNTED_OTHER =
  /^(?:(?:y|e|and|no|mejor|entonces|pues|ok|dale|dame|deme|ponme|mandame|quiero|necesito|give\s+me|i\s+want|i\s+need|i\s+ll\s+take|ill\s+take)\s+)*(\d+)\s+(?:[a-z]+\s+)?(?:del|de\s+la|de\s+el|of\s+the)\s+(?:otr[oa]|other(?:\s+one)?)(?:\s+(?:entonces|pues|por\s+favor|porfa|please|then))*$/;
const OTHER_ONE =
  /^(?:(?:y|e|and|no|mejor|entonces|pues|ok|dale|si|bueno|dame|deme|quiero|prefiero|me\s+llevo|llevo|mandame|ponme|give\s+me|i\s+want|i\s+ll\s+take|ill\s+take|i\s+prefer|what\s+about|how\s+about|cuanto|cuesta|sale|vale|es|how\s+much|is)\s+)*(?:(?:el|la|lo|the)\s+)?(?:otr[oa]|other(?:\s+one)?)(?:\s+(?:entonces|pues|mejor|por\s+favor|porfa|please|then|instead|cuanto|cuesta|sale|vale|how\s+much))*$/;

/** "esa misma", "ese", "that one", "the same one": the product on the counter, chosen. */
const SAME_ONE =
  /^(?:(?:si|ok|okay|dale|pues|entonces|yes|sure|dame|deme|quiero|me\s+llevo|llevo|ponme|give\s+me|i\s+ll\s+take|ill\s+take|i\s+want)\s+)*(?:(?:ese|esa|eso|este|esta|el|la|lo)\s+mism[oa]|es[ea]|est[ea]|es[ea]\s+(?:ahi|nomas|nada\s+mas)|that\s+one|this\s+one|the\s+same(?:\s+one)?|same\s+one)(?:\s+(?:por\s+favor|porfa|please|entonces|pues|then))?$/;

/**
 * The message points at the product on the counter and nothing else ("el mismo", "ese mismo",
 * "esa misma", "the same one"): a clerk takes it as that product, whatever else the words may lean to
 * ("el mismo" leans "complaint" in the classifier: "el mismo problema").
 *
 * @example
 * pointsAtTheOneShown('sí, el mismo'); // true
 */
export function pointsAtTheOneShown(text: string): boolean {
  return SAME_ONE.test(fold(text));
}

/**
 * A count of one of the options shown, by its place ("dame 2 de la primera", "3 galones de la
 * segunda", "give me 2 of the first one"); null when the message is no such pick.
 *
 * @example
 * countedPick('dame 2 de la primera', 2); // { index: 0, quantity: 2 }
 */
export function countedPick(text: string, count: number): { index: number; quantity: number } | null {
  const m = /^(?:(?:ok|dale|pues|entonces|y|and)\s+)*(?:(?:dame|deme|ponme|pongame|quiero|necesito|ocupo|mandame|me\s+das|me\s+llevo|llevo|give\s+me|i\s+want|i\s+need|ill\s+take|i\s+ll\s+take)\s+)?(\d+|[a-z]+)\s+(?:([a-z]+)\s+)?(?:de|of)\s+(.+)$/.exec(fold(text).replace(/['’]/g, ''));
  if (!m) return null;
  const quantity = /^\d+$/.test(m[1] as string) ? Number(m[1]) : NUMBER_WORDS[m[1] as string];
  if (quantity === undefined || quantity <= 0 || (m[2] !== undefined && !QUANTITY_UNIT.test(m[2]))) return null;
  const index = pickedOption(m[3] as string, count);
  return index === null ? null : { index, quantity };
}

/** Number words a customer writes for a quantity ("tres", "veinte", "a hundred"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1, uno: 1, una: 1, one: 1, a: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5,
  seis: 6, six: 6, siete: 7, seven: 7, ocho: 8, eight: 8, nueve: 9, nine: 9, diez: 10, ten: 10, once: 11,
  eleven: 11, doce: 12, twelve: 12, quince: 15, fifteen: 15, veinte: 20, twenty: 20, treinta: 30, thirty: 30,
  cuarenta: 40, forty: 40, cincuenta: 50, fifty: 50, cien: 100, ciento: 100, hundred: 100, docena: 12, dozen: 12,
};
/** Words around a quantity that ask for its price or say "I'll take it" ("ok dame 5", "cuánto me salen 3?"). */
const QUANTITY_FILLER = new Set([
  'ok', 'okay', 'oki', 'vale', 'dale', 'bueno', 'perfecto', 'listo', 'pues', 'entonces', 'so', 'then', 'y', 'e', 'and', 'si', 'if',
  'cuanto', 'cuantos', 'a', 'como', 'me', 'te', 'nos', 'salen', 'sale', 'saldrian', 'saldria', 'serian', 'seria', 'son', 'es', 'sera', 'seran',
  'costarian', 'costaria', 'cuestan', 'cuesta', 'valen', 'vale', 'total', 'en', 'el', 'precio', 'por', 'para', 'how', 'much', 'would', 'will',
  'be', 'is', 'are', 'it', 'for', 'the', 'price', 'cost', 'costs', 'compro', 'llevo', 'quiero', 'necesito', 'ocupo', 'dame', 'das', 'ponme',
  'pongame', 'mandame', 'buy', 'take', 'get', 'need', 'want', 'give', 'send', 'i', 'ill', 'please', 'porfa', 'favor', 'unos', 'unas', 'about', 'like',
  'what', 'make', 'fueran', 'fuera', 'pa', 'mejor', 'llevaria', 'compraria', 'necesitaria', 'ocuparia', 'im', 'taking', 'lo',
  // "si llevo 10, ¿cuánto pago?", "if I take 5, how much do I pay?".
  'pago', 'pagaria', 'pagare', 'pagamos', 'pay', 'do', 'we',
  // Dominican ways of taking: "y si cojo 12?", "si agarro 5", "si pido 20".
  'cojo', 'agarro', 'pido', 'tomo', 'llevamos', 'compramos',
  // A count changed: "no, que sean 15", "cámbialo a 15", "ponle 15", "change it to 15", "15 instead".
  'no', 'que', 'sean', 'cambialo', 'cambiala', 'cambialos', 'cambia', 'cambiame', 'ponle', 'pon', 'change', 'to', 'instead', 'actually', 'rather',
  // Count added on top: "add 10 more", "agrégale 10 más", "súmale 5 más".
  'add', 'agrega', 'agregale', 'agregame', 'suma', 'sumale', 'anade', 'anadele',
  // The product on the counter pointed at: "ese mismo, dame 5", "ese, dame 5", "same one, 5 please".
  'ese', 'esa', 'este', 'esta', 'esos', 'esas', 'mismo', 'misma', 'mismos', 'mismas', 'same', 'that', 'this', 'those', 'these',
  // A yes with the count: "sí pero 10", "yes, but 10".
  'pero', 'but', 'yes', 'sure',
  // How many to leave: "déjale 5", "que queden 5", "leave 5".
  'deja', 'dejale', 'dejame', 'dejalo', 'dejalos', 'queden', 'quede', 'leave', 'keep',
  // A count corrected: "perdón, 2 no 20", "quise decir 2", "era 2", "sorry, I meant 2", "oops, 2".
  'perdon', 'disculpa', 'disculpe', 'sorry', 'quise', 'decir', 'digo', 'era', 'eran', 'meant', 'mean', 'oops', 'sino',
  // A count narrowed after a pause: "no espera, solo 4", "wait, just 4".
  'espera', 'espere', 'esperate', 'aguanta', 'wait', 'solo', 'solamente', 'nomas', 'only', 'just',
]);
/** What may follow the number: a selling unit, or "of them" / "de esos". */
const QUANTITY_UNIT =
  /^(?:pares|unidades?|units?|piezas?|pieces?|fundas?|sacos?|zacos?|qq|quintal(?:es)?|bags?|galon(?:es|e|s)?|glns?|gallons?|cubetas?|buckets?|pies?|feet|foot|metros?|meters?|rollos?|rolls?|laminas?|hojas?|pliegos?|sheets?|varillas?|tablas?|tablones?|bolsas?|latas?|cans?|rods?|boards?|pares?|pairs?|planchas?|libras?|pounds?|lbs?|cajas?|boxes?|tubos?|cientos?|hundreds?|m2|juegos?|sets?|paquetes?|packs?|mas|more)$/;

/**
 * The quantity a follow-up asks for ("y si compro 50?", "ok dame 5", "cuánto me salen 3?",
 * "y si son 20 fundas?", "and 3 of those?" → the number), unless the number is a size ("y de 4?").
 * `unit` is the selling unit the customer named, if any ("y 2 galones?" → galon).
 */
export function readFollowUpQuantity(text: string): Readonly<{ quantity: number; unit?: string; change?: 'more' | 'less' }> | undefined {
  return remembered(quantities, text, readQuantity);
}

function readQuantity(text: string): Readonly<{ quantity: number; unit?: string; change?: 'more' | 'less' }> | undefined {
  const part = partCount(text); // "dame media libra", "1.5 libras": weighed or cut to the amount
  if (part) return Object.freeze(part);
  // "dame uno de esos", "I'll take one of those": one, said as a count.
  // "dame uno", "quiero una", "I'll take one": one of the product shown, taken (a bare "una" is no count).
  const oneOfThem = /\b(?:uno|una|one)\s+(?:de|of)\s+(?:esos|esas|ellos|ellas|them|those|these)\b/.test(fold(text)) || ONE_TAKEN.test(fold(text));
  // "otros 2 del mismo color", "perdón, 2 no 20", "dame 15 pa Caleta": the words around the count gone, counts in words as digits.
  const t = quantityWords(text);
  // "quítale 2", "sácale 3", "2 menos", "take 2 off": that many fewer than the count on the counter.
  const less = LESS.test(t);
  if (less) return readLess(t.replace(LESS, ' ').replace(/\s+/g, ' ').trim());
  if (t === '' || t.split(' ').length > MAX_WORDS) return undefined;
  const rest = t.split(' ').filter((w) => !QUANTITY_FILLER.has(w));
  // "a hundred" / "cien": the filler list drops "a"; "ciento" alone is 100. "10 sacos más", "5 galones more": the unit said with the count on top.
  const plus = rest.length === 3 && QUANTITY_UNIT.test(rest[1] as string) && /^(?:mas|more)$/.test(rest[2] as string) ? [rest[0] as string, rest[2] as string] : rest;
  if (plus.length === 0 || plus.length > 2) return undefined;
  const [num, unit] = plus as [string, string | undefined];
  const n = /^\d+$/.test(num) ? Number(num) : NUMBER_WORDS[num];
  if (n === undefined || !Number.isInteger(n) || n <= 0 || n > 999_999) return undefined; // more than six digits is no count (`number-alone.ts`)
  if (unit !== undefined && !QUANTITY_UNIT.test(unit)) return undefined;
  // A number word alone ("una", "uno") is a pick or an article, not a quantity; digits or a unit make it real.
  if (!/^\d+$/.test(num) && unit === undefined && n < 2 && !oneOfThem) return undefined;
  // "dame 5 más", "5 more": that many on top of the count on the counter.
  const more = unit !== undefined && /^(?:mas|more)$/.test(unit);
  return Object.freeze({ quantity: n, ...(unit !== undefined && !more ? { unit } : {}), ...(more ? { change: 'more' as const } : {}) });
}

/** One of the product shown, asked for with a verb of taking: "dame uno", "ok ponme una", "give me one", "I'll take one". */
const ONE_TAKEN =
  /^(?:(?:ok|okay|dale|si|pues|entonces|bueno|listo|perfecto|y|and|yes|sure|great|then)\s+)*(?:dame|deme|denme|ponme|pongame|mandame|mandeme|vendeme|me\s+das|me\s+da|me\s+llevo|llevo|quiero|quisiera|necesito|ocupo|give\s+me|i\s*'?ll\s+take|i\s+will\s+take|i\s*'?ll\s+get|i\s*'?ll\s+have|i\s+want|i\s+need|let\s+me\s+(?:have|get)|can\s+i\s+(?:have|get))\s+(?:(?:solo|nada\s+mas|just|only)\s+)?(?:un|uno|una|one|a\s+single\s+one)(?:\s+(?:nada\s+mas|nomas|solamente|por\s+favor|porfa|please|pls|entonces|then|for\s+now))*$/;

const LESS = /^(?:(?:y|e|and|mejor|ok|entonces|pues)\s+)*(?:quitale|quitame|quita|kitale|kitame|kita|sacale|sacame|restale|resta|bajale|take\s+off|take\s+away|take(?=\s+\d+\s+(?:off|away)$)|remove|minus)\b|\b(?:menos|less|fewer)$/;

function readLess(t: string): Readonly<{ quantity: number; change: 'less' }> | undefined {
  const rest = t.split(' ').filter((w) => w !== '' && !QUANTITY_FILLER.has(w) && !QUANTITY_UNIT.test(w) && w !== 'off' && w !== 'away');
  const n = rest.length === 1 && /^\d+$/.test(rest[0]!) ? Number(rest[0]) : undefined;
  return n !== undefined && n > 0 ? Object.freeze({ quantity: n, change: 'less' as const }) : undefined;
}

/** The quantity a follow-up asks for ("y si compro 50?" → 50), unless the number is a size ("y de 4?"). */
export function followUpQuantity(text: string): number | undefined {
  return readFollowUpQuantity(text)?.quantity;
}

/** "de cada uno", "of each": every line of the estimate takes the quantity. */
const EACH = /\b(?:de\s+)?cada\s+(?:uno|una|cosa|producto|articulo|item)s?\b|\bde\s+cada\s*$|\b(?:of\s+)?each(?:\s+(?:one|item|thing))?\b/;
/** "uno de cada uno", "una de cada cosa", "one of each": one of every line. */
const ONE_OF_EACH = /\b(?:un|uno|una|one)\s+(?:de\s+cada|of\s+each)\b/;
/** "¿cuánto sería todo?", "el total", "how much for all of it?": the estimate's total again. */
const TOTAL = /\b(?:todo|toda|todito|total|en\s+total|todo\s+junto|todo\s+eso|altogether|all\s+together|in\s+total|everything|all\s+of\s+it|all\s+of\s+that|the\s+lot|the\s+whole\s+thing|for\s+all|it\s+all|all\s+(?:come|comes|add|adds|cost|costs))\b/;
const PRICE_CUE = /\b(?:cuanto|cuantos|total|precio|costo|cuesta|cuestan|sale|salen|seria|serian|saldria|queda|quedaria|how much|price|cost|costs|whats|come to|comes to|add up)\b/;
/** "los dos", "ambos", "both (of them)", "the two": every product just talked about (`both`). */
const BOTH = /\b(?:(?:a\s+)?(?:los|las)\s+(?:dos|2)|ambos|ambas|both(?:\s+of\s+them)?|the\s+(?:two|2)(?:\s+of\s+them)?)(?:\s+(?:cosas|productos|articulos|things|items))?\b/;
/** Words that may go with "los dos" / "both" asking for them: taking, sending, adding them. */
const BOTH_EXTRA = new Set(['mandame', 'manda', 'mandas', 'mande', 'mandeme', 'mandenme', 'mandamelos', 'mandamelas', 'enviame', 'envia', 'envie', 'envieme', 'agregame', 'agrega', 'anade', 'anademe', 'pon', 'ponme', 'llevo', 'llevare', 'llevame', 'voy', 'a', 'llevar', 'quedo', 'con', 'los', 'las', 'send', 'add', 'll', 'ill', 'go', 'with', 'have', 'buy', 'tambien', 'also', 'too', 'si', 'yes', 'sure', 'claro', 'dale', 'ok', 'okay', 'pues', 'entonces', 'quiero', 'necesito', 'dame', 'deme', 'por', 'favor', 'porfa', 'please', 'me', 'lo', 'la', 'de', 'of', 'them', 'cuanto', 'cuantos', 'sale', 'salen', 'serian', 'seria', 'total', 'i', 'take', 'want', 'need', 'give', 'get', 'and', 'y', 'for', 'how', 'much', 'are', 'is', 'would', 'be', 'unidades', 'units', 'piezas', 'pieces', 'uno', 'una', 'one']);
const BOTH_WORDS_ONLY = (t: string): boolean =>
  t.replace(BOTH, ' ').split(' ').filter((w) => w !== '').every((w) => BOTH_EXTRA.has(w) || /^\d+$/.test(w) || NUMBER_WORDS[w] !== undefined);
const ESTIMATE_WORDS = new Set(['y', 'e', 'and', 'mejor', 'better', 'actually', 'no', 'pero', 'but', 'instead', 'rather', 'ahora', 'now', 'mas', 'entonces', 'ok', 'okay', 'dale', 'pues', 'bueno', 'so', 'then', 'cuanto', 'cuantos', 'seria', 'serian', 'sale', 'salen', 'saldria', 'me', 'es', 'son', 'el', 'la', 'lo', 'de', 'del', 'por', 'para', 'en', 'how', 'much', 'is', 'it', 'would', 'be', 'for', 'the', 'what', 'whats', 's', 'price', 'precio', 'costo', 'cuesta', 'cuestan', 'vale', 'valen', 'dame', 'deme', 'quiero', 'ponme', 'pongame', 'mandame', 'necesito', 'ocupo', 'llevo', 'i', 'want', 'need', 'take', 'give', 'me', 'please', 'porfa', 'por', 'favor', 'pls', 'entonces', 'all', 'of', 'that', 'todo', 'toda', 'todito', 'total', 'junto', 'eso', 'altogether', 'together', 'in', 'everything', 'lot', 'whole', 'thing', 'cada', 'uno', 'una', 'cosa', 'producto', 'articulo', 'item', 'each', 'one', 'unidades', 'units', 'piezas', 'pieces', 'mas', 'more', 'si', 'if', 'compro', 'buy', 'get', 'with', 'con', 'todos', 'todas', 'unos', 'unas', 'ellos', 'ellas', 'them', 'those', 'these', 'esos', 'esas', 'uds', 'ustedes', 'you',
  // "¿cuánto sería todo con el envío?": the delivery asked for before is a line of that estimate.
  'envio', 'delivery', 'entrega', 'shipping', 'incluido', 'incluyendo', 'included', 'including', 'and', 'y', 'delivered', 'llevado', 'enviado', 'sent',
  // "¿cuánto queda todo?", "¿en cuánto me sale todo?", "¿cuánto da todo?", "what does it all come to?": other verbs of the same total.
  'queda', 'quedaria', 'quedan', 'quedarian', 'da', 'dan', 'daria', 'suma', 'sumaria', 'sumando', 'monta', 'montaria', 'does', 'do', 'come', 'comes', 'to', 'add', 'adds', 'up', 'cost', 'costs',
  // "I'll need 2 of each", "we'd like 3 of each", "voy a necesitar 2 de cada uno", "vamos a llevar 5 de cada uno": the same order in future or polite verbs.
  'll', 'd', 'will', 'we', 'gonna', 'going', 'can', 'could', 'let', 'lets', 'like', 'have', 'go', 'voy', 'vamos', 'a', 'necesitar', 'llevar', 'llevarme', 'quisiera', 'quiera', 'das', 'pon', 'manda', 'necesitamos', 'queremos', 'llevamos', 'ocupamos', 'ocupar']);

/**
 * Asks about the estimate just given rather than a new product: its total again ("¿cuánto sería
 * todo?", "how much for all of it?") or every line at one quantity ("dame 100 de cada uno", "50
 * of each"). Null when the message says anything else (a product, a question about the store).
 *
 * @example
 * asksEstimateAgain('dame 100 de cada uno') // { each: 100 }
 * asksEstimateAgain('¿cuánto es el total?') // {}
 */
export function asksEstimateAgain(text: string): Readonly<{ each?: number; both?: true }> | null {
  return remembered(estimatesAgain, text, readEstimateAgain);
}

const estimatesAgain = createLru<Readonly<{ each?: number; both?: true }> | null>(256);


function readEstimateAgain(text: string): Readonly<{ each?: number; both?: true }> | null {
  // "to eso cuánto e", "cuánto e to?": Dominican "todo" with its last syllable dropped.
  const folded = fold(text).replace(/['’]/g, ' ').replace(/\s+/g, ' ').replace(DROPPED_TODO, 'todo');
  if (folded === '' || folded.split(' ').length > 12) return null;
  // "mándame los dos", "dame 10 de ambos": the two products (10 each), not a count of 2.
  const both = BOTH.test(folded);
  if (both && !BOTH_WORDS_ONLY(folded)) return null;
  const t = both ? folded.replace(BOTH, 'cada uno').replace(/\s+/g, ' ').trim() : folded;
  if (both) {
    const n = t.split(' ').filter((w) => /^\d+$/.test(w) || (NUMBER_WORDS[w] !== undefined && !/^(?:un|uno|una|one|a)$/.test(w)));
    const count = n.length === 1 ? (/^\d+$/.test(n[0]!) ? Number(n[0]) : NUMBER_WORDS[n[0]!]) : undefined;
    if (n.length > 1 || (count !== undefined && !(Number.isInteger(count) && count > 0))) return null;
    return Object.freeze(count !== undefined ? { each: count, both: true as const } : { both: true as const });
  }
  const each = EACH.test(t);
  // "¿cuánto sería con el envío?": the order's total with its delivery.
  if (!each && !TOTAL.test(t) && !WITH_DELIVERY.test(t)) return null;
  const numbers = t.split(' ').filter((w) => /^\d+$/.test(w) || NUMBER_WORDS[w] !== undefined && !/^(?:un|uno|una|one|a)$/.test(w));
  if (t.split(' ').some((w) => !ESTIMATE_WORDS.has(w) && !/^\d+$/.test(w) && NUMBER_WORDS[w] === undefined)) return null;
  // "eso es todo", "todo bien": nothing asked about the price.
  if (!each) return numbers.length === 0 && PRICE_CUE.test(t) ? Object.freeze({}) : null;
  // "dame uno de cada uno", "one of each": one each (the word for one is no count elsewhere).
  const n = numbers.length === 1 ? (/^\d+$/.test(numbers[0]!) ? Number(numbers[0]) : NUMBER_WORDS[numbers[0]!]) : numbers.length === 0 && ONE_OF_EACH.test(t) ? 1 : undefined;
  return n !== undefined && Number.isInteger(n) && n > 0 ? Object.freeze({ each: n }) : null;
}

/** "to" for "todo" where English "to" cannot stand: "to eso", "to junto", "(cuánto e) to" at the end. */
const DROPPED_TODO = /\bto(?= (?:eso|esto|junto)\b)|(?<=\bcuanto (?:e|es|sale|seria) )to\b(?= ?\??$)/g;

/** "con delivery", "con el envío", "with delivery": the price asked includes taking it there. */
const WITH_DELIVERY = /\b(?:con|incluyendo|with|including)\s+(?:el\s+|la\s+|the\s+)?(?:envio|delivery|entrega|shipping|transporte)\b/;
/** The place a delivery goes to, at the end of a message ("… con delivery a Caleta?", "… to Bayahibe", "… pa la Romana cuánto e"). */
export const AT_A_PLACE = /\s(?:a|al|hasta|para|pa|pal|to)\s+[^\s?¿!¡.,]+(?:\s+[^\s?¿!¡.,]+){0,3}\s*[?!.]*\s*$/i;

/**
 * The price of the order with its delivery, to a place or not: "¿cuánto sería con delivery a
 * Caleta?", "¿cuánto me sale con el envío?", "how much with delivery to Caleta?".
 *
 * @example
 * asksTotalWithDelivery('¿cuánto sería con delivery a Caleta?'); // true
 * asksTotalWithDelivery('¿hacen delivery a Caleta?'); // false
 */
export function asksTotalWithDelivery(text: string): boolean {
  if (text.length > 80 || !/env[ií]o|delivery|entrega|shipping|transporte/i.test(text)) return false;
  const t = fold(text);
  return WITH_DELIVERY.test(t) && asksEstimateAgain(t.replace(AT_A_PLACE, ' ')) !== null;
}
