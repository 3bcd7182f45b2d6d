/**
 * The fact check on an LLM rewrite of template replies: the templates carry the facts (prices,
 * stock, ticket and lead numbers, emails, links) from tools and stores; the rewrite may change the
 * wording only. Every fact of the source must appear in the rewrite, and the rewrite must not bring
 * a fact of its own.
 */
export type FactKind = 'url' | 'email' | 'id' | 'price' | 'number';

export interface Fact {
  kind: FactKind;
  /** Normalised for comparison (lower case; amounts without separators or trailing `.00`). */
  value: string;
}

export interface FactCheckResult {
  ok: boolean;
  /** Facts of the source the rewrite lost or changed. */
  missing: Fact[];
  /** Facts in the rewrite that the source does not have. */
  introduced: Fact[];
  /** The source ends with a question and the rewrite does not. */
  questionLost: boolean;
}

const URL_RE = /\bhttps?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?*_]/gi;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Ticket and lead ids: an upper-case prefix, a dash, and digits (`TK-1042`, `LEAD-2026-0007`). */
const ID_RE = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d[A-Z0-9]*\b|#\d+\b/g;
const PRICE_RE = /(?:RD\$|US\$|\$)\s?\d[\d,]*(?:\.\d+)?/gi;
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;

/** The facts of a text, in order of appearance per kind. */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  let rest = text;
  const take = (re: RegExp, kind: FactKind, norm: (s: string) => string): void => {
    rest = rest.replace(re, (m) => {
      facts.push({ kind, value: norm(m) });
      return ' ';
    });
  };
  take(URL_RE, 'url', (s) => s.toLowerCase());
  take(EMAIL_RE, 'email', (s) => s.toLowerCase());
  take(ID_RE, 'id', (s) => s.toUpperCase());
  take(PRICE_RE, 'price', (s) => `${s.toUpperCase().startsWith('US') ? 'US$' : 'RD$'}${amount(s.replace(/^[^\d]+/, ''))}`);
  take(NUMBER_RE, 'number', amount);
  return facts;
}

/**
 * Compares the facts of `source` (the template text) and `rewrite` (the model's text).
 *
 * @example
 * checkFacts('El cemento cuesta *RD$655.00*. ¿Cuántos sacos?', 'Sí, el cemento está a RD$655 el saco. ¿Cuántos quieres?').ok // true
 */
export function checkFacts(source: string, rewrite: string): FactCheckResult {
  const want = extractFacts(source);
  const got = extractFacts(rewrite);
  const key = (f: Fact) => `${f.kind}:${f.value}`;
  const gotKeys = new Set(got.map(key));
  const wantKeys = new Set(want.map(key));
  const missing = dedupe(want.filter((f) => !gotKeys.has(key(f))));
  const introduced = dedupe(got.filter((f) => !wantKeys.has(key(f))));
  const questionLost = endsWithQuestion(source) && !endsWithQuestion(rewrite);
  return { ok: missing.length === 0 && introduced.length === 0 && !questionLost, missing, introduced, questionLost };
}

/** The text's last sentence is a question (emoji and markup after the `?` allowed). */
export function endsWithQuestion(text: string): boolean {
  return /\?[\s*_~)\p{Extended_Pictographic}\uFE0F]*$/u.test(text.trim());
}

/** `1,250.00` → `1250`; `1.250,5` stays comparable with itself; `007` stays `007` (ids keep zeros). */
function amount(raw: string): string {
  let s = raw.trim();
  // Thousands separators: a comma (or dot) followed by exactly three digits.
  s = s.replace(/[,.](?=\d{3}(?:\D|$))/g, '');
  s = s.replace(',', '.');
  if (/\.\d+$/.test(s)) s = s.replace(/\.?0+$/, '');
  return s;
}

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = `${f.kind}:${f.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
