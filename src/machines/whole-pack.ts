/**
 * "the whole roll", "el rollo completo", "un saco entero", "actually, what's the price of the roll":
 * the pack itself, asked by its name. "whole", "completo", "entero" say no product (read as words
 * they meet "Inodoro Completo"), nor does an "actually" opening the message. They are blanked out
 * with as many spaces, so the spans of what is read stay where they were in the message.
 */
const PACKS_EN = String.raw`(?:rolls?|buckets?|bags?|sacks?|box(?:es)?|sheets?|packs?|cases?|spools?|reels?)`;
const PACKS_ES = String.raw`(?:rollos?|cubetas?|sacos?|fundas?|cajas?|paquetes?|l[aá]minas?|planchas?|carretes?)`;
const WHOLE_BEFORE = new RegExp(String.raw`\b(?:whole|entire|full|complete)(?=\s+${PACKS_EN}\b)`, 'gi');
const WHOLE_AFTER = new RegExp(String.raw`(?<=\b${PACKS_ES}\s+)(?:complet[oa]s?|enter[oa]s?|cerrad[oa]s?)\b`, 'gi');
const ACTUALLY = /^\s*(?:actually|en realidad|mejor dicho)\b/i;

const blank = (word: string): string => ' '.repeat(word.length);

/** The message with the words that only say "all of the pack" blanked out. */
export function withoutWholePackWords(text: string): string {
  return MAY_SAY_WHOLE.test(text) ? blankedWholePackWords(text) : text;
}

/** The cheap check in front of the three replacements (issue 16): every match of one holds one of these stems. */
const MAY_SAY_WHOLE = /whole|entire|full|complet|enter|cerrad|actually|realidad|dicho/i;

/** The three replacements, behind `MAY_SAY_WHOLE` (exported for the pre-check test). */
export function blankedWholePackWords(text: string): string {
  return text.replace(ACTUALLY, blank).replace(WHOLE_BEFORE, blank).replace(WHOLE_AFTER, blank);
}
