/**
 * The form of a customer's text the machine and the brain read; the transcript keeps it as
 * written. The channel boundary (`channels/normalize-text.ts`) already dropped what must never be
 * stored (controls, bidi overrides, zero-width spaces, soft hyphens) and applied NFC; what it must
 * keep, because other scripts and emoji need it or because it is what the customer wrote, still
 * hides a word or a size from a reader that compares ASCII:
 *
 * - ZERO WIDTH (NON-)JOINER, MONGOLIAN VOWEL SEPARATOR inside a Latin word or a number
 *   ("ce\u200cmento", "13\u200c37"): gone (they stay in emoji sequences and in the scripts that need them);
 * - the hyphens and dashes a phone keyboard or a copy-paste puts in an account, phone or cédula
 *   number ("10\u2011587", "809\u2013555\u20131234"): the ASCII hyphen the readers know (a dash
 *   between words stays);
 * - fullwidth ASCII ("ｃｅｍｅｎｔｏ", an East Asian keyboard) and the ideographic space: ASCII;
 * - the decimal digits of every other script and style (Arabic-Indic "١٠٥٨٧", Extended
 *   Arabic-Indic "۱۰", Devanagari "१०", mathematical bold or monospace "𝟏𝟎", a phone keyboard
 *   or a copy-paste): ASCII digits, so a count or an account number reads as one;
 * - vulgar fractions ("1½", "⅜", keyboards that offer them) and FRACTION/DIVISION SLASH ("3⁄8"):
 *   the "1 1/2", "3/8" the catalog's sizes are written in.
 *
 * Idempotent; plain ASCII is returned as it is.
 *
 * @example
 * readingForm('tubo de 1½ y ce\u200cmento') // 'tubo de 1 1/2 y cemento'
 */
export function readingForm(text: string): string {
  if (ASCII.test(text)) return text;
  return asciiDigits(text)
    .replace(JOINER_IN_WORD, '')
    .replace(HYPHEN, '-')
    .replace(DASH_IN_NUMBER, '-')
    .replace(FULLWIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))
    .replace(FRACTION, (whole: string, digit: string | undefined, fraction: string) => `${digit !== undefined ? `${digit} ` : ''}${VULGAR[fraction] ?? fraction}`)
    .replace(SLASH, '/');
}

const ASCII = /^[\x00-\x7f]*$/;
const JOINER_IN_WORD = /(?<=[\p{Script=Latin}0-9]\p{M}*)[\u200c\u200d\u180e]+(?=[\p{Script=Latin}0-9])/gu;
/** HYPHEN, NON-BREAKING HYPHEN: a hyphen wherever they are. */
const HYPHEN = /[\u2010\u2011]/g;
/** FIGURE DASH, EN DASH, MINUS SIGN, SMALL HYPHEN-MINUS between two digits (a space either side allowed). */
const DASH_IN_NUMBER = /(?<=\d ?)[\u2012\u2013\u2212\ufe63](?= ?\d)/g;
const FULLWIDTH = /[\uff01-\uff5e\u3000]/g;
const VULGAR: Record<string, string> = {
  '¼': '1/4', '½': '1/2', '¾': '3/4', '⅐': '1/7', '⅑': '1/9', '⅒': '1/10', '⅓': '1/3', '⅔': '2/3',
  '⅕': '1/5', '⅖': '2/5', '⅗': '3/5', '⅘': '4/5', '⅙': '1/6', '⅚': '5/6', '⅛': '1/8', '⅜': '3/8', '⅝': '5/8', '⅞': '7/8',
};
/** A vulgar fraction, with the whole number written right before it ("1½" is one and a half). */
const FRACTION = /(\d)?([¼½¾⅐-⅞])/g;
const SLASH = /[\u2044\u2215]/g;

/**
 * A decimal digit of any script (`\p{Nd}`: ASCII, fullwidth, Arabic-Indic, Devanagari, the
 * mathematical digits...), as a regular-expression class for a `u` pattern.
 */
