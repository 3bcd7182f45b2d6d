/**
 * The count said first of goods named only by their colour or finish ("dame 2 de la negra", "4 of
 * the white", "quiero 3 de la satinada"): the catalog's parse reads "2 galones de…" as a count, but a
 * bare number before "de la" / "of the" is the count only when what follows names no product, which
 * is the case the product tool asks this for.
 */
import { foldAccents } from '../../kernel/fold.js';

const LEADING_COUNT =
  /^(?:(?:ok|okay|dale|bueno|pues|entonces|so|then|y|and)\s+)*(?:(?:dame|deme|denme|ponme|pongame|mandame|quiero|necesito|ocupo|me\s+llevo|llevo|i\s*ll\s+take|i\s+will\s+take|i\s+want|i\s+need|give\s+me|can\s+i\s+get)\s+)?(\d{1,4})\s+(?:de|del|of)\s+(?:(?:la|las|el|los|the)\s+)?[a-z]/;

/**
 * @example
 * leadingCount('dame 2 de la negra'); // 2
 * leadingCount('la de 2 pulgadas'); // undefined
 */
export function leadingCount(text: string): number | undefined {
  const m = LEADING_COUNT.exec(foldAccents(text).toLowerCase().replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim());
  const n = m ? Number(m[1]) : 0;
  return n > 0 ? n : undefined;
}
