/**
 * The other colours one paint comes in on the shelf: "Esmalte de Aceite Tropical Negro (galón)" is
 * also there in green. A clerk recommending the enamel for iron says so ("también en Verde") rather
 * than showing the black alone as if it were the only one.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product } from '../../domain/tenant.js';
import type { CatalogIndex } from './catalog-search.js';
import { COLOUR_EN } from './colour-names.js';
import { familyOf } from './product-parts.js';

/**
 * The colours, other than its own, of the products of `shelf` that are this product in another
 * colour (same family, brand and selling unit), in stock; capitalised and joined ("Verde",
 * "Blanco y Verde"), or '' when there are none.
 */
export function otherColours(index: CatalogIndex, shelf: readonly Product[], product: Product, lang: Lang): string {
  const own = index.parse(product.name).attributes.colours[0];
  if (own === undefined) return '';
  const colours: string[] = [];
  for (const p of shelf) {
    if (p === product || p.stock <= 0 || p.unit !== product.unit || p.brand !== product.brand || familyOf(p) !== familyOf(product)) continue;
    const colour = index.parse(p.name).attributes.colours[0];
    if (colour !== undefined && colour !== own && !colours.includes(colour)) colours.push(colour);
  }
  const names = colours.map((c) => (lang === 'en' ? (COLOUR_EN[c] ?? c) : c).replace(/(^|\s)\p{L}/gu, (x) => x.toUpperCase()));
  const and = lang === 'en' ? 'and' : 'y';
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
