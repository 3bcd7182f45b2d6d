/**
 * The number patterns `parseProductText` (`attributes.ts`) reads sizes and counts with, built once
 * here: built inside the function, each `new RegExp` (and each `matchAll`, which copies its
 * pattern) cost V8 a compilation-cache look-up, about 1 % of a turn on a never-seen message
 * together (issue 16, session 32). The size patterns are global and used only through
 * `String.prototype.replace`, which starts each search at 0 and collects every match before
 * calling back, so sharing them changes no reading.
 */
import { allMatches } from '../../kernel/all-matches.js';

/** A number as sizes are written: "1-1/2", "3/8", "6", "42.5", "2,5". */
const NUMBER = String.raw`(\d+-\d+\/\d+|\d+\/\d+|\d+(?:[.,]\d+)?)`;

/** A diameter by a length, both in inches: "1/4 x 4", "3/8in x 4in". */
export const BY_SIZE = new RegExp(String.raw`(?<![\w/.-])${NUMBER}(in)?\s*x\s*${NUMBER}(in)?(?![\w/])`, 'g');
/** A number in inches or feet: "4in", "20ft". */
export const IN_OR_FT = new RegExp(String.raw`(?<![\w/.-])${NUMBER}(in|ft)\b`, 'g');
/** A number with the word after it: "42.5 kg", "20a", "6 piezas". */
export const WITH_WORD = new RegExp(String.raw`(?<![\w/.-])${NUMBER}\s*([a-z]+)\b`, 'g');
/** A bare number or fraction: "de 3/8", "de 6". */
export const BARE_NUMBER = new RegExp(String.raw`(?<![\w/.-])${NUMBER}(?![\w/])`, 'g');

/** A word, or a number with what is stuck to it ("3/8", "4in"): the tokens a count is read from. */
const QUANTITY_TOKEN = /[a-z]+|\d+(?:[.,/-]\d+)*[a-z]*/g;

/** The tokens of `t` a count at the start of a phrase is read from (`readQuantity`), in order. */
export const quantityTokens = (t: string): RegExpExecArray[] => allMatches(t, QUANTITY_TOKEN);
