import type { Product } from '../../../domain/tenant.js';
import { NUMBER_WORDS, parseProductText } from '../../catalog/index.js';
import { foldWithMap } from './text.js';

/**
 * A quantity said after the product ("clavos de 3 pulgadas 5 libras", "cemento 10 sacos",
 * "cable 12, 100 pies", "pintura blanca 2 galones"): the number before a selling unit is how many,
 * not a size. A pack or count word always counts; a unit of weight, volume or length counts only
 * when the products named are sold by it (nails by the pound, wire by the foot) and none is made in
 * that size ("tinaco 250 galones", "zinc 12 pies", "cable 500 pies" are sizes).
 */

/** Pack and count words: the number before them is how many; the pack (if any) says which one. */
const PACKS: readonly [RegExp, string | null][] = [
  [/^(?:sacos?|zacos?|fundas?|bolsas?|quintal(?:es)?|qq|bags?|sacks?)$/, 'saco'],
  [/^(?:cubetas?|cuvetas?|buckets?|cubos?|pailas?)$/, 'cubeta'],
  [/^(?:rollos?|rolls?)$/, 'rollo'],
  [/^(?:cajas?|boxes?)$/, 'caja'],
  [/^(?:paquetes?|packs?)$/, 'paquete'],
  [/^(?:unidades?|units?|piezas?|pieces?)$/, null],
];
/** Units a product may be sold by (its `unit`, folded, starts with the key): quantities only for those. */
const SOLD_BY: readonly [RegExp, string, 'lb' | 'gal' | 'ft' | 'm'][] = [
  [/^(?:libras?|lbs?|pounds?)$/, 'libra', 'lb'],
  [/^(?:galon(?:es|e)?|gallons?|glns?|gal)$/, 'galon', 'gal'],
  [/^(?:pies?|feet|foot|ft)$/, 'pie', 'ft'],
  [/^(?:metros?|meters?|mts?)$/, 'metro', 'm'],
];
const FEET_PER_METRE = 3.28084;
const POUNDS_PER_KILO = 2.20462;
/** Units that measure a pack's content (the 42.5 kg bag, the 5-gallon bucket), never a size a bare number names. */
const PACK_MEASURES = new Set(['kg', 'lb', 'gal', 'oz', 'ml', 'l']);
/** A selling unit that is a pack holding a measure ("cubeta" of 5 gal, "saco 42.5 kg"). */
const PACK_UNIT = /^(?:cubeta|saco|funda|bolsa|caja|paquete)/;
/** Words that may end a message after its count ("arena 4 por favor"). */
const COURTESY = new Set(['por', 'favor', 'porfa', 'porfavor', 'pls', 'please', 'entonces', 'pues', 'nada', 'mas', 'na']);
/** Words before a count a line is set to: "la arena a 6", "el cemento ponlo en 15", "la arena mejor 4", "que sean 4", "the sand to 6". */
const TO_COUNT = /^(?:a|en|to|mejor|que|sean?|(?:pon|dej|cambi|sub|baj)[ae]?l[oa]s?|make|it)$/;
const KILOS = /^(?:kilos?|kg|kgs|kilogramos?)$/;
/** Words after a number that make it a size, never a count: "como 6 pulgadas". */
const SIZE_UNIT = /^(?:pulgadas?|pulg|inch(?:es)?|in|pies?|feet|foot|ft|mm|cm|x|por|de|of|grados?|calibre|amp(?:s|erios?)?|watts?|w|v|voltios)$/;
/** Words that say a count is rough: "la varilla de 3/8 como 40", "cement about 20": sizes are never said roughly. */
const ROUGHLY = /^(?:como|unos?|unas|aprox|aproximadamente|about|around|approx|approximately|roughly)$/;
/** Words before the number that make it a size: "de 250 galones", "cubeta 5 gal", "calibre 12". */
const SIZE_LEAD = /^(?:de|del|of|en|in|x|por|calibre|grado|#|no|numero|cubeta|saco|funda|bolsa|rollo|caja|paquete|galon|bucket|bag|roll)$/;

export interface TrailingQuantity {
  quantity: number;
  /** The pack word to keep with the product ("galon", "saco"): it says which pack is wanted. */
  pack?: string;
  /** The number alone, no unit after it ("arena 4"). */
  bare?: true;
  /** Words between the product and the number ("la arena a 6": 1). */
  skip?: number;
}

export interface TrailingQuantities {
  /**
   * The quantity the tokens at `at` (number, unit) say, after the product phrase whose words are
   * `words` (the product words the phrase has so far); null when they say a size or nothing.
   * `clauseEnd`: punctuation follows the number ("cemento 10, arena 2").
   */
  at(tokens: readonly string[], at: number, words: readonly string[], clauseEnd?: boolean): TrailingQuantity | null;
}

export function createTrailingQuantities(catalog: readonly Product[], productWords: readonly Set<string>[]): TrailingQuantities {
  const units = catalog.map((p) => foldWithMap(p.unit).folded);
  let measures: ReturnType<typeof parseProductText>['attributes']['measures'][] | null = null;
  /** Per product: the largest inch size a bare number could mean (0: none), or Infinity for any other size (feet, gauge, dims). */
  let sized: number[] | null = null;
  /**
   * The products the words name exist and none is made in a size the bare number `n` could mean:
   * sand and cement (a pack's kg are no size), gravel in 3/4" for "grava 2" (far above its inches).
   */
  const sizeless = (words: readonly string[], n: number): boolean => {
    if (words.length === 0) return false;
    sized ??= catalog.map((p) => {
      const parsed = parseProductText(p.name, { catalog: true }).attributes;
      const sizes = parsed.measures.filter((m) => !PACK_MEASURES.has(m.unit));
      if (parsed.dims.length > 0 || sizes.some((m) => m.unit !== 'in')) return Infinity;
      return Math.max(0, ...sizes.map((m) => m.value));
    });
    const named = catalog.flatMap((_, i) => (words.every((w) => productWords[i]!.has(w)) ? [i] : []));
    // A number up to twice the largest inch size may be a size ("block 10" when blocks come to 8").
    return named.length > 0 && named.every((i) => sized![i] === 0 || n > 2 * sized![i]!);
  };
  /** The named products are not made in an inch size `n` ("block como 6" may still be the 6" block). */
  const noInchSize = (words: readonly string[], n: number): boolean => {
    measures ??= catalog.map((p) => parseProductText(p.name, { catalog: true }).attributes.measures);
    const named = catalog.flatMap((_, i) => (words.every((w) => productWords[i]!.has(w)) ? [i] : []));
    return named.length > 0 && !named.some((i) => measures![i]!.some((m) => m.unit === 'in' && Math.abs(m.value - n) < 1e-9));
  };
  /** Some named product is made in size `n` (a gauge, inches or any measure but a pack's content). */
  const madeIn = (words: readonly string[], n: number): boolean => {
    if (words.length === 0) return false;
    measures ??= catalog.map((p) => parseProductText(p.name, { catalog: true }).attributes.measures);
    return catalog.some((_, i) => words.every((w) => productWords[i]!.has(w)) && measures![i]!.some((m) => !PACK_MEASURES.has(m.unit) && m.unit !== 'ft' && Math.abs(m.value - n) < 1e-9));
  };
  const reader: TrailingQuantities = {
    at(tokens, at, words, clauseEnd) {
      const number = tokens[at];
      const unit = tokens[at + 1];
      if (number === undefined) return null;
      // "la varilla de 3/8 como 40 y …", "los tubos unos 12": a rough number alone after the product is how many.
      // "el cemento como 10 fundas", "the rebar 3/8 about 30, how much…": the count with its unit, or alone unless a size unit follows.
      const count = tokens[at + 1] ?? '';
      if (ROUGHLY.test(number) && at > 0 && words.length > 0 && /^\d+$/.test(count) && Number(count) > 1) {
        const rest = tokens[at + 2];
        if (rest !== undefined && (PACKS.some(([re]) => re.test(rest)) || SOLD_BY.some(([re]) => re.test(rest)) || KILOS.test(rest))) {
          const inner = reader.at(tokens, at + 1, words, clauseEnd);
          return inner ? { ...inner, skip: (inner.skip ?? 0) + 1 } : null;
        }
        if ((rest === undefined || !SIZE_UNIT.test(rest)) && noInchSize(words, Number(count))) return { quantity: Number(count), bare: true, skip: 1 };
      }
      // "la arena a 6", "ponme el cemento en 8", "el cemento ponlo en 15", "la arena que sean 4": the count a line is set to,
      // for goods made in no size ("el tubo a 4" is a size).
      if (TO_COUNT.test(number) && at > 0) {
        let n = at;
        while (n < at + 3 && TO_COUNT.test(tokens[n] ?? '')) n++;
        const count = tokens[n];
        if (n > at && count !== undefined && /^\d+$/.test(count) && Number(count) > 0 && (/^(?:y|e|and)$/.test(tokens[n + 1] ?? 'y') || tokens.slice(n + 1).every((w) => COURTESY.has(w)))) {
          return sizeless(words, Number(count)) ? { quantity: Number(count), bare: true, skip: n - at } : null;
        }
      }
      // "y de arena 4", "cemento 10 por favor": a bare number ending the message after goods made in no size is how many.
      if (unit === undefined || clauseEnd === true || /^(?:y|e|and)$/.test(unit) || tokens.slice(at + 1).every((w) => COURTESY.has(w))) {
        if (!/^\d+$/.test(number) || Number(number) <= 0 || at === 0 || SIZE_LEAD.test(tokens[at - 1] ?? '') || !sizeless(words, Number(number))) return null;
        return { quantity: Number(number), bare: true };
      }
      const n = /^\d+$/.test(number) ? Number(number) : NUMBER_WORDS[number];
      if (n === undefined || n <= 0) return null;
      if (at > 0 && SIZE_LEAD.test(tokens[at - 1] ?? '')) return null;
      // "cable 14 rollo": a number then one pack (singular) where the goods are made in that size (gauge 14) is the size, not 14 rolls.
      if (n > 1 && /^\d+$/.test(number) && !/s$/.test(unit) && madeIn(words, n)) return null;
      for (const [re, pack] of PACKS) if (re.test(unit)) return pack !== null ? { quantity: n, pack } : { quantity: n };
      const sold = SOLD_BY.find(([re]) => re.test(unit));
      if (words.length === 0) return null;
      // "clavos de 3 pulgadas 2 kilos" for nails sold by the pound: that weight in pounds, rounded up.
      if (!sold && KILOS.test(unit)) {
        const byPound = catalog.some((_, i) => words.every((w) => productWords[i]!.has(w)) && units[i]!.startsWith('libra'));
        return byPound ? { quantity: Math.ceil(n * POUNDS_PER_KILO - 1e-9), pack: 'libra' } : null;
      }
      if (!sold) return null;
      const named = catalog.flatMap((_, i) => (words.every((w) => productWords[i]!.has(w)) ? [i] : []));
      // "cable 14, 50 metros" for wire sold by the foot: that length in feet, rounded up.
      const other = sold[1] === 'metro' ? 'pie' : sold[1] === 'pie' ? 'metro' : null;
      if (other !== null && !named.some((i) => units[i]!.startsWith(sold[1])) && named.some((i) => units[i]!.startsWith(other))) {
        return { quantity: Math.ceil(other === 'pie' ? n * FEET_PER_METRE : n / FEET_PER_METRE - 1e-9) };
      }
      if (!named.some((i) => units[i]!.startsWith(sold[1]))) return null;
      // The 500-foot roll of wire, the 40-lb bag of soil: a size one of them is made in.
      measures ??= catalog.map((p) => parseProductText(p.name, { catalog: true }).attributes.measures);
      // …but "pintura blanca 5 galones" is 5 gallons where paint is sold by the gallon: the 5-gallon bucket is a pack, not a size.
      const byUnit = named.filter((i) => units[i]!.startsWith(sold[1]));
      if (named.some((i) => measures![i]!.some((m) => m.unit === sold[2] && Math.abs(m.value - n) < 1e-9) && !(PACK_UNIT.test(units[i]!) && byUnit.length > 0))) return null;
      return sold[1] === 'libra' || sold[1] === 'galon' ? { quantity: n, pack: sold[1] } : { quantity: n };
    },
  };
  return reader;
}
