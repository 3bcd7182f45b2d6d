/**
 * Shapes of counts and deals that look like sizes: "los candados 2x1" (an offer's deal, two for the
 * price of one, never a padlock measuring 2 by 1), "3 five-gallon buckets" (three buckets of five
 * gallons each), "30 pies de #12 de cable" (30 feet of #12 wire).
 */
import { BUCKETS, GALLONS, resolveUnit, UNITS } from './product-units.js';

interface Tok {
  t: string;
  s: number;
}

/**
 * An offer's deal said after a product ("candados 2x1", "el 3 x 2"): more taken than paid, at most
 * three taken. Its length in tokens, or 0. A board's "2x4" or a tile's "33x33" is no deal.
 */
export function dealAt(toks: readonly Tok[], j: number): number {
  const joined = /^(\d)x(\d)$/.exec(toks[j]?.t ?? '');
  const [a, b, len] = joined ? [joined[1], joined[2], 1] : [toks[j]?.t, toks[j + 2]?.t, toks[j + 1]?.t === 'x' ? 3 : 0];
  if (len === 0 || !/^\d$/.test(a ?? '') || !/^\d$/.test(b ?? '')) return 0;
  const taken = Number(a);
  const paid = Number(b);
  // "2x1" follows a product; a count said after "2x1" ("2 x 1 pulgada") is no deal.
  return taken <= 3 && paid >= 1 && taken === paid + 1 && !/^\d|^(?:pulgadas?|inch(?:es)?|pies?|feet|ft|m|cm|mm|metros?)$/.test(toks[j + len]?.t ?? '') ? len : 0;
}

/**
 * "3 five-gallon buckets of paint": the gallons said before a bucket word are its size, the number
 * before them is how many buckets. With `q` at the gallons word before the bucket at `q + 1`, the
 * index of the count's token, or null.
 */
export function bucketCountAt(toks: readonly Tok[], q: number, numberOf: (t: string) => number | null): number | null {
  if (q < 2 || !GALLONS.test(toks[q]?.t ?? '') || !BUCKETS.has(resolveUnit(toks[q + 1]?.t ?? ''))) return null;
  if (numberOf(toks[q - 1]!.t) === null || numberOf(toks[q - 2]!.t) === null) return null;
  return q - 2;
}

/** "30 pies de #12 de cable": a "de" after the gauge number, which is the gauge's (the wire's), not the count's. */
export function ofAfterGauge(toks: readonly Tok[], q: number, folded: string, numberOf: (t: string) => number | null): boolean {
  return q >= 1 && /^(?:de|of)$/.test(toks[q]!.t) && numberOf(toks[q - 1]!.t) !== null && /#\s*$/.test(folded.slice(0, toks[q - 1]!.s));
}

/** "un par de candados", "a couple of padlocks", "a pair of hinges": the pair word at `q`, an article before it. */
export function pairAt(toks: readonly Tok[], q: number): boolean {
  return q >= 1 && /^(?:par|pair|couple)$/.test(toks[q]?.t ?? '') && /^(?:un|una|a|one)$/.test(toks[q - 1]?.t ?? '');
}

/**
 * "10 x tubo PVC de 1/2", "20 x 1/2\" elbows": the times sign of a pasted list between a count and
 * what it counts (the "x" at `q`, a whole number before it). A size's "x" ("4 x 8", "1/2 x 90") has a
 * number after it, or another size sign before its number, and is not this.
 */
export function timesSignAt(toks: readonly Tok[], q: number, numberOf: (t: string) => number | null): boolean {
  if (q < 1 || !/^(?:x|×)$/.test(toks[q]!.t) || !/^\d+$/.test(toks[q - 1]!.t) || numberOf(toks[q - 1]!.t) === null) return false;
  return !/^(?:\/|x|×|by|por)$/.test(toks[q - 2]?.t ?? '');
}

/**
 * "4 x 8 plywood", "2 sheets of 4 x 8 plywood": a size said before the product (the number at `q`
 * after "x" and another number), never a count of 8. The size as "4x8" and where a count would be
 * before it (past "of"/"de" and a unit word: "2 sheets of"), or null.
 */
export function sizeBeforeAt(toks: readonly Tok[], q: number): { size: string; q: number } | null {
  if (q < 2 || !/^\d+$/.test(toks[q]?.t ?? '') || !/^(?:x|×)$/.test(toks[q - 1]!.t) || !/^\d+$/.test(toks[q - 2]!.t)) return null;
  let k = q - 3;
  if (/^(?:de|of)$/.test(toks[k]?.t ?? '')) k--;
  if (k >= 0 && UNITS.has(resolveUnit(toks[k]!.t))) k--;
  return { size: `${toks[q - 2]!.t}x${toks[q]!.t}`, q: k };
}

/**
 * The words between a count and what it counts, ending at `q`: "10 de cemento", "10 x tubo", and
 * the product pointed at with its article — "2 gallons of the primer", "1 of the black enamel",
 * "2 galones del primer", "3 de la blanca" — when a count or its unit comes before them (a product
 * on the counter named back). How many tokens to step over, or 0.
 */
export function countJoinAt(toks: readonly Tok[], q: number, numberOf: (t: string) => number | null): number {
  if (q < 0) return 0;
  if (/^(?:de|of)$/.test(toks[q]!.t) || timesSignAt(toks, q, numberOf)) return 1;
  const counted = (i: number): boolean => i >= 0 && (numberOf(toks[i]!.t) !== null || UNITS.has(resolveUnit(toks[i]!.t)));
  if (toks[q]!.t === 'del' && counted(q - 1)) return 1;
  if (/^(?:the|el|la|los|las)$/.test(toks[q]!.t) && /^(?:de|of)$/.test(toks[q - 1]?.t ?? '') && counted(q - 2)) return 2;
  return 0;
}
