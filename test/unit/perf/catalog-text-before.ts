/**
 * The catalog's text steps as they were before session 34 (perf24): every pattern replace run on
 * every call, no pre-check. The reference their pre-checked versions are compared with
 * (catalog-text-prechecks.test.ts).
 */
import { NUMBER_WORDS } from '../../../src/actors/catalog/index.js';

/** soundKey (`catalog/text.ts`): fourteen replaces on every call. */
export function soundKeyBefore(word: string): string {
  return word
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/c([ei])/g, 's$1')
    .replace(/ch/g, '§')
    .replace(/c/g, 'k')
    .replace(/§/g, 'ch')
    .replace(/g([ei])/g, 'j$1')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/(^|[^c])h/g, '$1')
    .replace(/y$/, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** normaliseMeasures (`catalog/measure-notation.ts`, in `attributes.ts` before): every replace on every call. */
export function normaliseMeasuresBefore(folded: string): string {
  let t = ` ${folded} `;
  // "4 x 8 3/4": the sides joined first, or "8 3/4" would be read as a mixed number (eight and three quarters).
  t = t.replace(/(?<![\w/.-])(\d+)\s+x\s+(\d+)(?=\s+\d+\/\d+)/g, '$1x$2');
  t = t.replace(/½/g, ' 1/2').replace(/¼/g, ' 1/4').replace(/¾/g, ' 3/4').replace(/\b(\d+)-(gallon|galon|gal)\b/g, '$1 $2');
  t = t.replace(/\b(?:media\s+docena|half\s+a\s+dozen)\b/g, ' 6 ').replace(/\b(?:una|1)\s+docena\b/g, ' 12 ').replace(/\ba\s+dozen\b/g, ' 12 ').replace(/\b(?:un|a)\s+(?:par|pair|couple)\s+(?:de|of)\b/g, ' 2 de ');
  t = t.replace(/\b(?:una\s+)?pulgadas?\s+y\s+media\b/g, ' 1-1/2in ');
  t = t.replace(/\buna\s+y\s+media(?:\s+pulgadas?)?\b/g, ' 1-1/2in ');
  t = t.replace(/\b(\d+)\s+y\s+media\b/g, ' $1-1/2 ');
  t = t.replace(/\b(\d+)\s+and\s+a\s+half\b/g, ' $1-1/2 ');
  t = t.replace(/\bone\s+and\s+a\s+half\b/g, ' 1-1/2 ');
  t = t.replace(/\btres\s+cuartos?\b/g, ' 3/4 ');
  t = t.replace(/\btres\s+octavos?\b/g, ' 3/8 ');
  t = t.replace(/\bcinco\s+octavos?\b/g, ' 5/8 ');
  t = t.replace(/\b(?:un\s+)?cuarto\s+de\s+pulgada\b/g, ' 1/4in ');
  t = t.replace(/\bun\s+cuarto\b/g, ' 1/4 ');
  t = t.replace(/\b(?:three|3)\s+eighths?\b/g, ' 3/8 ');
  t = t.replace(/\b(?:five|5)\s+eighths?\b/g, ' 5/8 ');
  t = t.replace(/\bthree\s+quarters?(?:\s+(?:of\s+an\s+)?inch)?\b/g, ' 3/4in ');
  t = t.replace(/\b(?:a\s+)?quarter\s+inch\b/g, ' 1/4in ');
  t = t.replace(/\bhalf\s+(?:an\s+)?inch\b/g, ' 1/2in ');
  t = t.replace(/\bmedia\s+pulgada\b/g, ' 1/2in ');
  // "one inch pipe", "dos pulgadas", "four-inch drain": a number word before the inch unit is a size.
  t = t.replace(/\b([a-z]+)[\s-]+(?:inch(?:es)?|pulgadas?)\b/g, (whole, word: string) => {
    const n = NUMBER_WORDS[word];
    return n !== undefined && n >= 1 && n <= 12 ? ` ${n}in ` : whole;
  });
  t = t.replace(/\b(?:a\s+)?quarter\s+(?:of\s+a\s+)?gallon\b|\b(?:un\s+)?cuarto\s+de\s+galon\b/g, ' 1/4 gal ');
  t = t.replace(/\b(?:medio|half(?:\s+a)?)\s+galon\b|\bhalf\s+(?:a\s+)?gallon\b/g, ' 1/2 gal ');
  // "un polo", "doble polo", "double-pole", "2-pole", "bipolar": the poles of a breaker, as a count.
  t = t.replace(/\b(?:un|uno|una|single|one|sencillo)[\s-]+(?:polos?|poles?)\b|\bmonopolar\b/g, ' 1 polo ');
  t = t.replace(/\b(?:doble|double|dos|two)[\s-]+(?:polos?|poles?)\b|\bbipolar\b/g, ' 2 polos ');
  t = t.replace(/\b(\d+)-(polos?|poles?)\b/g, ' $1 $2 ');
  // "block de ocho", "tubo de cuatro": a number word after "de" is a size.
  t = t.replace(/\b(de|of)\s+([a-z]+)\b/g, (whole, de: string, word: string) => {
    const n = NUMBER_WORDS[word];
    return n !== undefined && n > 1 && n < 100 ? `${de} ${n}` : whole;
  });
  t = t.replace(/\b(?:de\s+a\s+)?media\b/g, ' 1/2 ');
  t = t.replace(/\bmedio\b(?!\s+(?:galon|saco|metro))/g, ' 1/2 ');
  // "1 1/2" is one size, not two numbers ("grade 40 1/2" is grade 40, then 1/2).
  t = t.replace(/(?<!\b(?:grado|grade|gr|calibre|cal|gauge|no|numero)\s*|#\s*)\b(\d+)\s+(\d+\/\d+)/g, ' $1-$2 ');
  t = t.replace(/(\d)\s*(?:"|''|”|″|(?:de\s+)?pulgadas?\b|pulg\b\.?|plg\b|inch(?:es)?\b|in\b)/g, '$1in '); // "3/4 de pulgada" too
  t = t.replace(/(\d)\s*(?:'|’|pies\b|pie\b|ft\b|feet\b|foot\b)/g, '$1ft ');
  t = t.replace(/\b(\d+)\s+(?:de\s+)?(?:un|una|1)\s+pulgadas?\b/g, '$1in ');
  return t;
}
