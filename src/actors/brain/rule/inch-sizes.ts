import type { Product } from '../../../domain/tenant.js';
import { parseProductText } from '../../catalog/index.js';
import type { Vocabulary } from './product-vocabulary.js';

/**
 * What the catalog's inch sizes say of a number said with product words: "the 4 pipe" (some product
 * the words name is made in 4") and "the 10 block" (blocks come in 4", 6" and 8" only: a size they
 * lack, near them). Each product's inch sizes are read from its name when first asked.
 */
export function createInchSizes(catalog: readonly Product[], vocab: Pick<Vocabulary, 'productWords'>) {
  let inchSizes: number[][] | null = null;
  const sizes = (): number[][] => (inchSizes ??= catalog.map((p) => parseProductText(p.name, { catalog: true }).attributes.measures.filter((m) => m.unit === 'in').map((m) => m.value)));
  return {
    /** "the 4 pipe": some product the words name is made in that inch size. */
    madeInSize: (words: readonly string[], n: number): boolean => catalog.some((_, i) => words.every((w) => vocab.productWords[i]!.has(w)) && sizes()[i]!.includes(n)),
    /** The products the words name are made in inch sizes, not that one, and the number is near them (up to twice the largest). */
    lacksSize: (words: readonly string[], n: number): boolean => {
      const family = catalog.flatMap((_, i) => (words.every((w) => vocab.productWords[i]!.has(w)) ? sizes()[i]! : []));
      return family.length >= 2 && !family.includes(n) && n <= 2 * Math.max(...family);
    },
  };
}
