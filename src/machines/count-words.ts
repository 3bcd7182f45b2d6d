/**
 * How customers say a count in a follow-up besides a number: corrected ("perdón, 2 no 20", "no 20,
 * 2", "sorry, 2 not 20"), in words ("una docena", "media docena", "un par", "dos pares", "half a
 * dozen"), one more of the same ("otra igual", "una más", "another one"), and in WhatsApp spellings
 * ("dame 20 d esa", "5 xfa", "tmb 3 d arena"). Pure text rules over a folded message (lower case, no
 * accents or punctuation), read by `product-focus.ts` before it looks for the count.
 */
import { foldAccents } from '../kernel/fold.js';
import { rememberRecent } from '../kernel/recent-texts.js';

/** The chat spellings a follow-up is written in, read as the words they stand for (the brain has its own, fuller list). */
const CHAT_SPELLING: Readonly<Record<string, string>> = { d: 'de', dl: 'del', q: 'que', k: 'que', xfa: 'por favor', xfavor: 'por favor', porfa: 'por favor', tmb: 'tambien', tb: 'tambien', tbn: 'tambien', m: 'me' };
const CHAT_WORD = /\b(?:d|dl|q|k|xfa|xfavor|porfa|tmb|tb|tbn|m)\b/g;

/** "x" for "por" before a count ("y cuanto x dos?", "cuanto x 10"); never between two numbers ("2 x 4" is a size). */
const TIMES_X = /(?<!\d\s?)\bx\s+(?=(?:\d+|un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|ciento)\b)/g;

/** A folded message with its chat spellings spelt out. */
export function chatSpelt(folded: string): string {
  return folded.replace(CHAT_WORD, (w) => CHAT_SPELLING[w] ?? w).replace(TIMES_X, 'por ');
}

/** `TIMES_X` in any case, built once (not per call: issue 16). */
const TIMES_X_ANY_CASE = new RegExp(TIMES_X.source, 'gi');

/** A message with "x" for "por" before a count spelt out (`TIMES_X`), case as typed: for readers of the raw words (the catalog's parse). */
export function timesSpelt(text: string): string {
  return text.replace(TIMES_X_ANY_CASE, 'por ');
}

/**
 * "dame" mistyped at the start of an order ("dam 3 d la blanco hueso", "dme 10 de esas", "ok dam
 * 5"): spelt out for every reader of the message — the brain and the follow-up readers all know
 * "dame". Only before a count or a pointing word, so "dam" said of a dam stays a word.
 */
const GIVE_ME_TYPO = /^(\s*(?:(?:ok|okay|bueno|entonces|pues|y|e|si|sí|dale)[\s,]+)*)(?:dam|dme|dami|damme|dqme|dsme)(?=\s+(?:\d|(?:un[oa]?s?|el|la|los|las|lo|de|d|del|dl|es[aeo]s?|otr[oa]s?|media|medio|dos|tres|cuatro|cinco|seis|diez)(?:\s|$)))/i;

/** The message with a mistyped "dame" at the start of an order spelt out (`GIVE_ME_TYPO`); the message itself otherwise. */
export function giveMeSpelt(text: string): string {
  return text.length > 200 ? text : text.replace(GIVE_ME_TYPO, '$1dame');
}

