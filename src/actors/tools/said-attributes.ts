/**
 * A colour, finish, grade, brand or pack said elsewhere in the message than the one product phrase
 * ("tienen pintura? la necesito blanca") belongs to that product; so does an inch size said before
 * the product words ("three quarter inch pvc pipe").
 */
import type { CatalogIndex } from './catalog-search.js';
import type { Wanted } from './product-request.js';

/** Packs that are units of weight or length: "libra y media de clavos de 2 1/2" says how much, never a "2 1/2 lb" size. */
const AMOUNT_UNIT = /^(?:libras?|lbs?|pounds?|pies?|feet|foot|ft)$/;

/** The one wanted item with the attributes the rest of the message gives it (unchanged when there are none). */
export function withAttributesSaid(index: CatalogIndex, only: Wanted, text: string): Wanted {
  const own = index.parse(only.query).phrases;
  // A place's name is no attribute: "Villa Verde" does not make the blocks green.
  const said = index.parse(text.replace(/\p{Lu}[\p{L}'’-]*(?:\s+(?:de|del|la|las|los|el)?\s*\p{Lu}[\p{L}'’-]*)+/gu, ' ')).phrases;
  const extra = (['colour', 'finish', 'grade', 'brand', 'pack'] as const)
    .filter((kind) => said[kind] && !own[kind] && !(kind === 'pack' && AMOUNT_UNIT.test(said[kind] ?? '')))
    .map((kind) => said[kind] as string);
  // "three quarter inch pvc pipe": an inch size said before the product words belongs to it.
  const inches = index.parse(text).attributes.measures.filter((m) => m.unit === 'in');
  if (!own.size && index.parse(only.query).attributes.measures.length === 0 && inches.length === 1 && said.size) extra.push(said.size);
  return extra.length > 0 ? { ...only, query: `${only.query} ${extra.join(' ')}` } : only;
}
