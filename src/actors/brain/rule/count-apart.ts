/**
 * A count said in a sentence of its own beside the one product named: "¿tienen pintura blanca?
 * ¿cuánto por 5 galones?", "do you have white paint? how much for 5 gallons?", "tienen block de 6?
 * necesito 200". A clerk prices that many of it, as for "5 galones de pintura blanca" said at once.
 */
import { fold } from '../../catalog/index.js';
import { readFollowUpQuantity } from '../../../machines/product-focus.js';
import type { ProductMention } from './products.js';

/** "galones" → "galon", "sacos" → "saco", "gallons" → "gallon": the selling unit as the catalog query writes it. */
const singular = (unit: string): string => (/[rlndj]es$/.test(unit) ? unit.slice(0, -2) : unit.replace(/s$/, ''));

/** The one product mention with the count of another sentence of the message, when it has none of its own. */
export function withCountApart(text: string, mentions: readonly ProductMention[]): readonly ProductMention[] {
  const only = mentions[0];
  if (mentions.length !== 1 || only === undefined || only.quantity !== undefined || !/[?.!\n]/.test(text)) return mentions;
  let at = 0;
  for (const sentence of text.split(/([?.!\n]+)/)) {
    const start = at;
    at += sentence.length;
    // The product's own sentence, and separators, say no count apart.
    if (/^[?.!\n]*$/.test(sentence) || (start < only.end && only.start < at)) continue;
    const count = readFollowUpQuantity(sentence.replace(/[¿¡]/g, ' '));
    if (count === undefined) continue;
    const unit = count.unit === undefined ? '' : singular(fold(count.unit));
    const query = unit !== '' && !only.query.split(' ').includes(unit) ? `${unit} ${only.query}` : only.query;
    return [{ ...only, query, quantity: count.quantity }];
  }
  return mentions;
}
