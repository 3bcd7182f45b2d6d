import { NUMBER_WORDS } from './text.js';

/**
 * Rewrites spoken and written measures to one notation ("de media" → 1/2, `4"` → 4in, "12 pies"
 * → 12ft), before `parseProductText` (`attributes.ts`) reads the sizes.
 *
 * About forty global replaces, each of which scans the whole text even when nothing matches: 57
 * pattern replaces on a never-seen message, an eighth of a turn's (issue 16, session 34). Each one
 * now runs only when the text holds a word every one of its matches contains ("docena" for "media
 * docena", "/" for a fraction, a digit for a unit after a number); otherwise the replace would give
 * the text back unchanged, so the reading is the same. Each check reads the text as the steps
 * before left it (a step can write a digit the next one needs).
 * `test/unit/perf/catalog-text-prechecks.test.ts` compares this with the unguarded chain.
 *
 * @example
 * normaliseMeasures('tubo de media pulgada'); // ' tubo de  1/2in   '
 */
export function normaliseMeasures(folded: string): string {
  let t = ` ${folded} `;
  // "4 x 8 3/4": the sides joined first, or "8 3/4" would be read as a mixed number (eight and three quarters).
  if (t.includes('/')) t = t.replace(/(?<![\w/.-])(\d+)\s+x\s+(\d+)(?=\s+\d+\/\d+)/g, '$1x$2');
  if (t.includes('½')) t = t.replace(/½/g, ' 1/2');
  if (t.includes('¼')) t = t.replace(/¼/g, ' 1/4');
  if (t.includes('¾')) t = t.replace(/¾/g, ' 3/4');
  if (t.includes('-gal')) t = t.replace(/\b(\d+)-(gallon|galon|gal)\b/g, '$1 $2');
  if (t.includes('docena') || t.includes('dozen')) t = t.replace(/\b(?:media\s+docena|half\s+a\s+dozen)\b/g, ' 6 ');
  if (t.includes('docena')) t = t.replace(/\b(?:una|1)\s+docena\b/g, ' 12 ');
  if (t.includes('dozen')) t = t.replace(/\ba\s+dozen\b/g, ' 12 ');
  if (t.includes('par') || t.includes('pair') || t.includes('couple')) t = t.replace(/\b(?:un|a)\s+(?:par|pair|couple)\s+(?:de|of)\b/g, ' 2 de ');
  if (t.includes('media')) {
    t = t.replace(/\b(?:una\s+)?pulgadas?\s+y\s+media\b/g, ' 1-1/2in ');
    t = t.replace(/\buna\s+y\s+media(?:\s+pulgadas?)?\b/g, ' 1-1/2in ');
    t = t.replace(/\b(\d+)\s+y\s+media\b/g, ' $1-1/2 ');
  }
  if (t.includes('half')) {
    t = t.replace(/\b(\d+)\s+and\s+a\s+half\b/g, ' $1-1/2 ');
    t = t.replace(/\bone\s+and\s+a\s+half\b/g, ' 1-1/2 ');
  }
  if (t.includes('cuarto')) t = t.replace(/\btres\s+cuartos?\b/g, ' 3/4 ');
  if (t.includes('octavo')) {
    t = t.replace(/\btres\s+octavos?\b/g, ' 3/8 ');
    t = t.replace(/\bcinco\s+octavos?\b/g, ' 5/8 ');
  }
  if (t.includes('cuarto')) {
    t = t.replace(/\b(?:un\s+)?cuarto\s+de\s+pulgada\b/g, ' 1/4in ');
    t = t.replace(/\bun\s+cuarto\b/g, ' 1/4 ');
  }
  if (t.includes('eighth')) {
    t = t.replace(/\b(?:three|3)\s+eighths?\b/g, ' 3/8 ');
    t = t.replace(/\b(?:five|5)\s+eighths?\b/g, ' 5/8 ');
  }
  if (t.includes('quarter')) {
    t = t.replace(/\bthree\s+quarters?(?:\s+(?:of\s+an\s+)?inch)?\b/g, ' 3/4in ');
    t = t.replace(/\b(?:a\s+)?quarter\s+inch\b/g, ' 1/4in ');
  }
  if (t.includes('half')) t = t.replace(/\bhalf\s+(?:an\s+)?inch\b/g, ' 1/2in ');
  if (t.includes('media')) t = t.replace(/\bmedia\s+pulgada\b/g, ' 1/2in ');
  // "one inch pipe", "dos pulgadas", "four-inch drain": a number word before the inch unit is a size.
  if (t.includes('inch') || t.includes('pulgada')) {
    t = t.replace(/\b([a-z]+)[\s-]+(?:inch(?:es)?|pulgadas?)\b/g, (whole, word: string) => {
      const n = NUMBER_WORDS[word];
      return n !== undefined && n >= 1 && n <= 12 ? ` ${n}in ` : whole;
    });
  }
  if (t.includes('quarter') || t.includes('cuarto')) t = t.replace(/\b(?:a\s+)?quarter\s+(?:of\s+a\s+)?gallon\b|\b(?:un\s+)?cuarto\s+de\s+galon\b/g, ' 1/4 gal ');
  if (t.includes('galon') || t.includes('gallon')) t = t.replace(/\b(?:medio|half(?:\s+a)?)\s+galon\b|\bhalf\s+(?:a\s+)?gallon\b/g, ' 1/2 gal ');
  // "un polo", "doble polo", "double-pole", "2-pole", "bipolar": the poles of a breaker, as a count.
  if (t.includes('pol')) {
    t = t.replace(/\b(?:un|uno|una|single|one|sencillo)[\s-]+(?:polos?|poles?)\b|\bmonopolar\b/g, ' 1 polo ');
    t = t.replace(/\b(?:doble|double|dos|two)[\s-]+(?:polos?|poles?)\b|\bbipolar\b/g, ' 2 polos ');
    t = t.replace(/\b(\d+)-(polos?|poles?)\b/g, ' $1 $2 ');
  }
  // "block de ocho", "tubo de cuatro": a number word after "de" is a size.
  if (t.includes('de') || t.includes('of')) {
    t = t.replace(/\b(de|of)\s+([a-z]+)\b/g, (whole, de: string, word: string) => {
      const n = NUMBER_WORDS[word];
      return n !== undefined && n > 1 && n < 100 ? `${de} ${n}` : whole;
    });
  }
  if (t.includes('media')) t = t.replace(/\b(?:de\s+a\s+)?media\b/g, ' 1/2 ');
  if (t.includes('medio')) t = t.replace(/\bmedio\b(?!\s+(?:galon|saco|metro))/g, ' 1/2 ');
  // "1 1/2" is one size, not two numbers ("grade 40 1/2" is grade 40, then 1/2).
  if (t.includes('/')) t = t.replace(/(?<!\b(?:grado|grade|gr|calibre|cal|gauge|no|numero)\s*|#\s*)\b(\d+)\s+(\d+\/\d+)/g, ' $1-$2 ');
  if (/\d/.test(t)) {
    t = t.replace(/(\d)\s*(?:"|''|”|″|(?:de\s+)?pulgadas?\b|pulg\b\.?|plg\b|inch(?:es)?\b|in\b)/g, '$1in '); // "3/4 de pulgada" too
    t = t.replace(/(\d)\s*(?:'|’|pies\b|pie\b|ft\b|feet\b|foot\b)/g, '$1ft ');
    t = t.replace(/\b(\d+)\s+(?:de\s+)?(?:un|una|1)\s+pulgadas?\b/g, '$1in ');
  }
  return t;
}
