/**
 * Text normalisation shared by every metric of the evaluation: expectations are compared on
 * normalised text so that case, accents, markdown emphasis and spacing never decide a result.
 */

/** Lower case, no accents (ü → u, ñ → n), no markdown emphasis, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words that carry no product identity ("de", "of", articles), and pack or unit words ("10 sacos de
 * cemento" names the product "cemento" whether or not the pack word is kept): dropped before
 * comparing product phrases. Which pack is meant is scored by the catalog-query set, not here.
 */
const PRODUCT_FILLER = new Set([
  'de', 'del', 'la', 'el', 'los', 'las', 'un', 'una', 'unos', 'unas', 'of', 'the', 'a', 'an', 'para', 'pa', 'for', 'con', 'with', 'in', 'en',
  'saco', 'funda', 'bolsa', 'galon', 'cubeta', 'libra', 'metro', 'pie', 'rollo', 'lamina', 'plancha', 'unidad', 'caja', 'paquete', 'ciento',
  'bag', 'gallon', 'bucket', 'pound', 'lb', 'foot', 'feet', 'ft', 'roll', 'sheet', 'box', 'pack', 'unit',
  'pulgada', 'pulg', 'inch', 'in', 'w', 'watt', 'amp', 'ampere', 'amperio',
]);

/** Size words people use for fractions of an inch. */
const SIZE_WORDS: Record<string, string> = { media: '1/2', medio: '1/2', half: '1/2', cuarto: '1/4', quarter: '1/4' };

/** A crude singular: the bot may report "varilla" for "varillas", "tubos" → "tubo". */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('es') && !/[aeiou]es$/.test(word.slice(-3))) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Normalised value of an entity, per type: e-mail lower case; phone digits only with the North
 * American country code (809-555-1234 and +1 809 555 1234 are the same phone); account id digits
 * only; product phrases as a sorted bag of singular words without filler; names and companies
 * folded, without trailing punctuation.
 */
export function normaliseEntity(type: string, value: string): string {
  const v = fold(value);
  switch (type) {
    case 'email':
      return v.replace(/\s/g, '');
    case 'phone': {
      const digits = v.replace(/\D/g, '');
      return digits.length === 10 ? `1${digits}` : digits;
    }
    case 'account_id':
      return v.replace(/\D/g, '');
    case 'product':
      return v
        .replace(/["”″]/g, ' ')
        .replace(/[^a-z0-9/.\s]/g, ' ')
        .split(/\s+/)
        .map((w) => SIZE_WORDS[w] ?? w)
        // "12w", "20a", "4in" → the number: the unit is implied by the product.
        .map((w) => w.replace(/^(\d+(?:[./]\d+)?)(w|watts?|a|amps?|in|inch(?:es)?|pulg(?:adas?)?)$/, '$1'))
        .map((w) => singular(w))
        .filter((w) => w !== '' && !PRODUCT_FILLER.has(w))
        .sort()
        .join(' ');
    default:
      return v.replace(/[.,;:!?¡¿"']+$/g, '').replace(/^[.,;:!?¡¿"']+/g, '').trim();
  }
}
