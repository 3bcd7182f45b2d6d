import { fold } from './slot-extractors.js';
import { asksFreeTimes } from './free-times-asked.js';

/**
 * A price and the free times in one hurried message: "toy apurada, ¿cuánto el blower y a qué hora
 * tienen hoy?", "how much is a blowout and what times do you have tomorrow?". A receptionist says the
 * price and shows that day's free times in the same breath; the reply used to carry only the price.
 * With a price asked beside it, "¿a qué hora tienen?" asks for free times, not the opening hours. Pure.
 */

const PRICE = /\b(?:cuanto|cuanta|precio|precios|cuesta|cuestan|vale|valen|cobran|how much|price|prices|cost|costs)\b/;
/** Times asked loosely ("a q hora tienen hoy", "what time can you take me"), read as free times only beside a price. */
const TIMES =
  /\b(?:(?:a )?(?:que|q|k) horas? (?:tienen|tiene|hay|pueden|puede|me pueden|me puede|me dan|me atienden|me atiende|podria|podrian)|(?:what|which) times? (?:do you have|have you got|you got|can you|could you|are you free|is free|are free|works?)|when (?:can i come|are you free|can you (?:fit|take|see) me))\b/;
/** "¿a qué hora abren?", "what time do you close?": the opening hours, not a free time. */
const OPENING = /\b(?:abren|abre|abiertos?|cierran|cierra|open|opens|close|closes|closing|opening)\b/;

/** Whether a message asks a price ("¿cuánto cuesta…?", "how much…"). */
export function asksPrice(text: string): boolean {
  return PRICE.test(fold(text));
}

/** Whether a message asks a price and the free times together. */
export function asksPriceAndTimes(text: string): boolean {
  const f = fold(text);
  if (!PRICE.test(f)) return false;
  return asksFreeTimes(text) || (TIMES.test(f) && !OPENING.test(f));
}

/** The opening hours asked by name: "what are your hours?", "¿cuál es el horario?". */
const HOURS = /\b(?:hours|horarios?)\b/;

/** Whether a message asks a price and the opening hours together ("how much is a facial and what are your hours?"). */
export function asksPriceAndHours(text: string): boolean {
  const f = fold(text);
  return PRICE.test(f) && (HOURS.test(f) || OPENING.test(f)) && !asksFreeTimes(text);
}
