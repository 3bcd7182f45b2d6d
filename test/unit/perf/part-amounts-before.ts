/**
 * part-amounts.ts as it was before session 29 (perf19b): every pattern built on every call, no pre-check.
 * The reference its pre-checked, hoisted version is compared with (text-prechecks.test.ts).
 */
import { foldAccents } from '../../../src/kernel/fold.js';

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

/** "1/2", "3/4", "1 1/2" before a unit: the parts a clerk weighs or cuts (halves, quarters, thirds). */
const DIGIT_PART = new RegExp(String.raw`(?:^|[^\d/.,])(?:(\d+)\s+)?([1-3])\/([234])\s*${UNIT}(?![a-z])`);

/** Number words a follow-up says a few pounds or feet in ("dos libras y media"). */
const SMALL_NUMBERS: Readonly<Record<string, number>> = { un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, one: 1, a: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * The amount with a part of a unit said in that unit, and the unit's head: "3 y medio metros" (3.5
 * metro), "metro y medio" (1.5), "media libra" (0.5), "un cuarto de libra" (0.25). Undefined when no
 * part of a unit is said. `numberWords` reads the counts said in words.
 */
export function partAmountBefore(text: string, numberWords: Readonly<Record<string, number>> = SMALL_NUMBERS): { value: number; unit: string } | undefined {
  const t = foldAccents(text).toLowerCase();
  const countOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : numberWords[word]);
  const whole = (n: string | undefined, u: string | undefined, plus: number): { value: number; unit: string } | undefined => {
    const count = n === undefined ? 0 : countOf(n);
    const unit = u !== undefined ? headOf(u) : undefined;
    return count !== undefined && unit !== undefined ? { value: count + plus, unit } : undefined;
  };
  const HALF = String.raw`(?:y\s+medi[oa]|and\s+a\s+half)`;
  const QUARTER = String.raw`(?:y\s+(?:un\s+)?cuarto|and\s+a\s+quarter)`;
  const patterns: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => { value: number; unit: string } | undefined]> = [
    [new RegExp(String.raw`\b${COUNT}\s+(?:y|and)\s+(?:medio|media|a\s+half)\s+${UNIT}\b`), (m) => whole(m[1], m[2], 0.5)],
    [new RegExp(String.raw`\b${COUNT}\s+${UNIT}\s+${HALF}\b`), (m) => whole(m[1], m[2], 0.5)],
    [new RegExp(String.raw`\b${COUNT}\s+${UNIT}\s+${QUARTER}\b`), (m) => whole(m[1], m[2], 0.25)],
    [new RegExp(String.raw`(?:^|[^a-z0-9])${UNIT}\s+${HALF}\b`), (m) => whole(undefined, m[1], 1.5)],
    [new RegExp(String.raw`(?:^|[^a-z0-9])${UNIT}\s+${QUARTER}\b`), (m) => whole(undefined, m[1], 1.25)],
    [new RegExp(String.raw`\b(?:tres\s+cuartos\s+de|three\s+quarters?\s+(?:of\s+)?(?:an?\s+)?)\s*${UNIT}\b`), (m) => whole(undefined, m[1], 0.75)],
    [new RegExp(String.raw`\b(?:(?:un\s+)?cuarto\s+de|(?:a\s+)?quarter\s+(?:of\s+)?(?:an?\s+)?)\s*${UNIT}\b`), (m) => whole(undefined, m[1], 0.25)],
    [new RegExp(String.raw`\b(?:medi[oa]|half\s+an?|half)\s+${UNIT}\b`), (m) => whole(undefined, m[1], 0.5)],
    [DIGIT_PART, (m) => whole(m[1], m[4], Number(m[2]) / Number(m[3]))],
  ];
  for (const [re, read] of patterns) {
    const m = re.exec(t);
    const amount = m ? read(m) : undefined;
    if (amount && amount.value > 0) return { ...amount, value: Math.round(amount.value * 100) / 100 };
  }
  return undefined;
}

