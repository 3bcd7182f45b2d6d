/**
 * The groups of `GET …/analytics/unmet`: messages the bot could not serve. A message answered "we
 * don't sell / don't have X" is grouped by the good it asked for — X as the store's own reply named
 * it — so "¿tienen neveras?", "tienen neveras pequeñas?" and "klk tienen nevera pequeña pa un
 * aparta?" are one row for the owner's stock decision (owner34). Every other message is grouped by
 * the words that carry its meaning (`normalisedTerms`).
 */
import { fold, stem } from '../../actors/catalog/text.js';
import { normalisedTerms } from './redact.js';

/** One message the bot could not serve, its redacted text and the redacted reply that answered it. */
export interface UnmetMessage {
  reason: string;
  text: string;
  /** The bot's reply right after the message, redacted; null when there was none. */
  reply: string | null;
  lang: string | null;
}

export interface UnmetGroup {
  terms: string;
  count: number;
  reasons: Record<string, number>;
  examples: string[];
}

/** Words before a good that do not name it ("unas neveras", "the fridges"). */
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'the', 'a', 'an', 'some', 'any']);
/** English size and state words before the good ("small fridges", "a used stove"): the good is the rest. */
const EN_QUALIFIERS = new Set(['small', 'big', 'large', 'little', 'mini', 'new', 'used', 'cheap', 'good', 'portable', 'electric']);

/**
 * The good a "not carried" reply names — its first bold phrase ("No vendemos *neveras pequeñas*",
 * "We don't have *sandpaper or putty knife* right now") — as a grouping key and the words said.
 * Spanish names the good first ("nevera pequeña pa aparta", "estufa de gas"); English last, after
 * its size words ("small fridges"), with compounds kept ("washing machines").
 */
export function goodAsked(reply: string, lang: string | null): { key: string; said: string } | null {
  const bold = /\*([^*\n]+)\*/.exec(reply)?.[1];
  if (bold === undefined) return null;
  // "espátula ni lija", "sandpaper or putty knife": the first good named.
  const said = bold.split(/\s*,\s*|\s+(?:ni|or|y|and)\s+/i)[0]?.trim() ?? '';
  const words = fold(said)
    .split(/[^a-z0-9ñ]+/)
    .filter((w) => w !== '' && !ARTICLES.has(w));
  if (words.length === 0) return null;
  const head = lang === 'en' ? words.filter((w) => !EN_QUALIFIERS.has(w)) : words.slice(0, 1);
  // The catalog's own stem, and no final "e": "machine" and "machines", "llave" and "llaves" are one good.
  const key = (head.length > 0 ? head : words.slice(-1)).map((w) => stem(w).replace(/e$/, '')).join(' ');
  return { key, said: said.toLowerCase() };
}

/**
 * Groups unmet messages, biggest first; a group of goods not carried is named by the shortest way
 * a reply said the good ("neveras" rather than "neveras pequeñas"). At most three examples each.
 *
 * @example
 * groupUnmet([{ reason: 'not_found', text: 'tienen neveras?', reply: 'No vendemos *neveras*…', lang: 'es' }]);
 * // [{ terms: 'neveras', count: 1, reasons: { not_found: 1 }, examples: ['tienen neveras?'] }]
 */
export function groupUnmet(messages: readonly UnmetMessage[], minCount = 1): UnmetGroup[] {
  const groups = new Map<string, UnmetGroup>();
  for (const m of messages) {
    const good = m.reason === 'not_found' && m.reply !== null ? goodAsked(m.reply, m.lang) : null;
    const terms = good ? good.said : normalisedTerms(m.text) || '(no words)';
    // Goods and message words apart: a good's row holds only what the store does not carry.
    const key = good ? `good:${good.key}` : `terms:${terms}`;
    const g = groups.get(key) ?? { terms, count: 0, reasons: {}, examples: [] };
    if (good && good.said.length < g.terms.length) g.terms = good.said;
    g.count++;
    g.reasons[m.reason] = (g.reasons[m.reason] ?? 0) + 1;
    if (g.examples.length < 3 && !g.examples.includes(m.text)) g.examples.push(m.text);
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.count >= minCount).sort((a, b) => b.count - a.count || a.terms.localeCompare(b.terms));
}
