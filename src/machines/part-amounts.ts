/**
 * A part of a unit said with the unit: "media libra", "libra y media", "3 y medio metros", "two and a
 * half gallons", "half a pound", "un cuarto de libra", "tres cuartos de libra", "a quarter pound",
 * "2 libras y cuarto", "1/2 lb", "1 1/2 libras"; and, in a follow-up on the product on the counter,
 * the part of a pound or a foot asked for ("dame media libra", "1.5 libras", "half a pound"). Pure
 * text rules: the product tool reads the amounts of a request with them (`said-amounts.ts`), the
 * machine the count of a follow-up (`product-focus.ts`).
 */
import { foldAccents } from '../kernel/fold.js';

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

/** "1/2", "3/4", "1 1/2" before a unit: the parts a clerk weighs or cuts (halves, quarters, thirds). */
const DIGIT_PART = new RegExp(String.raw`(?:^|[^\d/.,])(?:(\d+)\s+)?([1-3])\/([234])\s*${UNIT}(?![a-z])`);

/** Number words a follow-up says a few pounds or feet in ("dos libras y media"). */
const SMALL_NUMBERS: Readonly<Record<string, number>> = { un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, one: 1, a: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * The amount with a part of a unit said in that unit, and the unit's head: "3 y medio metros" (3.5
 * metro), "metro y medio" (1.5), "media libra" (0.5), "un cuarto de libra" (0.25). Undefined when no
 * part of a unit is said. `numberWords` reads the counts said in words.
 */
export function partAmount(text: string, numberWords: Readonly<Record<string, number>> = SMALL_NUMBERS): { value: number; unit: string } | undefined {
  const t = foldAccents(text).toLowerCase();
  // Every pattern below says a part: a half, a quarter or a digit fraction.
  if (!PART_SAID.test(t)) return undefined;
  const countOf = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : numberWords[word]);
  const whole = (n: string | undefined, u: string | undefined, plus: number): { value: number; unit: string } | undefined => {
    const count = n === undefined ? 0 : countOf(n);
    const unit = u !== undefined ? headOf(u) : undefined;
    return count !== undefined && unit !== undefined ? { value: count + plus, unit } : undefined;
  };
  for (const [re, kind] of PART_PATTERNS) {
    const m = re.exec(t);
    const amount = m ? (kind === 'digits' ? whole(m[1], m[4], Number(m[2]) / Number(m[3])) : whole(kind.count ? m[1] : undefined, m[kind.count ? 2 : 1], kind.plus)) : undefined;
    if (amount && amount.value > 0) return { ...amount, value: Math.round(amount.value * 100) / 100 };
  }
  return undefined;
}

/** "2.5 galones", "0,5 metros": a decimal before a unit word. */
const DECIMAL_OF_UNIT = new RegExp(String.raw`(?:^|[^\d/.,])(\d+[.,]\d{1,2})\s*${UNIT}(?![a-z])`);

/**
 * A decimal of a unit said with the unit ("2.5 galones" → 2.5 galon, "0,5 metros" → 0.5 metro):
 * a part of it, as a half is. Undefined when none is said or the number is whole.
 */
export function decimalAmount(text: string): { value: number; unit: string } | undefined {
  const t = foldAccents(text).toLowerCase();
  const m = /\d[.,]\d/.test(t) ? DECIMAL_OF_UNIT.exec(t) : null;
  const unit = m?.[2] !== undefined ? headOf(m[2]) : undefined;
  const value = m?.[1] !== undefined ? Number(m[1].replace(',', '.')) : NaN;
  return unit !== undefined && value > 0 && !Number.isInteger(value) ? { value, unit } : undefined;
}

/** What every part of a unit says (`PART_PATTERNS`): a half, a quarter, or a digit fraction's slash. */
const PART_SAID = /medi[oa]|half|cuarto|quarter|\//;
const HALF = String.raw`(?:y\s+medi[oa]|and\s+a\s+half)`;
const QUARTER = String.raw`(?:y\s+(?:un\s+)?cuarto|and\s+a\s+quarter)`;
/**
 * The ways of saying a part of a unit, in the order they are tried, each with what it adds to the
 * count it says (`count`: the count is its first group, the unit its second) or to none (one group,
 * the unit). Built once (they were built on every call).
 */
const PART_PATTERNS: ReadonlyArray<readonly [RegExp, { count: boolean; plus: number } | 'digits']> = [
  [new RegExp(String.raw`\b${COUNT}\s+(?:y|and)\s+(?:medio|media|a\s+half)\s+${UNIT}\b`), { count: true, plus: 0.5 }],
  [new RegExp(String.raw`\b${COUNT}\s+${UNIT}\s+${HALF}\b`), { count: true, plus: 0.5 }],
  [new RegExp(String.raw`\b${COUNT}\s+${UNIT}\s+${QUARTER}\b`), { count: true, plus: 0.25 }],
  [new RegExp(String.raw`(?:^|[^a-z0-9])${UNIT}\s+${HALF}\b`), { count: false, plus: 1.5 }],
  [new RegExp(String.raw`(?:^|[^a-z0-9])${UNIT}\s+${QUARTER}\b`), { count: false, plus: 1.25 }],
  [new RegExp(String.raw`\b(?:tres\s+cuartos\s+de|three\s+quarters?\s+(?:of\s+)?(?:an?\s+)?)\s*${UNIT}\b`), { count: false, plus: 0.75 }],
  [new RegExp(String.raw`\b(?:(?:un\s+)?cuarto\s+de|(?:a\s+)?quarter\s+(?:of\s+)?(?:an?\s+)?)\s*${UNIT}\b`), { count: false, plus: 0.25 }],
  [new RegExp(String.raw`\b(?:medi[oa]|half\s+an?|half)\s+${UNIT}\b`), { count: false, plus: 0.5 }],
  [DIGIT_PART, 'digits'],
];

