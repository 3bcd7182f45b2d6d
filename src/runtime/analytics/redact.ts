import type { NluResult } from '../../domain/nlu.js';
import { foldAccents } from '../../kernel/fold.js';

/**
 * Personal data out of customer text before it leaves the analytics API (unmet groups, FAQ
 * candidates, the training export). Three layers, each enough for what it knows:
 * 1. values the conversation is known to hold — the lead draft's name, email, phone and company,
 *    the contact's profile — wherever they appear (a bare "Zoraida Canario" answering "¿tu nombre?");
 * 2. the tenant brain's entities (person names, emails, phones, account ids, companies) by span;
 * 3. patterns: e-mails, phone numbers, cédulas/RNC, any run of 4+ digits, and dashed groups of 4+
 *    digits in all ("10-587").
 */
export interface KnownValues {
  names: string[];
  emails: string[];
  phones: string[];
  companies: string[];
}

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
const CEDULA = /\b\d{3}-?\d{7}-?\d\b/g;
const PHONE = /(?:\+?\d[\s().-]*){7,}\d/g;
const DIGITS = /\d{4,}/g;
/** Digits in dashed groups ("10-587", an account number as customers write it): 4+ digits in all is a number to hide. */
const DASHED = /(?<![\d-])\d+(?:-\d+)+(?![\d-])/g;
const ENTITY_TAGS: Readonly<Record<string, string>> = { person_name: '[name]', name: '[name]', email: '[email]', phone: '[phone]', account_id: '[number]', company: '[company]' };

const fold = foldAccents;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every occurrence of `value` (accent- and case-insensitive) in `text` with `tag`. */
function replaceFolded(text: string, value: string, tag: string): string {
  const v = fold(value.trim());
  if (v.length < 3) return text;
  const folded = fold(text);
  // NFD folding keeps one folded char per original char only for precomposed input; map by re-folding per char.
  if (folded.length !== text.length) return text.replace(new RegExp(escape(value.trim()), 'gi'), tag);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'gu');
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(re)) {
    out += text.slice(last, m.index) + tag;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/**
 * Redacts `text`. `parse` is the tenant brain's NLU (entities with offsets); `known` the values of
 * the conversation's customer.
 *
 * @example
 * redactText('soy Ana Pérez, ana@x.com', { parse, known }); // 'soy [name], [email]'
 */
export function redactText(text: string, options: { parse?: (text: string) => NluResult; known?: KnownValues } = {}): string {
  let out = text;
  if (options.parse) {
    const entities = [...options.parse(text).entities].filter((e) => ENTITY_TAGS[e.type] !== undefined).sort((a, b) => b.start - a.start);
    let lastStart = Number.POSITIVE_INFINITY;
    for (const e of entities) {
      if (e.end > lastStart || e.start < 0 || e.end > out.length) continue;
      out = out.slice(0, e.start) + ENTITY_TAGS[e.type]! + out.slice(e.end);
      lastStart = e.start;
    }
  }
  const known = options.known;
  if (known) {
    for (const email of known.emails) out = replaceFolded(out, email, '[email]');
    for (const company of known.companies) out = replaceFolded(out, company, '[company]');
    for (const name of known.names) {
      out = replaceFolded(out, name, '[name]');
      // Each part of a name on its own ("Zoraida" alone), when it is not a short word.
      for (const part of name.split(/\s+/)) if (part.length >= 4) out = replaceFolded(out, part, '[name]');
    }
  }
  out = out.replace(EMAIL, '[email]').replace(CEDULA, '[id]').replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? '[phone]' : m)).replace(DASHED, (m) => (m.replace(/\D/g, '').length >= 4 ? '[number]' : m)).replace(DIGITS, '[number]');
  return out;
}

const STOP = new Set(
  'a al algo alguna algun como con de del el en es esta este esto hay la las le lo los me mi mis no o para pero por que se si su sus te tengo tiene tienen tu un una uno y ya yo the a an and are do does for have i is it me my of on or please the to what you your can'.split(' '),
);

/** The words that carry a message's meaning, accent-free, in order: the key unmet messages and FAQ questions are grouped by. */
export function normalisedTerms(text: string): string {
  return fold(text)
    .replace(/\[(name|email|phone|number|id|company)\]/g, ' ')
    .split(/[^a-z0-9ñ]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .join(' ');
}