export const DIGIT = String.raw`\p{Nd}`;
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit's code point. Unicode gives every script's digits as runs of ten
 * code points from 0 to 9, some back to back (the mathematical digits U+1D7CE–U+1D7FF are five):
 * the value is the distance from the start of the digits' region, modulo 10.
 */
function digitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * Digits of any script as ASCII digits ("４１１１" and "٤١١١" → "4111"); other characters as they are.
 *
 * @example
 * asciiDigits('١٠٥٨٧') // '10587'
 */
export function asciiDigits(text: string): string {
  return ASCII.test(text) ? text : text.replace(OTHER_DIGIT, (d) => String(digitValue(d.codePointAt(0)!)));
}

/** How many decimal digits (of any script) `text` holds, counting no further than `atLeast`. */
export function digitCount(text: string, atLeast: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < atLeast; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
    else if (c > 0x7f && IS_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!))) count++;
  }
  return count;
}

/**
 * The most characters of one message the machine and the brain read: the REST and widget limit
 * (`MAX_MESSAGE_CHARS`). A provider webhook accepts texts of up to 16,384 characters (WhatsApp's
 * own limit is 4,096), and the readers' cost grows with the text: harden17's sweep measured
 * seconds for one 8,000-character message of short words, during which the process answers no one.
 * The transcript keeps the whole text; a clerk reads the start of a very long message the same way.
 */
export const MAX_READ_CHARS = 2000;

/**
 * The most pieces (runs of letters or digits: words, numbers, the "1" of "1.1.1") of one message
 * the machine and the brain read. Several readers look at every piece against every other (a
 * greeting phrase cut at each word, a line break's text before it), so 1,000 one-letter words
 * ("a a a …", "1.1.1…") cost 100–170 ms while a question costs under 10 (harden18's sweep).
 * The longest customer line of the dev conversations has 61 words; a clerk reading 200 pieces of
 * a pasted list has read its first forty items.
 */
export const MAX_READ_PIECES = 200;

/**
 * The part of a message that is read: its runs of blank characters collapsed (one line break for
 * a run that holds one, else one space: 2,000 tabs before a word are the word), then all of it up
 * to {@link MAX_READ_CHARS} and {@link MAX_READ_PIECES}, else its start, cut at the last space
 * when one is near the limit and never inside a surrogate pair. Idempotent.
 *
 * @example
 * readPart('cemento '.repeat(1000)).length <= MAX_READ_CHARS // true
 * readPart('\t\t\t cemento  gris') // ' cemento gris'
 */
export function readPart(text: string): string {
  const collapsed = BLANK_RUN.test(text) ? text.replace(BLANK_RUNS, (run) => (run.includes('\n') ? '\n' : ' ')) : text;
  return withinPieces(withinChars(collapsed));
}

/** Two or more blank characters in a row (a lone tab or line break is kept as it is). */
const BLANK_RUN = /\s\s/;
const BLANK_RUNS = /\s{2,}/g;
const PIECE = /[\p{L}\p{N}]+/gu;

function withinChars(text: string): string {
  if (text.length <= MAX_READ_CHARS) return text;
  let cut = MAX_READ_CHARS;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const space = text.lastIndexOf(' ', cut);
  return text.slice(0, space >= MAX_READ_CHARS - 100 ? space : cut);
}

/** The text up to the end of its MAX_READ_PIECES-th piece (what follows it is not read). */
function withinPieces(text: string): string {
  // A text this short cannot hold more pieces than the cap (each piece but the last needs a separator).
  if (text.length < MAX_READ_PIECES * 2) return text;
  PIECE.lastIndex = 0;
  for (let n = 0; n < MAX_READ_PIECES; n++) if (PIECE.exec(text) === null) return text;
  const end = PIECE.lastIndex;
  PIECE.lastIndex = 0;
  return end < text.length ? text.slice(0, end) : text;
}
