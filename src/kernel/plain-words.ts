import { foldAccents } from './fold.js';

/**
 * A message as plain words for the text rules: lower case, accents and apostrophes dropped, any
 * other punctuation a space, spaces collapsed ("¿Cuándo me lo traen?" → "cuando me lo traen").
 *
 * @example
 * plainWords("¿Me lo llevan pa' Caleta?"); // 'me lo llevan pa caleta'
 */
export function plainWords(text: string): string {
  // The routing guards ask this of the same message several times a turn: the last answer is kept.
  if (text === lastText) return lastWords;
  lastText = text;
  lastWords = foldAccents(text)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return lastWords;
}

let lastText = '';
let lastWords = '';
