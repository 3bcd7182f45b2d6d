/**
 * A size said once for a list of fittings: "tubo PVC de 4 pulgadas pa drenaje y codos", "5 tubos de
 * 2 pulgadas y 4 codos", "tubo de 3/4, codos y tees". A clerk hands over the elbows of that pipe's
 * size, never the 1/2" ones first on the shelf (RD$18 priced where RD$185 was meant). The inch size
 * (a diameter) of the item before is carried to the next one that says none, when the catalog has
 * that item in that size, of the same line of goods.
 */
import type { CatalogIndex } from './catalog-search.js';
import type { Wanted } from './product-request.js';

/** The items with the diameter said before carried to those that say no size of their own. */
export function withSizeCarried(index: CatalogIndex, wanted: readonly Wanted[]): Wanted[] {
  if (wanted.length < 2) return [...wanted];
  let carried: { size: string; category: string } | undefined;
  return wanted.map((w) => {
    const own = index.parse(w.query);
    if (own.attributes.measures.length > 0 || own.phrases.size !== undefined) {
      const found = index.search(w.query, { limit: 1 })[0]?.product;
      // "tubo de 4", "tubo de 3/4": a bare number is inches when the product found is that many inches ("Tubo PVC 4\""); "breaker de 20" is amperes.
      const named = found ? index.parse(found.name).attributes.measures.filter((m) => m.unit === 'in') : [];
      const inches = own.attributes.measures.some((m) => m.unit === 'in' || (m.unit === '' && named.some((n) => Math.abs(n.value - m.value) < 1e-6)));
      const size = own.phrases.size === undefined ? undefined : own.phrases.size.endsWith('"') ? own.phrases.size : `${own.phrases.size}"`;
      carried = inches && size !== undefined && found ? { size, category: found.category } : undefined;
      return w;
    }
    if (!carried) return w;
    const withSize = `${w.query} ${carried.size}`;
    const best = index.search(withSize, { limit: 1 })[0];
    return best && best.unmet.length === 0 && best.product.category === carried.category ? { ...w, query: withSize } : w;
  });
}
