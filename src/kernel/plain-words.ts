import { foldAccents } from './fold.js';
import { rememberRecent } from './recent-texts.js';

/**
 * A message as plain words for the text rules: lower case, accents and apostrophes dropped, any
 * other punctuation a space, spaces collapsed ("¿Cuándo me lo traen?" → "cuando me lo traen").
 *
 * @example
 * plainWords("¿Me lo llevan pa' Caleta?"); // 'me lo llevan pa caleta'
 */
export function plainWords(text: string): string {
  return plainRecent(text);
}

// The routing guards and the tools ask this of the same message several times a turn, in between
// other texts (a message's core, a reply's lines): the last few answers are kept, not only the last.
const plainRecent = rememberRecent((text: string): string =>
  foldAccents(text)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
);
