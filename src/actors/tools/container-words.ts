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

/** A box said of loose goods ("a box of nails", "2 cajas de tornillos"), as the brain writes it: "box nail", "tornillo en caja". */
const BOX_FIRST = /^(?:box|boxes|caja|cajas)\s+(.+)$/;
const BOX_AFTER = /^(.+?)\s+(?:en|in)\s+(?:caja|cajas|box|boxes)$/;

/**
 * One line of a list asked by the box of goods the store sells loose ("I need 10 2x4s, 5 2x6 and a
 * box of nails": nails by the pound): no such box, so the goods without a count; the estimate prices
 * the counted lines and asks how many of these (never "We don't carry: box nail in box").
 */
function looseOfBox<T extends { query: string; quantity?: number }>(index: CatalogIndex, item: T): T {
  const q = foldAccents(item.query).toLowerCase().trim();
  const goods = BOX_FIRST.exec(q)?.[1] ?? BOX_AFTER.exec(q)?.[1];
  if (goods === undefined) return item;
  const own = index.search(goods, { limit: 1 })[0];
  if (!own || own.unmet.length > 0 || /caja|box/.test(foldAccents(own.product.unit).toLowerCase())) return item;
  // "10 cajas octagonales": the electrical box is the goods themselves (its name starts with the box), counted as said.
  if (/^(?:caja|box)\b/.test(foldAccents(own.product.name).toLowerCase())) return item;
  const { quantity: _counted, ...rest } = item;
  return { ...rest, query: goods } as T;
}

/** The items with the container word dropped where it hid the product (see above); in a list, a box of loose goods is those goods. */
export function withoutContainers<T extends { query: string; quantity?: number }>(index: CatalogIndex, wanted: T[]): T[] {
  return wanted.map((item) => (wanted.length >= 2 ? looseOfBox(index, item) : item)).map((item) => {
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
