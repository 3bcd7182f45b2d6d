/**
 * A price asked in another currency, or the exchange rate: "¿cuánto es en dólares?", "how much is
 * that in US dollars?", "¿a cómo toman el dólar?", "what rate do you use?". The store answers
 * that its prices are in its own currency and whether it takes the other one (its `paymentMethods`
 * decide); it has no rate in its data, so none is ever made up. Never a product ("us dollars") nor
 * "no te entendí". Read by the rule brain (through `asksStorePolicy`) and by the info tool.
 */
import { fold } from './text.js';

function words(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9$\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Another currency named after "en" / "in" / "to": "en dólares", "in US dollars", "to usd", "en verdes". */
const IN_CURRENCY =
  /\b(?:en|in|to|into|a)\s+(?:(?:los|las|us|u s|american|americanos|gringos|estadounidenses)\s+)?(?:dolares|dolar|dollars?|usd|us ?\$|verdes|euros?|eur)\b/;
/** A price or an amount asked: "cuánto es", "el precio", "how much", "convert". */
const AMOUNT =
  /\b(?:cuanto|cuantos|precios?|cuesta|cuestan|sale|salen|vale|valen|seria|serian|saldria|equivale\w*|a como|how much|prices?|priced|costs?|convert\w*|conversion|what s that|what is that|what would that be|quote)\b/;
/**
 * The store's own rate asked: "¿a cómo toman el dólar?", "¿a qué tasa lo cogen?", "what rate do you
 * use?". The day's rate in general ("¿a cómo está el dólar hoy?", "what's the exchange rate today?")
 * asks the store nothing: out of its scope.
 */
const RATE =
  /\b(?:(?:a|en) (?:como|cuanto|que tasa) (?:me |nos |lo |los )?(?:tienen|cogen|toman|reciben|ponen|cambian|pagan|aceptan|agarran) (?:el|los|la) (?:dolar|dolares|euro|euros)|(?:a|con) que (?:tasa|cambio) (?:me |nos |lo |los |la )?(?:cogen|toman|reciben|aceptan|cambian|cobran|trabajan|usan|manejan)|(?:what|which) (?:exchange )?rate do you (?:use|take|give|apply|work with)|do you (?:use|have|give) (?:an|a good|your own) exchange rate)\b/;

/**
 * Whether a message asks a price in another currency or the exchange rate (see the module's head).
 *
 * @example
 * asksPriceInCurrency('¿cuánto es en dólares?'); // true
 * asksPriceInCurrency('¿a cómo está el dólar hoy?'); // false: the day's rate, nothing of the store's
 * asksPriceInCurrency('¿aceptan dólares?'); // false: whether the store takes them (a way of paying)
 */
export function asksPriceInCurrency(text: string): boolean {
  if (text.length > 200) return false;
  const f = words(text);
  return (IN_CURRENCY.test(f) && AMOUNT.test(f)) || RATE.test(f);
}
