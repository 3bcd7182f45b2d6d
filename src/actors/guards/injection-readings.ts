/**
 * The readings of a customer message the injection detector's rules run on: the text as written and
 * de-obfuscated (homoglyphs, format characters, emoji or punctuation between letters, spaced letters,
 * leetspeak, ROT13, misspelled attack words), and base64/hex blobs decoded.
 */
import { spellAttackWords } from './injection-spelling.js';

// ---------------------------------------------------------------------------------------------
// Readings of the text.

/** Cyrillic and Greek letters that look like Latin ones, as attackers use them. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ѡ: 'w', ӏ: 'l', ɡ: 'g', ո: 'n', ս: 'u',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w',
  ı: 'i', ŀ: 'l', ł: 'l', ø: 'o', đ: 'd', ß: 'ss',
  // Small capitals (NFKC leaves them as they are).
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

/**
 * Lower case, no accents, no zero-width or other format characters, NFKC (full-width and
 * mathematical letters become ASCII), Cyrillic and Greek look-alikes mapped to Latin letters.
 */
/** Squared, negative circled and negative squared Latin capitals, and regional indicators (🅸🅶🅽, 🇮🇬🇳): letters. */
const ENCLOSED = /[\u{1F130}-\u{1F149}\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}\u{1F1E6}-\u{1F1FF}]/gu;
const ENCLOSED_BASES = [0x1f130, 0x1f150, 0x1f170, 0x1f1e6];

export function normaliseForDetection(text: string): string {
  return text
    .replace(ENCLOSED, (c) => {
      const code = c.codePointAt(0) as number;
      const base = ENCLOSED_BASES.filter((b) => code >= b).pop() as number;
      return `${String.fromCharCode(97 + code - base)}\u200B`;
    })
    .normalize('NFKC')
    .replace(/[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180E\u3164\uFE00-\uFE0F]/gu, '')
    .toLowerCase()
    .replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };
const LEET_CHARS = /[0134578@$!|€9]/;
const LEET_ALL = /[0134578@$!|€9]/g;
/** Pictographs, dingbats and other symbols an attacker puts between letters. */
const SYMBOLS = /[\p{Extended_Pictographic}\p{So}\u20E3]/gu;
const HAS_SYMBOL = /[\p{Extended_Pictographic}\p{So}\u20E3]/u;

/**
 * Readings an attacker may hide behind: emoji or punctuation between letters, s p a c e d
 * letters, leetspeak, ROT13. The first reading is the plain normalised text.
 */
export function readings(normalised: string): string[] {
  const out = [normalised];
  let d = normalised;
  // Emoji between letters join them ("i🔥g🔥n"); elsewhere they are a space.
  if (HAS_SYMBOL.test(d)) d = d.replace(/(\p{L})[\p{Extended_Pictographic}\p{So}\u20E3]+(?=\p{L})/gu, '$1').replace(SYMBOLS, ' ');
  // One separator between single letters: i.g.n.o.r.e, i-g-n-o-r-e, i_g_n, i*g*n.
  d = d.replace(/\b(?:\p{L}[.\-_*·•|/+~]){1,}\p{L}\b(?![.\-_*·•|/+~]\p{L})/gu, (m) => m.replace(/[.\-_*·•|/+~]/g, ''));
  // S p a c e d letters: words are separated by two or more spaces, or every token is one letter.
  if (/(?:\b\p{L}\b {1,3}){4,}/u.test(d)) {
    const chunks = /\S {2,}\S/.test(d) ? d.split(/ {2,}/) : [d];
    d = chunks.map((chunk) => chunk.replace(/(?<=\b\p{L}) (?=\p{L}\b)/gu, '')).join(' ');
  }
  // Leetspeak only in words that mix letters with digits or symbols: "3 sacos" stays "3 sacos".
  const mixed = d.match(/\S*\p{L}\S*/gu)?.filter((w) => LEET_CHARS.test(w)).length ?? 0;
  if (mixed > 0) {
    d = d.replace(/\S*\p{L}\S*/gu, (w) => (LEET_CHARS.test(w) ? w.replace(LEET_ALL, (c) => LEET[c] ?? c) : w));
    // Several leet words: the all-digit ones are leet too ("537 7h3 pr1c3 70 z3r0").
    if (mixed >= 2) d = d.replace(/(?<!\S)[0134578@$!|€9]{2,4}(?!\S)/g, (w) => w.replace(LEET_ALL, (c) => LEET[c] ?? c));
  }
  // Syllables split by hyphens in several words: "ig-nore yo-ur ins-truc-tions" (one "e-mail" is not).
  if ((d.match(/\p{L}-\p{L}/gu)?.length ?? 0) >= 3) d = d.replace(/(?<=\p{L})-(?=\p{L})/gu, '');
  // Pig Latin ("ignoreyay ouryay ulesray"): most words end in "ay".
  const words = d.match(/\p{L}+/gu) ?? [];
  if (words.length >= 3 && words.filter((w) => /[a-z]{2,}ay$/.test(w)).length / words.length >= 0.6) {
    d = d.replace(/\b([a-z]+?)([^aeiou\s]*)ay\b/g, (_m, stem: string, moved: string) => (moved === 'y' || moved === 'w' ? stem : moved + stem));
  }
  // Misspelled attack words ("ingora tus intrucciones", "promt") spelled as the rules know them.
  d = spellAttackWords(d);
  if (d !== normalised) out.push(d);
  // Reversed text: the whole message, or the part after a colon ("al revés: orec ne oicerp le nop").
  if (readsBackwards(d)) out.push(reverse(d));
  else if (/[:\n]/.test(d)) {
    const backwards = d.split(/[:\n]/).filter(readsBackwards);
    if (backwards.length > 0) out.push(backwards.map(reverse).join(' '));
  }
  // ROT13: the whole text, or a part after a colon or a line break ("esto está en rot13: cba ry…").
  if (!readsAsLanguage(d) || /\brot-?13\b/.test(d)) out.push(rot13(d));
  else if (/[:\n]/.test(d)) {
    const coded = d.split(/[:\n]/).filter((part) => !readsAsLanguage(part));
    if (coded.length > 0) out.push(rot13(coded.join(' ')));
  }
  return out;
}

