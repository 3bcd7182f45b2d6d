/**
 * "y el pegamento?" with PVC pipe and elbows on the counter: of the glues that fit the word alike
 * (contact, PVC, wood), the one of the same material as what the customer is buying — a clerk hands
 * over the PVC cement without asking. Only when exactly one of the fits shares such a word.
 */
import type { Product } from '../../domain/tenant.js';
import type { ProductFocus } from '../../machines/conversation.contract.js';
import type { CatalogIndex, CatalogMatch } from './catalog-search.js';

/** Words of a name that say a material or a system a companion is made for (not sizes or packs). */
const KIN_WORDS = new Set(['pvc', 'cpvc', 'drenaje', 'galvanizado', 'galvanizada', 'cobre', 'madera', 'metal', 'ceramica', 'porcelanato', 'thhn', 'aluzinc', 'zinc', 'techo', 'concreto', 'vidrio', 'aluminio']);

const kinOf = (index: CatalogIndex, p: Product): Set<string> => new Set(index.parse(p.name).content.filter((w) => KIN_WORDS.has(w)));

/** How close to the best match a wider one of the counter's material must score ("glue": wood 0.83, PVC cement 0.69). */
const WIDER_RATIO = 0.8;

/**
 * The one fit sharing a material word with the products on the counter; undefined when none or
 * several do, or the query names one itself. When none of the fits does, the best of the wider
 * matches that does and scores near them: "and glue?" after PVC pipe names the wood and contact
 * glues best ("glue" is their word), yet a clerk hands over the PVC cement.
 */
export function kinOnCounter(index: CatalogIndex, catalog: readonly Product[], focus: ProductFocus | undefined, query: string, fits: readonly CatalogMatch[], wider: readonly CatalogMatch[] = []): CatalogMatch | undefined {
  if (!focus || fits.length === 0) return undefined;
  if (index.parse(query).content.some((w) => KIN_WORDS.has(w))) return undefined;
  const counter = [focus.sku, ...(focus.recent ?? [])].map((sku) => catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  const words = new Set(counter.flatMap((p) => [...kinOf(index, p)]));
  if (words.size === 0) return undefined;
  const isKin = (m: CatalogMatch): boolean => [...kinOf(index, m.product)].some((w) => words.has(w));
  const kin = fits.filter(isKin);
  if (kin.length > 0 || fits.length >= 2) return kin.length === 1 && fits.length >= 2 ? kin[0] : undefined;
  const top = fits[0] as CatalogMatch;
  // The product on the counter itself is no companion of it ("y el tubo?" is the pipe again).
  return wider.find((m) => !fits.includes(m) && m.unmet.length === 0 && m.product.stock > 0 && !counter.includes(m.product) && isKin(m) && m.score >= top.score * WIDER_RATIO);
}
