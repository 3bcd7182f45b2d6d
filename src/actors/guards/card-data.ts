import type { InboundMessage } from '../../domain/inbound-message.js';
import type { ReplyTemplates } from '../../domain/tenant.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { asciiDigits, DIGIT, digitCount } from '../reading-form.js';

/**
 * Card numbers never enter Hilo. Every customer message, on every channel, passes through
 * {@link guardCardData} before the conversation host does anything with it (transcript, journal,
 * outbox, logs, analytics, the LLM): a payment card number becomes `**** **** **** 1234`, and an
 * expiry date or security code next to it is masked too. The turn then tells the customer, in
 * their language, never to send card data in a chat ({@link cardDataNotice}).
 *
 * What counts as a card number: 13 to 19 digits, written together or in groups separated by single
 * spaces, dashes or dots, that pass the Luhn check and start like a card of a scheme (Visa,
 * Mastercard, American Express, Discover, Diners, JCB, UnionPay, Maestro); or, next to a card word
 * ("tarjeta", "card", "visa", "cvv"...), any Luhn-valid run of that length. Phone numbers (10–11
 * digits), cédulas (11), RNCs (9), account numbers (5–8) are too short to be one; a long order or
 * tracking number is masked only when it also passes both checks, which random numbers rarely do
 * (1 in 10 pass Luhn, and the scheme prefixes cut that further).
 *
 * @example
 * maskCardData('mi visa es 4111 1111 1111 1111 vence 08/27 cvv 123').text
 * // → 'mi visa es **** **** **** 1111 vence **' + '/** cvv ***' (the expiry as two starred halves)
 */
export interface CardMaskResult {
  text: string;
  /** Card numbers masked (0: the text is returned unchanged). */
  cards: number;
}

/** The mask a card number becomes; {@link cardDataNotice} recognises it. */
export const CARD_MASK_PREFIX = '**** **** **** ';
const MASKED_CARD = /\*{4} \*{4} \*{4} \d{4}/;

/**
 * Digit groups joined by up to three spaces, dashes or dots (a card as people type it or paste it:
 * a no-break or double space, " - ", an en dash or a non-breaking hyphen, a zero-width joiner),
 * or by slashes, backslashes or underscores ("4111/1111/…", "4111_1111_…"), in the digits of any
 * script a keyboard offers ({@link DIGIT}). Before, only one ASCII space, dash or dot: "4111\u00a01111…",
 * "4111–1111…" and "4111  1111…" were stored unmasked; before harden17, "4111/1111/1111/1111",
 * "4111_1111_…" and Arabic-Indic or mathematical digits were too.
 */
const SEPARATOR = String.raw`[\s.\-\u2010-\u2015\u2212\ufe63\uff0d\u200c\u200d\u180e/\\_\uff0f]`;
const DIGIT_RUN = new RegExp(`(?<![\\p{L}\\p{N}])${DIGIT}+(?:${SEPARATOR}{1,3}${DIGIT}+)*(?![\\p{L}\\p{N}])`, 'gu');
const DIGIT_GROUP = new RegExp(`${DIGIT}+`, 'gu');
/**
 * A slash-like separator ("/", "\\", "_") and another kind join groups of one card only when all its
 * groups have four digits or more: "4111 1111 1111 1111 08/27" stays a card followed by its expiry
 * (the expiry's slash never joins it to the card, so its own mask still finds it).
 */
