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
