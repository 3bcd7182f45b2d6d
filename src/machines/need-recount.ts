/**
 * A count in the written need corrected at the summary: "no son 3 baños, son 5", "make it 6
 * bathrooms not 4", "change 4 bathrooms to 6". A clerk crosses out the number and writes the new
 * one; the bot used to answer "no te entendí" and show the same summary again. Pure, on folded words.
 */
import { foldAccents } from '../kernel/fold.js';

/** Words that say the count is a correction ("no", "not", "sino", "instead", "make it", "cambia", "actually"…). */
const CORRECTS = /\b(?:no|not|sino|instead|make it|hazlo|ponle|pon|que sean|que son|eran|were|are|son|change|cambia\w*|corrig\w*|actually|en realidad|perdon|sorry|mejor)\b/;
/** A number with the word after it ("6 bathrooms", "3 baños"). */
const COUNTED = /\b(\d{1,4})(?:\s+([a-z]{3,}))?/g;

/** Words after a number that are not what it counts ("3 sino 5", "4 to 6", "5 not 3"). */
const NOT_A_NOUN = /^(?:sino|not|instead|por|para|son|are|and|mas|more|than|que|then|entonces|nomas|only|solo)$/;

const plain = (text: string): string => foldAccents(text).toLowerCase().replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' ').trim();
/** "baños"/"bano", "bathrooms"/"bathroom": one stem for a word and its plural. */
const stem = (word: string): string => word.replace(/(?:es|s)$/, '');

/**
 * The need with the corrected count put in, or null when the message does not correct a count of
 * the need (no number in it that the need has before the same word, or nothing new).
 *
 * @example
 * needRecounted('inodoros para 3 baños', 'no son 3 baños, son 5') // 'inodoros para 5 baños'
 * needRecounted('tile for 4 bathrooms', 'actually make it 6 bathrooms not 4') // 'tile for 6 bathrooms'
 */
export function needRecounted(need: string, text: string): string | null {
  const said = plain(text);
  if (!CORRECTS.test(said) || said.split(' ').length > 14) return null;
  const counts = [...said.matchAll(COUNTED)].map((m) => ({ n: m[1]!, word: m[2] !== undefined && !NOT_A_NOUN.test(m[2]) ? m[2] : undefined }));
  if (counts.length === 0 || counts.length > 2) return null;
  // The need's counts, each with the word after it.
  const written = [...plain(need).matchAll(COUNTED)].filter((m) => m[2] !== undefined).map((m) => ({ n: m[1]!, word: m[2]! }));
  const words = new Set(counts.flatMap((c) => (c.word ? [stem(c.word)] : [])));
  // The count the need has (before a word the message names, or any when the message names none).
  const old = written.find((w) => counts.some((c) => c.n === w.n) && (words.size === 0 || words.has(stem(w.word))));
  let next: string | undefined;
  let noun: string | undefined;
  if (old) {
    next = counts.find((c) => c.n !== old.n)?.n;
    noun = old.word;
  } else if (counts.length === 1) {
    // "que sean 5 baños", "change the blocks to 3500": the one count the need has before the word named is replaced.
    const named = counts[0]!.word ? new Set([stem(counts[0]!.word)]) : new Set(said.split(' ').filter((w) => !/^\d/.test(w)).map(stem));
    const same = written.filter((w) => named.has(stem(w.word)));
    if (same.length === 0 || same.some((w) => w.n !== same[0]!.n)) return null;
    next = counts[0]!.n;
    noun = same[0]!.word;
    if (next === same[0]!.n) return null;
    return replaceCount(need, same[0]!.n, noun, next);
  }
  if (!old || next === undefined || noun === undefined) return null;
  return replaceCount(need, old.n, noun, next);
}

/** Every "<old> <noun>" of the need (accents kept as written) becomes "<next> <noun>". */
function replaceCount(need: string, old: string, noun: string, next: string): string | null {
  const out = need.replace(new RegExp(`\\b${old}(\\s+)(?=\\S+)`, 'g'), (match, space: string, offset: number) => {
    const after = need.slice(offset + match.length).split(/\s+/)[0] ?? '';
    return plain(after).startsWith(noun) ? `${next}${space}` : match;
  });
  return out === need ? null : out;
}