/** Units a clerk weighs or cuts, said in a follow-up. */
const WEIGHED = /^(?:libra|pie)$/;
/** What may stand around the amount in a follow-up: "ok dame media libra nada más", "and half a pound please". */
const LEAD = String.raw`^(?:(?:y|e|and|ok|okay|dale|bueno|entonces|mejor|pues|si|then|so)\s+)*(?:(?:dame|deme|ponme|quiero|necesito|ocupo|mandame|me\s+das|vendeme|serian|seria|son|give\s+me|i\s*'?ll\s+take|i\s+need|i\s+want|let\s+me\s+have|make\s+it)\s+)?(?:(?:solo|nada\s+mas|just|only)\s+)?`;
const TRAIL = /^(?:\s*(?:nada\s+mas|nomas|por\s+favor|porfa|please|pls|de\s+(?:esos?|esas?|eso)|of\s+(?:those|them|that|it)))*\s*$/;
/** "1.5 libras", "2,5 lb": a decimal amount before its unit. */
const DECIMAL = /^(\d+[.,]\d{1,2})\s*(libras?|lbs?|pounds?|pies|pie|feet|foot|ft|metros?|meters?|metres?|mts?|galon(?:es)?|gallons?|sacos?|fundas?|bags?|cubetas?|buckets?)\b/;

/**
 * A follow-up that is only a part of a pound or a foot of the product on the counter ("dame media
 * libra", "libra y media", "1.5 libras", "half a pound", "un cuarto de libra"): that amount and its
 * unit word; a part of a sack, a gallon or a bucket ("dame medio saco") is the next whole one.
 * Undefined for anything else (whole counts are read by `product-focus.ts`).
 */
export function partCountBefore(text: string): { quantity: number; unit: string } | undefined {
  const t = foldAccents(text).toLowerCase().replace(/[¿?¡!;:]+|(?<!\d)[.,]|[.,](?!\d)/g, ' ').replace(/\s+/g, ' ').trim();
  const lead = new RegExp(LEAD).exec(t);
  const rest = t.slice(lead?.[0].length ?? 0);
  const decimal = DECIMAL.exec(rest);
  if (decimal?.[1] !== undefined && decimal[2] !== undefined && TRAIL.test(rest.slice(decimal[0].length))) {
    const unit = headOf(decimal[2]);
    const quantity = Number(decimal[1].replace(',', '.'));
    const plural = unit !== undefined ? PLURAL[unit] : undefined; // session 37: a decimal of what is sold whole is the next whole one
    return plural !== undefined && quantity > 0 ? { quantity: WEIGHED.test(unit as string) ? quantity : Math.ceil(quantity), unit: plural } : undefined;
  }
  const part = partAmountBefore(rest);
  const plural = part ? PLURAL[part.unit] : undefined;
  if (!part || plural === undefined || Number.isInteger(part.value)) return undefined;
  // The amount is the whole message: "media libra de clavos de 3" names a product (the brain reads it).
  const words = rest.replace(/\b(?:de|of|a|an|y|and|medi[oa]|half|un|cuartos?|quarters?|three|tres|libras?|lbs?|pounds?|pies?|feet|foot|ft|metros?|meters?|metres?|mts?|sacos?|fundas?|bags?|galon(?:es)?|gallons?|cubetas?|buckets?|\d+(?:\/\d)?)\b/g, ' ');
  if (!TRAIL.test(words.replace(/\s+/g, ' '))) return undefined;
  // "dame medio saco": what is sold whole is the next whole one (the product tool says so).
  return { quantity: WEIGHED.test(part.unit) ? part.value : Math.ceil(part.value), unit: plural };
}

/** The unit word a follow-up count carries, by the head of the unit said. */
const PLURAL: Readonly<Record<string, string>> = { libra: 'libras', pie: 'pies', saco: 'sacos', galon: 'galones', cubeta: 'cubetas', metro: 'metros' };
