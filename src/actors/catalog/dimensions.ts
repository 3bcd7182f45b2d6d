/**
 * Dimensions said with a word between the numbers — "2 by 4", "a two by four", "2 por 4", "dos por
 * cuatro", "4 by 8 plywood" — written the way the catalog writes them ("2x4"), so the product
 * readers meet lumber and boards by their size (not "by" as a product, nor the "4" as a count).
 * The rewrite keeps the message's length (padded with spaces), so what was found in it still points
 * at the customer's words.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, ten: 10, twelve: 12,
  uno: 1, un: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, ocho: 8, diez: 10, doce: 12,
};
const WORD = Object.keys(NUMBER_WORDS).join('|');
const SIDE = String.raw`(\d{1,3}(?:[.,]\d+)?|${WORD})`;
/** Two sides joined by "by" / "por", neither a money amount nor a fraction's part. */
const BY = new RegExp(String.raw`(?<![\w$/.,])${SIDE}\s+(?:by|por)\s+${SIDE}(?:'?s)?(?![\w/%]|[.,]\d)`, 'giu');

const valueOf = (side: string): string => String(NUMBER_WORDS[side.toLowerCase()] ?? side.replace(',', '.'));

/** The text with "N by M" / "N por M" written "NxM" (same length). */
export function withDimensionsJoined(text: string): string {
  if (!/\b(?:by|por)\b/i.test(text)) return text;
  return text.replace(BY, (whole: string, a: string, b: string) => {
    // Two number words ("uno por uno", "one by one") are a manner, not a size; a word beside a digit is.
    if (NUMBER_WORDS[a.toLowerCase()] !== undefined && NUMBER_WORDS[b.toLowerCase()] !== undefined && a.toLowerCase() === b.toLowerCase()) return whole;
    const joined = `${valueOf(a)}x${valueOf(b)}`;
    return joined.length <= whole.length ? joined.padEnd(whole.length, ' ') : whole;
  });
}
