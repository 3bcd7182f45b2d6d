/**
 * "¿cuánto cobran?", "y cuánto cobra el plomero?", "how much do they charge?" right after the store
 * said it does not install but knows trusted tradespeople: the price of the job, which is agreed
 * with the tradesperson — never "¿qué producto buscas?" nor "no vendemos plomero".
 */
import { foldAccents } from '../kernel/fold.js';

/** A price asked with nothing else ("¿cuánto cobran?", "¿y a cómo sale?", "what do they charge?", "and the price?"). */
const PRICE_ASKED =
  /^(?:(?:y|e|ok|okay|and|so|pero|but|bueno|oye|entonces)\s+)*(?:(?:cuanto|a\s+como|que|how\s+much|what)\s+(?:(?:me|nos|le|te|les)\s+)?(?:cobra|cobran|cobraria|cobrarian|cobrara|cobraran|sale|saldria|cuesta|costaria|vale|seria|es|do|does|would|will|is|s|they|he|she|it)\b.*|(?:el|y\s+el|and\s+the|the)\s+(?:precio|costo|price|cost)\b.*|(?:precio|costo|price|cost|how\s+much)\s*\??)$/;

/** Who or what the price is of, when named: a tradesperson or the job ("el plomero", "la instalación", "the electrician"). */
const OF_THE_JOB = /\b(?:plomeros?|electricistas?|tecnicos?|instaladores?|maestros?|albanil\w*|pintor(?:es)?|carpinteros?|painters?|carpenters?|instalacion|instalar\w*|trabajo|mano de obra|plumbers?|electricians?|technicians?|installers?|contractors?|builders?|installation|install\w*|job|work|labou?r|ellos|el|ella|they|them|he|she|it|that|eso)\b/;

/** Words around a price that name no thing ("más o menos", "normally", "for that"). */
const FILLER =
  /^(?:me|nos|le|te|les|por|pa|para|el|la|los|las|un|una|de|del|a|al|eso|ese|esa|esto|mas|o|menos|aprox\w*|normalmente|usualmente|en|general|y|and|usually|normally|about|roughly|more|or|less|do|does|they|he|she|it|charge|charges|cost|costs|for|the|an|that|this|them|would|will|be|is|s|cobrar|cobran|cobra|sale|cuesta|precio|price)$/;

/**
 * A short price question (at most 9 words) that names no other thing than the tradesperson or the
 * job: "¿cuánto cobran?", "y cuánto cobra el plomero?", "how much do they charge?", "¿y el precio?".
 *
 * @example
 * asksTradePrice('¿cuánto cobran?'); // true
 * asksTradePrice('y cuánto cobra el plomero?'); // true
 * asksTradePrice('cuánto cuesta el inodoro?'); // false: a product's price
 */
export function asksTradePrice(text: string): boolean {
  const f = foldAccents(text).toLowerCase().replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (f === '' || f.split(' ').length > 9 || !PRICE_ASKED.test(f)) return false;
  // What follows the price words names the job or no thing at all ("¿cuánto cobran por eso?").
  const rest = f.replace(/^(?:(?:y|e|ok|okay|and|so|pero|but|bueno|oye|entonces)\s+)*/, '').split(' ').slice(2);
  const things = rest.filter((w) => !FILLER.test(w));
  return things.every((w) => OF_THE_JOB.test(w));
}
