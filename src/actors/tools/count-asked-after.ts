/**
 * The count asked after the product, in the same message: "tubo pvc de media, ¿cuánto por diez?",
 * "el cemento gris, cuanto x 20?", "pvc pipe, how much for ten?". The brain ties no count to the
 * product there (the count is past the price question), so one unit would be priced; a clerk
 * prices the ten.
 */
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { NUMBER_WORDS } from '../catalog/index.js';

/** The price question with its count at the end of the message ("cuánto por diez?", "a como x 20", "how much for 10?"), or "y por 10?" after a question. */
const COUNT_AT_END = /(?:(?:^|[\s,;.])(?:y\s+|and\s+)?(?:cuanto|a\s+como|how\s+much)(?:\s+(?:me\s+)?(?:sale|salen|seria|serian|es|son|cuesta|cuestan|would\s+it\s+be|is\s+it))?|[?,;.]\s*(?:y|and))\s+(?:por|x|pa|para|for)\s+(?:(?:unos|unas|about)\s+)?(\d+|[a-z]+)(?:\s+(?:unidades|units|piezas|pieces|de\s+(?:esos|esas|ellos|ellas)|of\s+(?:them|those)))?\s*[?!.]*\s*$/;

/** The count said after the product's price question, digits or a number word above one; undefined when none. */
export function countAskedAfter(text: string): number | undefined {
  const said = COUNT_AT_END.exec(foldAccents(text.toLowerCase()).replace(/[¿¡]/g, ' '))?.[1];
  if (said === undefined) return undefined;
  const count = /^\d+$/.test(said) ? Number(said) : NUMBER_WORDS[said];
  return count !== undefined && count > 1 ? count : undefined;
}

/**
 * The one product the brain read, with the count asked after it when the brain gave none.
 *
 * @example
 * // "tubo pvc de media, cuanto por diez?", the brain's products [{ query: 'tubo pvc 1/2' }]:
 * withCountAskedAfter(input, { query: 'tubo pvc 1/2' }); // { query: 'tubo pvc 1/2', quantity: 10 }
 */
export function withCountAskedAfter<T extends { query: string; quantity?: number }>(input: ProductActorInput, item: T): T {
  if (input.understanding.products.length !== 1 || input.text === undefined || item.quantity !== undefined) return item;
  const count = countAskedAfter(input.text);
  return count !== undefined ? { ...item, quantity: count } : item;
}