const SLASH_LIKE = /[/\\_]/;
const CARD_WORDS = /\b(?:tarjeta|tarj|card|cr[eé]dito|d[eé]bito|credit|debit|visa|master\s?card|mastercard|amex|american express|discover|cvv2?|cvc|ccv)\b/i;
/** An expiry next to a card: 08/27, 8/2027, 08-27. */
const EXPIRY = /(?<![\d/])(?:0?[1-9]|1[0-2])\s?[/-]\s?(?:\d{2}|20\d{2})(?![\d/])/g;
/** A security code said as such: "cvv 123", "código de seguridad: 1234", "security code 123". */
const LABELLED_CVV = /\b(cvv2?|cvc|ccv|c[oó]digo de seguridad|c[oó]d\.? de seguridad|security code|pin)(\s*(?:es|is|:|#|=)?\s*)(\d{3,4})\b/gi;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Starts like a card of a payment scheme, with a length that scheme issues. */
export function looksLikeCardScheme(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // Discover
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return n >= 14 && n <= 19; // Diners
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 63 || p2 === 67 || p2 === 68 || p2 === 69) return n >= 13 && n <= 19; // Maestro
  return false;
}

interface Span {
  start: number;
  end: number;
  last4: string;
}

/** Card numbers inside one run of digit groups: the longest qualifying group sequence from each group on. */
function cardsInRun(run: string, offset: number, cardContext: boolean): Span[] {
  const groups: { start: number; end: number; digits: string; slashBefore: boolean }[] = [];
  let at = 0;
  for (const m of run.matchAll(DIGIT_GROUP)) {
    groups.push({ start: m.index, end: m.index + m[0].length, digits: asciiDigits(m[0]), slashBefore: SLASH_LIKE.test(run.slice(at, m.index)) });
    at = m.index + m[0].length;
  }
  const found: Span[] = [];
  let i = 0;
  while (i < groups.length) {
    let hit: Span | null = null;
    let next = i + 1;
    let digits = '';
    let mixed = false;
    let short = false;
    for (let j = i; j < groups.length; j++) {
      // Separators of both kinds (slash-like and not) join one card only while every group is a
      // card's group of four or more digits ("4111 1111/1111 1111", harden18): the "08" of an
      // expiry after the card ("… 1111 08/27") stops it, so the expiry's own mask still finds it.
      if (j > i + 1 && groups[j]!.slashBefore !== groups[i + 1]!.slashBefore) mixed = true;
      if (groups[j]!.digits.length < 4) short = true;
      if (mixed && short) break;
      digits += groups[j]!.digits;
      if (digits.length > 19) break;
      if (digits.length >= 13 && luhnValid(digits) && (cardContext || looksLikeCardScheme(digits))) {
        hit = { start: offset + groups[i]!.start, end: offset + groups[j]!.end, last4: digits.slice(-4) };
        next = j + 1;
      }
    }
    if (hit) found.push(hit);
    i = next;
  }
  return found;
}

/** Masks every card number in `text`, and the expiry and security codes of a message that holds one. */
export function maskCardData(text: string): CardMaskResult {
  // Fast path: a card needs 13 digits; most messages have far fewer.
  if (digitCount(text, 13) < 13) return { text, cards: 0 };
  const cardContext = CARD_WORDS.test(text);
  const spans: Span[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) spans.push(...cardsInRun(m[0], m.index, cardContext));
  if (spans.length === 0) return { text, cards: 0 };
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.start)}${CARD_MASK_PREFIX}${s.last4}`;
    at = s.end;
  }
  out += text.slice(at);
  out = out.replace(LABELLED_CVV, (_m, label: string, sep: string, code: string) => `${label}${sep}${'*'.repeat(code.length)}`);
  out = out.replace(EXPIRY, '**/**');
  // A bare 3–4 digit code right after the masked card or expiry ("4111… 08/27 123", "…1111, 123").
  out = out.replace(/((?:\*{4} \*{4} \*{4} \d{4}|\*\*\/\*\*)[\s,;]+)(\d{3,4})(?!\d)/g, (_m, before: string, code: string) => `${before}${'*'.repeat(code.length)}`);
  return { text: out, cards: spans.length };
}

/** The message with its card data masked; the same object when there is none. */
export function guardCardData<M extends Pick<InboundMessage, 'text'>>(message: M): M {
  const masked = maskCardData(message.text);
  return masked.cards === 0 ? message : { ...message, text: masked.text };
}

const NOTICE: Readonly<Record<'es' | 'en', string>> = {
  es: '🔒 Por tu seguridad oculté el número de tarjeta que enviaste. Nunca envíes datos de tarjeta (número, fecha de vencimiento o CVV) por chat: nadie del equipo te los va a pedir por aquí.',
  en: "🔒 For your safety I hid the card number you sent. Never send card details (number, expiry date or CVV) in a chat: no one from the team will ask you for them here.",
};

/**
 * The reply that follows a customer line holding a masked card number: the tenant's
 * `guard.card_data` template when it has one, else Hilo's own words. `null` for any other line.
 */
export function cardDataNotice(inboundText: string, templates: ReplyTemplates, lang: 'es' | 'en'): ReplyDirective | null {
  if (!MASKED_CARD.test(inboundText)) return null;
  return templates[lang]?.['guard.card_data'] !== undefined ? { template: 'guard.card_data' } : { text: NOTICE[lang] };
}
