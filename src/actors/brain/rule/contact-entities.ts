import type { Entity } from '../../../domain/nlu.js';
import { phoneFromText } from '../../../domain/phone.js';
import { foldWithMap, toOriginalSpan } from './text.js';
import { allMatches } from '../../../kernel/all-matches.js';
import { isDeliverableLength } from '../../../machines/lead-draft.js';

/**
 * Extractors for contact data: email, phone, account id here; person names (`person-names.ts`)
 * and companies (`company-names.ts`) in their own files, re-exported below so readers import
 * every contact extractor from one place. Every extractor reads the folded text (lower-case,
 * accent-free, same positions via the map) and reports spans of the original text.
 */

// A phone keyboard often leaves a space next to the @ ("juan.perez@ gmail.com"): one is tolerated.
const EMAIL = /[a-z0-9._%+-]+ ?@ ?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/**
 * An address said or typed loosely, as customers dictate it: "juan arroba gmail punto com",
 * "tom at bakerbuild dot com", "ana @ gmail . com", "ana.pena@gmail,com", "juan punto perez arroba
 * hotmail punto com". The domain must end in a known top-level domain, so that an English "at …
 * dot" in a sentence or a list with commas is never read as an address.
 */
const SPOKEN_SEP = String.raw`\s+(?:punto|dot|guion bajo|guión bajo|underscore|guion|guión|dash)\s+`;
const SPOKEN_AT = String.raw`(?:\s*@\s*|\s+(?:arroba|at)\s+)`;
const SPOKEN_DOT = String.raw`(?:\s*[.,]\s*|\s+(?:punto|dot)\s+)`;
const TLDS = 'com|net|org|edu|gov|info|biz|io|co|do|es|us|mx|pr|ca|me|uk|de|fr|it|ve|co\\.uk';
const SPOKEN_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[a-z0-9][a-z0-9._%+-]*(?:${SPOKEN_SEP}[a-z0-9][a-z0-9._%+-]*)*${SPOKEN_AT}[a-z0-9-]+(?:${SPOKEN_DOT}[a-z0-9-]+)*${SPOKEN_DOT}(?:${TLDS})(?![\p{L}\p{N}])`,
  'giu',
);

const ENGLISH_WORD_BEFORE_AT = /^(?:look|looking|me|us|it|this|that|you|him|her|them|be|am|is|are|was|were|here|there|call|text|email|mail|reach|write|contact|meet|see|stay|live|work|arrive|only|just|not|even|still|best|least|most|all)$/i;

/** The address a loosely written one stands for ("juan arroba gmail punto com" → juan@gmail.com). */
function spokenEmailValue(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s+(?:guion bajo|guión bajo|underscore)\s+/g, '_')
    .replace(/\s+(?:guion|guión|dash)\s+/g, '-')
    .replace(/\s+(?:arroba|at)\s+/g, '@')
    .replace(/\s+(?:punto|dot)\s+/g, '.')
    .replace(/\s*([@.,])\s*/g, '$1')
    .replace(/,/g, '.');
}

// Every address, typed or said, has an "@", an "arroba" or an "at" between spaces: most messages have none.
const MAY_HOLD_EMAIL = /@|\s(?:arroba|at)\s/i;


/** An address past RFC 5321's lengths (`isDeliverableLength`) is no address, typed or said. */
export function extractEmails(text: string): Entity[] {
  if (!MAY_HOLD_EMAIL.test(text)) return [];
  const out: Entity[] = [];
  for (const m of allMatches(text, EMAIL)) {
    const start = m.index ?? 0;
    const value = m[0].replace(/ /g, '').toLowerCase();
    if (isDeliverableLength(value)) out.push({ type: 'email', value, start, end: start + m[0].length });
  }
  for (const m of allMatches(text, SPOKEN_EMAIL)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((e) => e.start < end && start < e.end)) continue;
    // English "at" is also a preposition: "look at this dot com" names no address.
    const at = /^(\S+)\s+at\s+/i.exec(m[0]);
    if (at && ENGLISH_WORD_BEFORE_AT.test(at[1]!)) continue;
    const value = spokenEmailValue(m[0]);
    if (isDeliverableLength(value)) out.push({ type: 'email', value, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

// A run of digits with the usual separators, optionally led by + / 00.
const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g;

export function extractPhones(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of allMatches(text, PHONE_CANDIDATE)) {
    let raw = m[0];
    let start = m.index ?? 0;
    // Trim a leading "(" or space left over so the span is exact.
    const lead = raw.length - raw.trimStart().length;
    raw = raw.trim();
    start += lead;
    // The one phone normaliser's reading for free text (src/domain/phone.ts).
    const e164 = phoneFromText(raw);
    if (!e164) continue;
    // "1-809-..." prefixes: include the country code digit when it precedes the match.
    out.push({ type: 'phone', value: e164, start, end: start + raw.length });
  }
  return out;
}

const ACCOUNT_KEYWORD = /(?:\bcuenta|\baccount|\bacct|\bn(?:u|ú)mero|\bnumber|\bcliente|\bcustomer|#|\bno\.|\bnro\.?|\bnum\.?)(?:\s+(?:de|del|es|is|my|mi|the|cliente|customer|number|numero|n|#|:))*\s*[:#]?\s*$/;
/** The holder's own identifiers named right before a number: "mi cédula es", "RNC:", "los últimos 4 del teléfono son". */
const HOLDER_ID_BEFORE = /\b(?:cedula|rnc|telefono|tel|celular|cel|movil|phone|cell|id|documento|identidad|digitos|last (?:4|four)(?: digits)?)(?:\s+(?:de|del|es|is|my|mi|the|son|are|registrado|on file|number|numero|titular|holder))*\s*[:#]?\s*$/;
const DIGIT_GROUP = /\d(?:\d|[\s-](?=\d))*/g;

/** A selling unit right after a number: that number is how many. */
const UNIT_AFTER = /^\s*(?:sacos?|fundas?|galon(?:es)?|gallons?|varillas?|unidades|units|libras?|lbs?|pounds?|pies|feet|metros|meters|rollos?|rolls?|cubetas?|buckets?|bags?)\b/;

/** Digits only; null unless 4–12 digits. */
export function sanitizeAccountId(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 4 && digits.length <= 12 ? digits : null;
}

/**
 * Account ids: a digit group right after "cuenta", "account", "número", "#", "no." ...
 * With `bare`, a message that is only a number ("12-345-67") is an account id too.
 */
export function extractAccountIds(text: string, options: { bare?: boolean; exclude?: Entity[] } = {}): Entity[] {
  const f = foldWithMap(text);
  const out: Entity[] = [];
  for (const found of allMatches(f.folded, DIGIT_GROUP)) {
    // "#12 100 pies", "cuenta 12345 10 sacos": the number before a selling unit is a quantity, not part of the id.
    const counted = UNIT_AFTER.test(f.folded.slice((found.index ?? 0) + found[0].length));
    const cut = counted ? found[0].replace(/[\s-]+\d+$/, '') : found[0];
    if (counted && cut === found[0]) continue;
    const m = [cut] as const;
    const s = found.index ?? 0;
    const e = s + m[0].length;
    const span = toOriginalSpan(f, s, e);
    if (options.exclude?.some((x) => x.start < span.end && span.start < x.end)) continue;
    const before = f.folded.slice(Math.max(0, s - 40), s);
    const isFraction = /\/$/.test(before) || f.folded[e] === '/';
    if (isFraction) continue;
    // Either right after the keyword, or anywhere in a message about an account ("mi cuenta está atrasada? es la 12-345-67").
    const keyword =
      ACCOUNT_KEYWORD.test(before) ||
      (/\b(?:cuenta|account)\b/.test(f.folded) && !/^\s*(?:sacos?|galon|galones|varillas?|unidades|bags?|pies|metros|pesos|rd|dolares|usd)\b/.test(f.folded.slice(e)));
    // A letter prefix ("C-1001", "CL 2040") is still the customer's answer: the account tool says what a number looks like.
    const bare = options.bare === true && /^\s*(?:(?:es|is|it's|its|la|el|mi|my|cuenta|account|#|no\.?|numero|number)\s*)*(?:[a-z]{1,3}\s*[-#.]?\s*)?$/.test(before) && /^[\s.!]*$/.test(f.folded.slice(e));
    // "revísame la 3056781 porfa", "check mine, 44120 please": a long bare number to look up is an account.
    const lookUp =
      m[0].replace(/\D/g, '').length >= 5 &&
      /\b(?:revis\w*|cheque\w*|chequ\w*|consult\w*|verific\w*|busca\w*|check|look up|look at)\b/.test(f.folded) &&
      /(?:^|\b(?:la|el|mi|my|the|mine)\s*[,:]?\s*)$/.test(before) &&
      /^\s*(?:$|[.!?,]|(?:porfa|por favor|please|pls|plis|gracias|thanks)\b)/.test(f.folded.slice(e));
    if (!keyword && !bare && !lookUp) continue;
    // "mi cédula es 402-1234567-8 y mi cuenta 10023": the number after the cédula (or the phone) is the holder's, not the account.
    if (HOLDER_ID_BEFORE.test(before) && !ACCOUNT_KEYWORD.test(before)) continue;
    // Answering "¿tu número de cuenta?" with too few digits ("es la 123") is still an answer, checked (and refused) by the account tool.
    const value = sanitizeAccountId(m[0]) ?? (bare && /^\d{1,3}$/.test(m[0].replace(/\D/g, '')) ? m[0].replace(/\D/g, '') : null);
    if (value) out.push({ type: 'account_id', value, ...span });
  }
  return out;
}

export { extractCompanies } from './company-names.js';
export { capitalizeName } from './name-words.js';
export { extractPersonNames, readName, stripTitles } from './person-names.js';