function rot13(text: string): string {
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
}

/** Frequent Spanish and English words: a text with none of them may be ROT13 (or another code). */
const COMMON_WORDS = new Set(
  (
    'a al the de del el la los las lo le les en y o e u que por para con sin un una uno unos unas es son esta estan hay me mi mis te tu tus se su sus no si ya mas muy pero como cuando donde ' +
    'quiero necesito tienen tiene precio cuanto cuesta gracias hola buenas buenos dias favor to of and or in on at for with without is are be was were i you your my me it this that what how ' +
    'do does have has can please price want need hi hello thanks an not if so just all any'
  ).split(' '),
);

/** Share of frequent Spanish and English words; null under three words (too short to tell). */
function commonShare(text: string): number | null {
  const words = text.match(/\p{L}+/gu);
  if (words === null || words.length < 3) return null;
  let known = 0;
  for (const w of words) if (COMMON_WORDS.has(w)) known++;
  return known / words.length;
}

function readsAsLanguage(text: string): boolean {
  const share = commonShare(text);
  return share === null || share >= 0.15;
}

/** Reversed, the text reads clearly better ("snoitcurtsni suoiverp ruoy erongi"). */
function readsBackwards(text: string): boolean {
  const forward = commonShare(text);
  if (forward === null) return false;
  const backward = commonShare(reverse(text)) as number;
  return backward >= 0.2 && backward >= forward + 0.15;
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

const BASE64_BLOB = /[A-Za-z0-9+/]{16,}={0,2}/g;
const HEX_BLOB = /\b(?:[0-9a-fA-F]{2}){12,}\b/g;

export function decodedBlobs(original: string): string[] {
  const out: string[] = [];
  for (const m of original.matchAll(HEX_BLOB)) out.push(Buffer.from(m[0], 'hex').toString('utf8'));
  for (const m of original.matchAll(BASE64_BLOB)) {
    if (/^[0-9a-fA-F]+$/.test(m[0])) continue;
    out.push(Buffer.from(m[0], 'base64').toString('utf8'));
  }
  // Readable text only: random tokens (payment links, ids) decode to binary noise, and a tracking
  // code that happens to be base64 of one word ("HelloWorld123456") is not a sentence.
  return out.filter((d) => d.length >= 8 && (d.match(/[\p{L}\p{N}\s.,:;!?'"()$%-]/gu)?.length ?? 0) / d.length >= 0.9 && /\p{L}{2,}[\s,.:;]+\p{L}{2,}/u.test(d));
}
