/**
 * "2 tubos de silicón", "3 latas de pintura", "a bottle of glue": the container a product comes in,
 * said before it. A clerk hands over two of the silicone (sold by the piece), never two EMT pipes
 * because "tubo" is also a pipe. The container word is dropped when the rest of the query names a
 * product sold by the piece whose name the container's product lacks; pipes ("tubos de pvc", "tubo
 * de 1/2") stay pipes, their rest naming no product of its own.
 */
import { foldAccents } from '../../kernel/fold.js';
import type { CatalogIndex } from './catalog-search.js';

/** Containers a piece of goods comes in (folded, singular and plural). */
const CONTAINER = /^(?:tubos?|tubes?|latas?|cans?|potes?|frascos?|botellas?|bottles?|cartuchos?|cartridges?|envases?|galoneras?)$/;

/** The product words of `query` (folded, three letters or more, no sizes). */
const words = (query: string): string[] => foldAccents(query).toLowerCase().split(/\s+/).filter((w) => /^[a-z]{3,}$/.test(w));

/** The items with the container word dropped where it hid the product (see above). */
export function withoutContainers<T extends { query: string }>(index: CatalogIndex, wanted: T[]): T[] {
  return wanted.map((item) => {
    const [head, ...rest] = item.query.trim().split(/\s+/);
    if (head === undefined || rest.length === 0 || !CONTAINER.test(foldAccents(head).toLowerCase())) return item;
    const tail = rest.join(' ');
    const own = index.search(tail, { limit: 1 })[0];
    if (!own || own.unmet.length > 0 || !/^unidad/.test(foldAccents(own.product.unit).toLowerCase())) return item;
    // The rest must name the product by its own words or aliases ("silicon" → Silicón), not by a size or colour alone.
    const names = (name: string, aliases: readonly string[] | undefined, w: string): boolean =>
      [name, ...(aliases ?? [])].some((n) => foldAccents(n).toLowerCase().includes(w.slice(0, 5)));
    if (!words(tail).some((w) => names(own.product.name, own.product.aliases, w))) return item;
    // "tubo pvc", "tubo de cobre": the container's own product has the rest's words, a pipe of that kind.
    const whole = index.search(item.query, { limit: 1 })[0];
    if (whole && (whole.product.sku === own.product.sku || words(tail).some((w) => names(whole.product.name, whole.product.aliases, w)))) return item;
    return { ...item, query: tail };
  });
}
