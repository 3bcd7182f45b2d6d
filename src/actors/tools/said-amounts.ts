/**
 * Amounts said the way people say them at the counter that the brain reads no count from:
 * halves ("media libra de clavos", "3 y medio metros de arena", "half a pound of nails"), dozens
 * of what is sold by the pair ("dos docenas de bisagras": 24 pairs, said so) and the weight of a
 * sack ("un quintal de cemento": the 42.5 kg sack is about 94 lb, so a quintal is one sack).
 */
import type { Product } from '../../domain/tenant.js';
import { fold, NUMBER_WORDS } from '../catalog/index.js';
import { soldBy } from './product-said.js';

/** The unit words said, by the head of the selling unit they name. */
const UNIT_HEADS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:metros?|meters?|metres?|mts?)$/, 'metro'],
  [/^(?:libras?|lbs?|pounds?)$/, 'libra'],
  [/^(?:galon(?:es)?|gallons?|gal)$/, 'galon'],
  [/^(?:kilos?|kgs?)$/, 'kilo'],
  [/^(?:yardas?|yards?)$/, 'yarda'],
  [/^(?:pies|pie|feet|foot|ft)$/, 'pie'],
  [/^(?:sacos?|fundas?|bags?)$/, 'saco'],
  [/^(?:cubetas?|buckets?)$/, 'cubeta'],
];
const UNIT = String.raw`(metros?|meters?|metres?|mts?|libras?|lbs?|pounds?|galon(?:es)?|gallons?|kilos?|kgs?|yardas?|yards?|pies|pie|feet|foot|sacos?|fundas?|bags?|cubetas?|buckets?)`;
const COUNT = String.raw`(\d+|[a-z]+)`;

const headOf = (word: string): string | undefined => UNIT_HEADS.find(([re]) => re.test(word))?.[1];
const countOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]);

/**
 * The amount with a half said in a unit, and that unit's head: "3 y medio metros" (3.5 metro),
 * "3 metros y medio", "metro y medio" (1.5), "media libra" (0.5), "two and a half gallons",
 * "half a pound". Undefined when no half is said.
 */
export function halfAmount(text: string): { value: number; unit: string } | undefined {
  const t = fold(text).toLowerCase();
  const whole = (n: string | undefined, u: string | undefined, plus: number): { value: number; unit: string } | undefined => {
    const count = n === undefined ? 0 : countOf(n);
    const unit = u !== undefined ? headOf(u) : undefined;
    return count !== undefined && unit !== undefined ? { value: count + plus, unit } : undefined;
  };
  const patterns: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => { value: number; unit: string } | undefined]> = [
    [new RegExp(String.raw`\b${COUNT}\s+(?:y|and)\s+(?:medio|media|a\s+half)\s+${UNIT}\b`), (m) => whole(m[1], m[2], 0.5)],
    [new RegExp(String.raw`\b${COUNT}\s+${UNIT}\s+(?:y\s+medi[oa]|and\s+a\s+half)\b`), (m) => whole(m[1], m[2], 0.5)],
    [new RegExp(String.raw`(?:^|[^a-z0-9])${UNIT}\s+(?:y\s+medi[oa]|and\s+a\s+half)\b`), (m) => whole(undefined, m[1], 1.5)],
    [new RegExp(String.raw`\b(?:medi[oa]|half\s+an?|half)\s+${UNIT}\b`), (m) => whole(undefined, m[1], 0.5)],
  ];
  for (const [re, read] of patterns) {
    const m = re.exec(t);
    const amount = m ? read(m) : undefined;
    if (amount && amount.value > 0) return amount;
  }
  return undefined;
}

/** The amount said with a half, when it is in the unit the product is sold by. */
export function halfOfProduct(text: string, product: Product): number | undefined {
  const amount = halfAmount(text);
  return amount && amount.unit === soldBy(product) ? amount.value : undefined;
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
