/**
 * "¿tienen azul?", "azul cielo", "color crema", "do you have sky blue?": a colour asked for with no
 * product named. In a hardware store that is a product question (the paint it comes in), whatever
 * the classifier made of a message with no product word ("out of scope", "no te entendí").
 */
import type { Product } from '../../../domain/tenant.js';
import { FILLER, fold, resolverFor, stem } from '../../catalog/index.js';

/** The words such a message may say besides its colour: asking whether there is some, and joining words. */
const ASKING = new Set([
  'tienen', 'tiene', 'tienes', 'hay', 'venden', 'vende', 'manejan', 'maneja', 'en', 'de', 'y', 'o', 'lo', 'la', 'el', 'algo', 'un', 'una',
  'do', 'you', 'have', 'any', 'in', 'got', 'carry', 'sell', 'and', 'or', 'the', 'a', 'some', 'something',
]);

/** Greetings that open a message ("hola", "klk", "buenas tardes", "hi"), with their comma. */
const GREETING_FIRST = /^\s*(?:(?:hola|ola|buenas|buenos d[ií]as|buenas tardes|buenas noches|buen d[ií]a|saludos|klk|hi|hello|hey|good (?:morning|afternoon|evening))[\s,.!¡]+)+/i;

/** Longer messages say more than a colour. */
const MAX_WORDS = 6;

/** True when the message asks for a colour and nothing else ("tienen azul cielo?"); "hola mi negro" is not. */
export function namesOnlyAColour(catalog: readonly Product[], said: string): boolean {
  // A greeting before it ("hola, ¿azul?", "klk, tienen rojo?") is the message's courtesy, not another thing asked.
  const text = said.replace(GREETING_FIRST, '');
  const words = fold(text).replace(/[^a-z0-9\s]+/g, ' ').split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  const parsed = resolverFor(catalog).parse(text);
  if (parsed.content.length > 0 || parsed.attributes.colours.length === 0 || parsed.attributes.measures.length > 0) return false;
  // What the parse left out as filler must be asking words: greetings and forms of address are another message.
  return words.filter((w) => FILLER.has(stem(w))).every((w) => ASKING.has(w));
}

/** A count said first, maybe after an ordering verb: "dame 3 galones de la blanca", "I'll take 4 of the white", "2 gallons of the green one". */
const COUNT_FIRST = /^(?:(?:ok|okay|dale|bueno|pues|entonces|so|then|y|and)\s+)*(?:(?:dame|deme|denme|ponme|pongame|mandame|quiero|necesito|ocupo|me\s+llevo|llevo|i\s*ll\s+take|i\s+will\s+take|i\s+want|i\s+need|give\s+me|can\s+i\s+get|i\s*d\s+like)\s+)?\d{1,4}\s/;
/** What such a message may say besides its count and colour: packs, joining words and the pointing "one". */
const COUNTED = new Set([
  ...ASKING, 'dame', 'deme', 'denme', 'ponme', 'pongame', 'mandame', 'quiero', 'necesito', 'ocupo', 'me', 'llevo', 'del', 'las', 'los', 'of', 'one', 'ones',
  'i', 'll', 'take', 'will', 'want', 'need', 'give', 'can', 'get', 'd', 'like', 'please', 'pls', 'por', 'favor', 'porfa', 'ok', 'okay', 'dale', 'bueno', 'pues', 'entonces', 'so', 'then',
  'galon', 'galones', 'gallon', 'gallons', 'gl', 'gls', 'cubeta', 'cubetas', 'bucket', 'buckets',
]);

/**
 * "dame 3 galones de la blanca", "I'll take 4 of the white", "2 gallons of the green one": a count of
 * a colour with no product named. At a hardware store's counter that orders the paint in that colour,
 * never a goodbye on "I'll take" nor "no te entendí"; the product tool prices the count.
 */
export function countsAColour(catalog: readonly Product[], said: string): boolean {
  const text = fold(said).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!COUNT_FIRST.test(text)) return false;
  const words = text.split(' ');
  if (words.length > MAX_WORDS + 4) return false;
  const parsed = resolverFor(catalog).parse(said);
  if (parsed.content.length > 0 || parsed.attributes.colours.length === 0 || parsed.attributes.measures.length > 0) return false;
  return words.every((w) => /^\d+$/.test(w) || COUNTED.has(w) || !FILLER.has(stem(w)));
}

/** A colour wished for or taken, first in the message: "quiero el …", "dame la …", "me llevo el …", "I want the …", "give me the …". */
const PICK_FIRST =
  /^(?:(?:ok|okay|dale|bueno|pues|entonces|si|so|then|y|and|hola|klk)\s+)*(?:quiero|kiero|quisiera|queria|necesito|nesecito|ocupo|dame|deme|denme|ponme|pongame|mandame|me\s+llevo|llevo|prefiero|mejor|i\s+want|i\s+need|i\s*d\s+like|i\s*ll\s+take|i\s+will\s+take|give\s+me|let\s+me\s+get|i\s+prefer)\s+(?:(?:el|la|los|las|lo|un|una|uno|de|del|en|color|the|a|an|some|in)\s+)*/;

/**
 * "quiero el rosado claro", "dame el azul", "I want the light pink": a colour of the paint on the
 * counter wished for or taken, with no word of trouble. The classifier reads "quiero el …" as a sure
 * complaint (its complaints say "quiero devolver el …"); a clerk hears the colour asked for.
 */
export function picksAColour(catalog: readonly Product[], said: string, troubled: (text: string) => boolean): boolean {
  const text = fold(said).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  const pick = PICK_FIRST.exec(text);
  if (pick === null || text.split(' ').length > MAX_WORDS + 2) return false;
  return resolverFor(catalog).parse(text.slice(pick[0].length)).attributes.colours.length > 0 && !troubled(said);
}