/** A count corrected: the one meant first ("2 no 20", "2, not 20")... */
const COUNT_NOT_COUNT = /\b(\d+)\s+(?:no|not)\s+\d+\b/;
/** ...or after the one corrected ("no 20, 2", "no 20 sino 2", "not 20 but 2"). */
const NOT_COUNT_BUT = /\b(?:no|not)\s+(?:(?:son|eran|es|era|were|was)\s+)?\d+\s+(?:(?:sino|son|eran|era|es|serian|but|it s|its|it was|they are|they re|theyre|were|are)\s+)?(\d+)\b/;
/** One more of the same: "otra igual", "otro más", "una más", "uno igualito", "otro del mismo", "one more", "another one". */
const ONE_MORE_SAME = /\b(?:(?:un|una|uno|otr[oa])\s+(?:(?:del?|de\s+(?:ese|esa|este|esta))\s+)?mism[oa]|(?:un|una|uno|otr[oa])\s+(?:mas|igual(?:it[oa])?)|(?:one|another)\s+more|another\s+one|one\s+extra)\b/;
/** Dozens said in words: "una docena", "2 docenas", "media docena", "a dozen", "half a dozen". */
const DOZENS = /\b(?:(?:(un|una|a|one|\d+|dos|tres|cuatro|cinco|two|three|four|five)\s+)?(?:docenas?|dozens?)|(media\s+docena|half\s+a\s+dozen))\b/;
/** Pairs: "un par", "dos pares", "a pair", "a couple" (two pieces each); "a couple of pairs", "un par de pares" (two pairs: four pieces). */
const PAIRS = /\b(?:(un|a|one|\d+|dos|tres|cuatro|cinco|two|three|four|five)\s+)(?:pares|par|pairs?|couple)(\s+(?:(?:of|de)\s+)?(?:pairs|pares))?\b/;
const SMALL_NUMBERS: Readonly<Record<string, number>> = { un: 1, una: 1, a: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5 };
const countWord = (n: string | undefined): number => (n === undefined ? 1 : /^\d+$/.test(n) ? Number(n) : (SMALL_NUMBERS[n] ?? 1));

/**
 * A folded follow-up with its count said as digits: the count meant kept and the one corrected
 * gone ("2 no 20" → "2"), one more as "1 mas", dozens as pieces ("media docena" → "6 piezas"), pairs
 * as pieces with the pair said ("un par" → "2 pares": goods sold by the pair count one).
 *
 * @example
 * countsInWords('perdon 2 no 20'); // 'perdon 2'
 * countsInWords('dame media docena'); // 'dame 6 piezas'
 */
export function countsInWords(folded: string): string {
  // Each replace only when the text holds a word all its matches contain (issue 16, session 36): "no"
  // for a correction, "mism"/"mas"/"igual"/"more"/"one" for one more, "docena"/"dozen", "par"/"pair"/"couple".
  let t = folded;
  if (t.includes('no')) t = t.replace(COUNT_NOT_COUNT, '$1').replace(NOT_COUNT_BUT, '$1');
  if (t.includes('mism') || t.includes('mas') || t.includes('igual') || t.includes('more') || t.includes('one')) t = t.replace(ONE_MORE_SAME, '1 mas');
  if (t.includes('docena') || t.includes('dozen')) {
    t = t.replace(DOZENS, (_, n: string | undefined, half: string | undefined) => `${half !== undefined ? 6 : 12 * countWord(n)} piezas`);
  }
  if (t.includes('par') || t.includes('pair') || t.includes('couple')) {
    t = t.replace(PAIRS, (_, n: string | undefined, ofPairs: string | undefined) => `${2 * countWord(n) * (ofPairs ? 2 : 1)} pares`);
  }
  return t;
}

/**
 * The count a correction says was wrong ("perdón, 3 no 5" → 5, "no 20, 2" → 20); undefined when the
 * message corrects no count. With several lines counted, the line that had it is the one meant.
 */
export function correctedCount(text: string): number | undefined {
  const t = chatSpelt(foldAccents(text).replace(/[^a-z0-9\s]+/g, ' ').replace(/\s+/g, ' '));
  const first = /\b\d+\s+(?:no|not)\s+(\d+)\b/.exec(t);
  const after = first ? null : NOT_COUNT_BUT.exec(t);
  const was = first?.[1] ?? (after ? /\d+/.exec(after[0])?.[0] : undefined);
  return was === undefined ? undefined : Number(was);
}

/** A message as the follow-up readers see it: lower case, accents and punctuation gone, WhatsApp spellings spelt out ("dame 20 d esa", "q sean 10"). */
export function foldMessage(text: string): string {
  return foldRecent(text);
}

/** The last few texts folded: the routing guards fold the same message a dozen times a turn, in between its core and other texts. */
const foldRecent = rememberRecent((text: string): string =>
  chatSpelt(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[¿?¡!.,;:]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ),
);
