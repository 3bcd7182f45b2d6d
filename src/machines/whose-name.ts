import { plainWords } from '../kernel/plain-words.js';

/**
 * Asking whose name the order goes under, in answer to "¿Te lo aparto?": "sí, ¿a nombre de
 * quién?", "perfecto, ¿a nombre de quién lo pongo?", "¿a qué nombre lo dejo?", "under what name?",
 * "whose name should I give?". A clerk takes it as the yes it is and asks the customer's name.
 */
const WHOSE_NAME =
  /\b(?:a\s+nombre\s+de\s+quien|(?:a|con|bajo|por)\s+(?:que|cual)\s+nombre|(?:que|cual)\s+nombre\s+(?:le\s+|te\s+|les\s+)?(?:pongo|doy|dejo|pone|ponen|uso)|(?:under|in|with)\s+(?:what|whose|which)\s+name|whose\s+name|what\s+name\s+(?:should|do|shall|can)\s+i)\b/;

/** No more than this many words: a longer message says more than the yes and the question. */
const MAX_WORDS = 10;

export function asksWhoseName(text: string): boolean {
  const t = plainWords(text);
  return t.split(' ').length <= MAX_WORDS && WHOSE_NAME.test(t);
}
