/**
 * Amounts said the way people say them at the counter that the brain reads no count from:
 * halves ("media libra de clavos", "3 y medio metros de arena", "half a pound of nails"), dozens
 * of what is sold by the pair ("dos docenas de bisagras": 24 pairs, said so) and the weight of a
 * sack ("un quintal de cemento": the 42.5 kg sack is about 94 lb, so a quintal is one sack).
 */
import type { Product } from '../../domain/tenant.js';
import { fold, NUMBER_WORDS } from '../catalog/index.js';
import { decimalAmount, partAmount } from '../../machines/part-amounts.js';
import { soldBy } from './product-said.js';

/**
 * The amount with a part of a unit said in that unit, and the unit's head ("media libra" → 0.5
 * libra, "metro y medio" → 1.5 metro, "veinte metros y medio"): `partAmount` with every number word.
 */
export function halfAmount(text: string): { value: number; unit: string } | undefined {
  return partAmount(text, NUMBER_WORDS);
}

/** The amount said with a half or as a decimal ("2.5 galones"), when it is in the unit the product is sold by. */
export function halfOfProduct(text: string, product: Product): number | undefined {
  const amount = halfAmount(text) ?? decimalAmount(text);
  return amount && amount.unit === soldBy(product) ? amount.value : undefined;
}

/** Where a list breaks into items: commas and "y"/"and", never the "y" of "libra y media". */
const ITEM_BREAK = /\s*[,;\n]\s*|\s+(?:y|e|and|plus)\s+(?!(?:medi[oa]|cuarto|a\s+half|a\s+quarter)\b)/;
const UNIT_WORD = /^(?:libras?|lbs?|pounds?|pies?|feet|foot|ft|metros?|galon(?:es)?|gallons?|sacos?|de|of)$/;

/**
 * The part of a list that names an item ("media libra de clavos de 3 y 2 libras de alambre dulce":
 * "media libra de clavos de 3" for the nails, by the item's product words); undefined when no part
 * or several do.
 */
export function pieceNaming(text: string, query: string): string | undefined {
  const words = fold(query).toLowerCase().split(/\s+/).filter((w) => w.length >= 4 && /^[a-z]/.test(w) && !UNIT_WORD.test(w));
  if (words.length === 0) return undefined;
  const pieces = fold(text).toLowerCase().split(ITEM_BREAK).filter((p) => words.some((w) => p.includes(w.slice(0, Math.max(4, w.length - 2)))));
  return pieces.length === 1 ? pieces[0] : undefined;
}

/** "dos docenas de bisagras", "media docena", "a dozen hinges": the dozens said, as said. */
const DOZENS = /\b((?:\d+|[a-z]+)\s+)?(docenas?|dozens?)\s+(?!(?:(?:de|of)\s+)?(?:pares|par|pairs?)\b)[a-z]/;

/**
 * Dozens of what is sold by the pair ("dos docenas de bisagras"): a clerk counts them in pairs, as
 * the shelf sells them (24 pairs), and says so ("2 docenas ≈ 24 pares"). The dozens as said, for
 * that note; undefined when the product is not sold by the pair or no dozen is said.
 */
export function dozensOfPairs(text: string, product: Product): string | undefined {
  const m = soldBy(product) === 'par' ? DOZENS.exec(fold(text).toLowerCase()) : null;
  return m ? `${m[1] ?? ''}${m[2] ?? ''}`.trim() : undefined;
}

const LB_PER_KG = 2.20462;

/** A sack's weight in pounds from its selling unit ("saco 42.5 kg" → 93.7); undefined for anything else. */
export function sackPounds(product: Product): number | undefined {
  const m = /^saco\s+(\d+(?:[.,]\d+)?)\s*kg\b/.exec(fold(product.unit).toLowerCase());
  return m?.[1] !== undefined ? Number(m[1].replace(',', '.')) * LB_PER_KG : undefined;
}

/** "20 lbs of", "5 lb de", "3 libras de": pounds said as how much of the goods after them. */
const POUNDS_OF = /(?:^|[^\d/.,])(\d+(?:[.,]\d{1,2})?)\s*(?:lbs?|libras?|pounds?)\s+(?:de|of)\s/;

/**
 * The pounds said of what is sold by the pound ("and 20 lbs of tie wire", "5 lb de clavos"): the
 * count, where the reading took "20 lbs" for a size (a 20-lb bag); undefined elsewhere.
 */
export function poundsOfProduct(text: string, product: Product): number | undefined {
  if (soldBy(product) !== 'libra') return undefined;
  const m = POUNDS_OF.exec(`${fold(text).toLowerCase()} `);
  const n = m?.[1] !== undefined ? Number(m[1].replace(',', '.')) : NaN;
  return n > 0 ? n : undefined;
}
