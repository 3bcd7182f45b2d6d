/**
 * After an agent resolves a handoff the bot asks for a 1–5 rating. What counts as an answer:
 * a digit from 1 to 5 alone ("5", "4/5", "5 estrellas", "3 stars", "5!"), or one to five stars
 * (⭐ or ★) and nothing else. Anything else is a new message and the question lapses.
 */
const DIGIT = /^([1-5])\s*(?:\/\s*5|de\s+5|out\s+of\s+5|estrellas?|stars?|puntos?)?\s*[.!]*$/iu;
const STARS = /^(?:[⭐★]\uFE0F?\s*){1,5}$/u;

/** The rating a customer's message gives, or null when it is not a rating. */
export function ratingFrom(text: string): number | null {
  const t = text.trim();
  const digit = DIGIT.exec(t);
  if (digit) return Number(digit[1]);
  if (STARS.test(t)) return [...t].filter((c) => c === '⭐' || c === '★').length;
  return null;
}
