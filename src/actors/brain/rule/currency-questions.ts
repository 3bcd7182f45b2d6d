/**
 * A price asked in another currency, or the exchange rate: "¿cuánto es en dólares?", "how much is
 * that in US dollars?", "¿a cómo está el dólar?", "what's the exchange rate?". The store answers
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
/** The rate itself asked: "tasa", "tipo de cambio", "¿a cómo está el dólar?", "exchange rate", "what rate do you use". */
const RATE =
  /\b(?:tasa(?: de cambio| del (?:dolar|euro))?|tipo de cambio|exchange rate|rate of exchange|(?:dollar|euro) rate|what rate|(?:a|en) (?:como|cuanto) (?:esta|estan|tienen|cogen|toman|reciben|ponen|cambian|pagan) (?:el|los|la) (?:dolar|dolares|euro|euros)|cambio del? (?:dolar|euro)|cuanto (?:esta|vale) el (?:dolar|euro))\b/;

/**
 * Whether a message asks a price in another currency or the exchange rate (see the module's head).
 *
 * @example
 * asksPriceInCurrency('¿cuánto es en dólares?'); // true
 * asksPriceInCurrency('¿aceptan dólares?'); // false: whether the store takes them (a way of paying)
 */
export function asksPriceInCurrency(text: string): boolean {
  if (text.length > 200) return false;
  const f = words(text);
  return (IN_CURRENCY.test(f) && AMOUNT.test(f)) || RATE.test(f);
}
