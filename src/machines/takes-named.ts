/**
 * "me llevo el Truper", "dame el martillo", "I'll take the Truper one" right after that very product
 * was priced ("¿Te lo reservo?"): the customer takes it by its name. A clerk writes it up, as for
 * "dámelo"; the product flow would only price it again. Every word named must be a word of the line
 * on offer ("1 x Martillo de Uña 16 oz Truper"): another brand or size is a new question.
 */
import { plainWords } from '../kernel/plain-words.js';

const TAKES_NAMED =
  /^(?:(?:ok|okay|dale|si|bueno|pues|entonces|perfecto|listo|yes|great|then)\s+)*(?:me\s+llevo|me\s+lo\s+llevo|llevo|me\s+quedo\s+con|dame|deme|quiero|ponme|pongame|mandame|vendeme|reservame|apartame|separame|voy\s+con|i\s*ll\s+take|i\s+will\s+take|i\s*ll\s+get|i\s*ll\s+buy|give\s+me|i\s+want|i\s*ll\s+go\s+with)\s+(?:el|la|los|las|the)\s+(.+)$/;
/** Words around the name that name nothing ("el Truper entonces", "the Truper one please"). */
const AROUND = new Set(['entonces', 'pues', 'por', 'favor', 'porfa', 'mismo', 'misma', 'then', 'please', 'one', 'ese', 'esa', 'that']);

const singular = (w: string): string => w.replace(/(?:es|s)$/, '');

/**
 * True when the message takes, by its name, the line on offer (`offered`: "1 x Martillo de Uña 16 oz Truper").
 *
 * @example
 * takesTheNamed('me llevo el Truper', '1 x Martillo de Uña 16 oz Truper'); // true
 * takesTheNamed('me llevo el DeWalt', '1 x Martillo de Uña 16 oz Truper'); // false
 */
export function takesTheNamed(text: string, offered: string): boolean {
  const named = TAKES_NAMED.exec(plainWords(text))?.[1]?.split(' ').filter((w) => !AROUND.has(w));
  if (!named || named.length === 0 || named.length > 4) return false;
  const line = new Set(plainWords(offered).split(' ').map(singular));
  return named.every((w) => line.has(singular(w)));
}