/** Units a clerk weighs or cuts, said in a follow-up. */
const WEIGHED = /^(?:libra|pie)$/;
/** What may stand around the amount in a follow-up: "ok dame media libra nada más", "and half a pound please". */
const LEAD = String.raw`^(?:(?:y|e|and|ok|okay|dale|bueno|entonces|mejor|pues|si|then|so)\s+)*(?:(?:dame|deme|ponme|quiero|necesito|ocupo|mandame|me\s+das|vendeme|serian|seria|son|give\s+me|i\s*'?ll\s+take|i\s+need|i\s+want|let\s+me\s+have|make\s+it)\s+)?(?:(?:solo|nada\s+mas|just|only)\s+)?`;
const LEAD_RE = new RegExp(LEAD);
/** What `partCount` reads at all: a decimal (`DECIMAL`) or a part of a unit (`PART_SAID`). */
const PART_OR_DECIMAL = /\d[.,]\d|medi[oa]|half|cuarto|quarter|\//;
const TRAIL = /^(?:\s*(?:nada\s+mas|nomas|por\s+favor|porfa|please|pls|de\s+(?:esos?|esas?|eso)|of\s+(?:those|them|that|it)))*\s*$/;
/** "1.5 libras", "2,5 lb", "0.5 metros": a decimal amount before its unit. */
const DECIMAL = /^(\d+[.,]\d{1,2})\s*(libras?|lbs?|pounds?|pies|pie|feet|foot|ft|metros?|meters?|metres?|mts?|galon(?:es)?|gallons?|sacos?|fundas?|bags?|cubetas?|buckets?)\b/;

/**
 * A follow-up that is only a part of a pound or a foot of the product on the counter ("dame media
 * libra", "libra y media", "1.5 libras", "half a pound", "un cuarto de libra"): that amount and its
 * unit word; a part of a sack, a gallon or a bucket ("dame medio saco") is the next whole one.
 * Undefined for anything else (whole counts are read by `product-focus.ts`).
 */
export function partCount(text: string): { quantity: number; unit: string } | undefined {
  // A decimal amount or a part said, or nothing below can read one (the cleaning keeps both as written).
  if (!PART_OR_DECIMAL.test(foldAccents(text))) return undefined;
  const t = foldAccents(text).toLowerCase().replace(/[¿?¡!;:]+|(?<!\d)[.,]|[.,](?!\d)/g, ' ').replace(/\s+/g, ' ').trim();
  const lead = LEAD_RE.exec(t);
  const rest = t.slice(lead?.[0].length ?? 0);
  const decimal = DECIMAL.exec(rest);
  if (decimal?.[1] !== undefined && decimal[2] !== undefined && TRAIL.test(rest.slice(decimal[0].length))) {
    const unit = headOf(decimal[2]);
    const quantity = Number(decimal[1].replace(',', '.'));
    // "1.5 libras": weighed or cut to it; "0.5 metros" of sand, "2.5 galones": the next whole one.
    const plural = unit !== undefined ? PLURAL[unit] : undefined;
    return plural !== undefined && quantity > 0 ? { quantity: WEIGHED.test(unit as string) ? quantity : Math.ceil(quantity), unit: plural } : undefined;
  }
  const part = partAmount(rest);
  const plural = part ? PLURAL[part.unit] : undefined;
  if (!part || plural === undefined || Number.isInteger(part.value)) return undefined;
  // The amount is the whole message: "media libra de clavos de 3" names a product (the brain reads it).
  const words = rest.replace(/\b(?:de|of|a|an|y|and|medi[oa]|half|un|cuartos?|quarters?|three|tres|libras?|lbs?|pounds?|pies?|feet|foot|ft|metros?|meters?|metres?|mts?|sacos?|fundas?|bags?|galon(?:es)?|gallons?|cubetas?|buckets?|\d+(?:\/\d)?)\b/g, ' ');
  if (!TRAIL.test(words.replace(/\s+/g, ' '))) return undefined;
  // "dame medio saco", "medio metro" of sand: what is sold whole is the next whole one (the product tool says so).
  return { quantity: WEIGHED.test(part.unit) ? part.value : Math.ceil(part.value), unit: plural };
}

/** The unit word a follow-up count carries, by the head of the unit said. */
const PLURAL: Readonly<Record<string, string>> = { libra: 'libras', pie: 'pies', saco: 'sacos', galon: 'galones', cubeta: 'cubetas', metro: 'metros' };
