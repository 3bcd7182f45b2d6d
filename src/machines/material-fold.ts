/**
 * The text as the material-question rules read it (`material-questions.ts`): lower case, no
 * accents, decimals kept ("2.5", "2,5" → "2.5"), "kuantos" read as "cuantos", punctuation and runs
 * of spaces as one space.
 *
 * Issue 16 (session 35, perf25): this fold was the turn's largest source of pattern replaces (16.9
 * of 326 a never-seen turn, eight replaces a call, 2.1 calls a turn, half of them on the text just
 * folded). The last text folded is kept, and a replace whose every match holds a literal runs only
 * when the text, as the steps before left it, holds that literal: the same string for every text
 * (`test/unit/perf/material-fold.test.ts` compares it with the unguarded chain).
 */

let lastOf: string | undefined;
let last = '';

/**
 * @example
 * foldMaterialText('¿Kuántos blocks para 2,5 m²?'); // 'cuantos blocks para 2.5 m2'
 */
export function foldMaterialText(text: string): string {
  // The readers fold one message several times a turn (asked how much, how far it goes, its sizes).
  if (text === lastOf) return last;
  last = foldOnce(text);
  lastOf = text;
  return last;
}

function foldOnce(text: string): string {
  let t = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (t.includes('²')) t = t.replace(/²/g, '2');
  if (t.includes('³')) t = t.replace(/³/g, '3');
  // A point between digits is written back as it was: only a comma changes the text.
  if (t.includes(',')) t = t.replace(/(\d)[,.](\d)/g, '$1.$2');
  // Every match of the two below holds "ant" (the second "cuant", which only a text with "ant" has).
  if (t.includes('ant')) {
    // "kuantos", "qantos", "cuantas": the way it is typed.
    t = t.replace(/\b(?:kuant|qu?ant)(?=[oa]s?\b)/g, 'cuant');
    // "cuanto e el cable?": WhatsApp's "es" without its s, a price asked.
    if (t.includes('cuant')) t = t.replace(/\b(cuant[oa]s?) e\b/g, '$1 es');
  }
  return t
    .replace(/[¿?¡!,;:]+|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
