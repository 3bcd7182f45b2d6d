/**
 * A count said in a unit the product on the counter is not sold in, but its sibling is: "dame 100
 * pies" after the 500-foot roll of cable is 100 feet of the same cable sold by the foot, never 100
 * rolls. Siblings are the catalog's products with the same name once the parenthesised selling unit
 * is set aside ("Cable THHN #12 Negro (pie)" and "(rollo 500 pies)").
 */
import type { Product } from '../../domain/tenant.js';
import { foldAccents } from '../../kernel/fold.js';

/** The selling unit a customer's word names, as the catalog's `unit` starts. */
const UNIT_OF: ReadonlyArray<[RegExp, string]> = [
  [/^(?:pies?|feet|foot|ft)$/, 'pie'],
  [/^(?:metros?|meters?|metres?|mts?)$/, 'metro'],
  [/^(?:libras?|pounds?|lbs?)$/, 'libra'],
  [/^(?:rollos?|rolls?)$/, 'rollo'],
  [/^(?:unidades?|units?|piezas?|pieces?)$/, 'unidad'],
  [/^(?:laminas?|sheets?)$/, 'lamina'],
  [/^(?:cientos?|hundreds?)$/, 'ciento'],
];

const unitWord = (word: string): string | undefined => {
  const w = foldAccents(word.toLowerCase());
  return UNIT_OF.find(([re]) => re.test(w))?.[1];
};
const sellingUnit = (product: Product): string => foldAccents(product.unit.toLowerCase()).split(/\s+/)[0] ?? '';
const base = (name: string): string => foldAccents(name.replace(/\(.*?\)/g, ' ').toLowerCase()).replace(/\s+/g, ' ').trim();

/**
 * The sibling of `sku` sold in the unit the customer counted in, or undefined when the product is
 * itself sold in it, the word is no selling unit, or no sibling is.
 *
 * @example
 * unitSibling(catalog, 'ELE-002', 'pies')?.sku; // 'ELE-001' (the cable by the foot)
 */
export function unitSibling(catalog: readonly Product[], sku: string, word: string): Product | undefined {
  const unit = unitWord(word);
  const own = catalog.find((p) => p.sku === sku);
  if (unit === undefined || own === undefined || sellingUnit(own) === unit) return undefined;
  const name = base(own.name);
  return catalog.find((p) => p.sku !== sku && sellingUnit(p) === unit && base(p.name) === name);
}
