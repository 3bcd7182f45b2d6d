/**
 * After an agent resolves a handoff the bot asks for a 1–5 rating. What counts as an answer, as a
 * store clerk would hear it: a number from 1 to 5 (a digit or a word, "cinco", "four") first, maybe
 * after "le doy un…", "mi nota es…", "I'd give it a…", with its scale or a comment after it ("5",
 * "4/5", "5 estrellas", "5, muy buena atención", "le doy un 4 porque tardaron"), or one to five
 * stars (⭐ or ★) alone. A number followed by what it counts ("5 sacos de cemento", "3 preguntas",
 * "2 minutos") or by another number ("3 y 4") is a new message, and the question lapses.
 */
import { foldAccents } from '../kernel/fold.js';
const NUMBER_WORDS: Readonly<Record<string, number>> = { uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };
const LEAD_IN =
  /^(?:(?:yo\s+)?(?:le|te|les)?\s*(?:doy|pongo|daria|pondria)\s+|mi\s+(?:calificacion|nota|puntuacion|puntaje)\s+(?:es|seria|:)?\s*|(?:calificacion|nota|puntaje|rating)\s*:?\s*|i\s*(?:'d|would)?\s*(?:give|rate)\s+(?:it|you|you\s+guys|them|the\s+service)?\s*|(?:it's|its|it\s+is)\s+)?(?:(?:un|una|a|an)\s+)?/u;
const SCALE = /^\s*(?:\/\s*5|de\s+5|de\s+cinco|out\s+of\s+(?:5|five)|estrellas?|stars?|puntos?|points?)/u;
/** Words that say the number counts something: the message is an order or a question, not a rating. */
const COUNTS =
  /^(?:x\b|\*|[a-z]*(?:sacos?|fundas?|galon|galones|gal|unidad|unidades|metros?|mts?|varillas?|libras?|lbs?|pies|pie|pulgadas?|kilos?|kgs?|bolsas?|cubetas?|cajas?|tubos?|planchas?|laminas?|hojas?|blocks?|bloques?|piezas?|rollos?|cubos?|yardas?|preguntas?|cosas?|minutos?|min|horas?|dias?|semanas?|meses|personas?|veces|bags?|units?|pieces?|boxes?|feet|foot|inches?|gallons?|questions?|minutes?|hours?|days?|items?|de\s+(?:cemento|arena|pintura|varilla|block|zinc)))\b/u;

const fold = (text: string) => foldAccents(text).trim();
const STARS = /^(?:[⭐★]\uFE0F?\s*){1,5}$/u;

/** The rating a customer's message gives, or null when it is not a rating. */
export function ratingFrom(text: string): number | null {
  const trimmed = text.trim();
  if (STARS.test(trimmed)) return [...trimmed].filter((c) => c === '⭐' || c === '★').length;
  const t = fold(trimmed).replace(LEAD_IN, '');
  const m = /^(?:([1-5])(?![\d.,]\d)|(uno|una|dos|tres|cuatro|cinco|one|two|three|four|five)\b)/u.exec(t);
  if (!m) return null;
  const value = m[1] !== undefined ? Number(m[1]) : NUMBER_WORDS[m[2]!]!;
  let rest = t.slice(m[0].length);
  const scale = SCALE.exec(rest);
  if (scale) rest = rest.slice(scale[0].length);
  rest = rest.replace(/^[\s,.;:!¡?¿)(-]+/u, '');
  if (rest === '') return value;
  // A comment may follow ("muy buena atención", "porque tardaron"), but not what the number counts,
  // nor a second number ("3 y 4", "5 o 6").
  if (COUNTS.test(rest) || /^(?:y|o|or|and|a|al)\s+\d/u.test(rest) || /^\d/u.test(rest)) return null;
  return value;
}
