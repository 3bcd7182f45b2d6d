/**
 * A new count for one line of an estimate of several, the line named by a word or a size: "no, de
 * 1/2 mejor 8", "no, eran 8 de 1/2", "las de media que sean 8", "el cemento mejor ponle 25", "make
 * the rollers 3". A clerk crosses out that line's count and writes the new one; the bot used to take
 * the leading "no" for the quote turned down, or priced another cement with the old count. Pure
 * text rules over the folded message; which line the words name is the product tool's
 * (`line-count.ts`).
 */
import { foldMessage as fold } from './count-words.js';

/** Words that say the count replaces one given before ("mejor", "eran", "que sean", "ponle", "make it"…). */
const CORRECTS =
  /\b(?:mejor|eran|era|que\s+sean|que\s+seran|sean|ponle|ponme|pon|ponga|cambia(?:lo|la|los|las|le|me)?|cambiale|make(?:\s+(?:it|that|them))?|change|instead|actually|rather)\b/;

/** Words of one line put in another's place: not a recount. */
const SWITCHES = /\b(?:vez|lugar|por|sino|instead\s+of|switch|swap|replace)\b/;

/** A count: digits standing alone (not a size: "1/2", 3/8", "4 pulgadas", "20A") or a number word. */
const COUNT =
  /(?<![\d/.]|(?:grado|grade|calibre|gauge|numero|tipo|type|no|#)\s*)\b(\d{1,4}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cincuenta|cien|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty)\b(?![/.]\d|\s*(?:"|''|pulg\w*|inch\w*|in\b|mm\b|cm\b|amp\w*|a\b|w\b|v\b|x\s*\d|por\s+\d))/g;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, quince: 15, veinte: 20, treinta: 30, cincuenta: 50, cien: 100,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20, fifty: 50,
};

/** Words around the count and the line that name neither. */
const FILLER =
  /\b(?:no|nop|si|ok|okay|bueno|pues|entonces|perdon|sorry|oye|mira|manito|mano|loco|de|del|la|las|el|los|lo|a|al|the|of|to|it|that|them|for|en|que|y|e|and|but|pero|mejor|eran|era|sean|seran|ponle|ponme|pon|ponga|cambia\w*|make|change|instead|actually|rather|por\s+favor|porfa|please|pls|unidades?|units?|sacos?|fundas?|bags?|metros?|meters?|galon(?:es)?|gallons?|piezas?|pieces?|mas|more|nomas|solo|only)\b/g;

/**
 * The count and the words naming the line it is for, or null when the message is no such
 * correction (no correcting word, not exactly one count, nothing but the count: a bare "mejor 3" is
 * `readFollowUpQuantity`'s).
 *
 * @example
 * lineRecount('no, de 1/2 mejor 8'); // { quantity: 8, words: '1/2' }
 * lineRecount('el cemento mejor ponle 25'); // { quantity: 25, words: 'cemento' }
 * lineRecount('no, mejor 3'); // null
 */
export function lineRecount(text: string): Readonly<{ quantity: number; words: string }> | null {
  if (text.length > 80) return null;
  const t = fold(text).replace(/['’]/g, ' ');
  // "cambia la arena por 3 metros de grava", "en vez del thinner ponme 5 de sellador": a line switched (`line-switch.ts`).
  if (!CORRECTS.test(t) || SWITCHES.test(t.replace(/\bpor\s+favor\b/g, ' '))) return null;
  const counts = [...t.matchAll(COUNT)];
  if (counts.length !== 1) return null;
  const said = counts[0]![1]!;
  const quantity = /^\d+$/.test(said) ? Number(said) : (NUMBER_WORDS[said] ?? 0);
  if (quantity <= 0) return null;
  const at = counts[0]!.index!;
  const words = (t.slice(0, at) + ' ' + t.slice(at + said.length)).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  if (words === '' || words.split(' ').length > 3) return null;
  return Object.freeze({ quantity, words });
}
