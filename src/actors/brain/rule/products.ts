import type { Entity } from '../../../domain/nlu.js';
import type { Product } from '../../../domain/tenant.js';
import { GENERIC_PRODUCT_WORDS } from './lexicon.js';
import { foldWithMap, toOriginalSpan } from './text.js';

/**
 * Product phrases ("tubo pvc de media", "sement gris", "3/8 rebar") and quantities
 * ("2 sacos", "una docena"), matched against the tenant catalog's vocabulary.
 */

export interface ProductMention {
  /** Canonical query: corrected words, fractions as "1/2". */
  query: string;
  quantity?: number;
  start: number;
  end: number;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, veinte: 20, veinticinco: 25, treinta: 30, cuarenta: 40,
  cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200,
  doscientas: 200, trescientos: 300, trescientas: 300, quinientos: 500, quinientas: 500, mil: 1000,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, par: 2, pair: 2, couple: 2,
};
/** Selling units: they carry a quantity but are not the product itself. */
const UNITS = new Set([
  'saco', 'galon', 'cubeta', 'unidad', 'libra', 'lb', 'kg', 'kilo', 'metro', 'caja', 'quintal', 'bolsa', 'rollo',
  'hoja', 'plancha', 'pieza', 'lata', 'paquete', 'juego', 'bag', 'gallon', 'bucket', 'unit', 'pound', 'box',
  'roll', 'piece', 'pack', 'can', 'yarda', 'm', 'm2', 'm3', 'lamina', 'tramo', 'sheet',
]);
const DOZEN = new Set(['docena', 'dozen']);
const FRACTION_WORDS: [RegExp, string][] = [
  [/^(?:media|medio|half)$/, '1/2'],
  [/^(?:tres cuartos|three quarters?)$/, '3/4'],
  [/^(?:un cuarto|cuarto|quarter)$/, '1/4'],
  [/^(?:tres octavos)$/, '3/8'],
  [/^(?:cinco octavos)$/, '5/8'],
];
const MEASURE = /^(?:\d+\/\d+|\d+(?:[.,]\d+)?|pulgadas?|pulg|inch(?:es)?|in|pies?|feet|ft|mm|cm|kg|lbs?|galon(?:es)?|x|calibre|gauge|grado)$/;
const STOP = new Set(['y', 'and', 'o', 'or', 'con', 'with', 'que', 'por', 'el', 'la', 'los', 'las', 'un', 'una', 'the', 'a', 'an', 'para', 'for', 'en', 'in', 'es', 'is', 'me', 'mi', 'my', 'tienen', 'hay', 'precio', 'price', 'cuanto', 'cuesta', 'vale', 'esta', 'tiene']);
/** Catalog words that are too generic to be product heads or modifiers. */
const IGNORED = new Set(['de', 'del', 'para', 'con', 'sin', 'tipo', 'y', 'the', 'of', 'for', 'and', 'la', 'el', 'los', 'las', 'en', 'x', 'a']);

/** Rough Spanish/English sound-alike key, so "sement" meets "cemento" and "baril" meets "varilla". */
export function phoneticKey(word: string): string {
  return word
    .replace(/c([ei])/g, 's$1')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/qu/g, 'k')
    .replace(/c/g, 'k')
    .replace(/h/g, '')
    .replace(/(.)\1+/g, '$1');
}

function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Singular candidates first, so "clavos" resolves to the head "clavo". */
function singular(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('s') && word.length > 3) out.push(word.slice(0, -1));
  if (word.endsWith('es') && word.length > 4) out.push(word.slice(0, -2));
  out.push(word);
  return out;
}

interface Vocabulary {
  heads: Set<string>;
  words: Set<string>;
  byKey: Map<string, string>;
}

function buildVocabulary(catalog: readonly Product[]): Vocabulary {
  const heads = new Set<string>(GENERIC_PRODUCT_WORDS);
  const words = new Set<string>();
  const aliasWords: string[] = [];
  const tokens = (s: string): string[] => foldWithMap(s).folded.split(/[^a-z0-9]+/).filter((t) => t.length >= 2 && !IGNORED.has(t) && !/^\d/.test(t));
  for (const p of catalog) {
    const nameTokens = tokens(p.name);
    if (nameTokens[0]) heads.add(nameTokens[0]);
    for (const t of [...nameTokens, ...tokens(p.category)]) words.add(t);
    for (const alias of p.aliases ?? []) {
      const at = tokens(alias);
      if (at[0]) heads.add(at[0]);
      aliasWords.push(...at);
    }
  }
  // Insertion order decides sound-alike ties: catalog names (Spanish) before generic words before aliases.
  for (const t of GENERIC_PRODUCT_WORDS) words.add(t);
  for (const t of aliasWords) words.add(t);
  for (const u of UNITS) heads.delete(u);
  heads.delete('saco');
  const byKey = new Map<string, string>();
  for (const w of words) if (!byKey.has(phoneticKey(w))) byKey.set(phoneticKey(w), w);
  return { heads, words, byKey };
}

export interface ProductMatcher {
  /** Product phrases with their quantities, plus `product` and `quantity` entities. */
  extract(text: string): { mentions: ProductMention[]; entities: Entity[] };
  /** True when a folded token is product vocabulary (for the classifier's product concept). */
  readonly lexicon: ReadonlySet<string>;
}

interface Tok {
  t: string;
  s: number;
  e: number;
}

export function createProductMatcher(catalog: readonly Product[]): ProductMatcher {
  const vocab = buildVocabulary(catalog);
  const cache = new Map<string, string | null>();

  /** The vocabulary word a token stands for, tolerating plurals and typos. */
  const resolve = (tok: string): string | null => {
    const hit = cache.get(tok);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (const cand of singular(tok)) {
      if (vocab.words.has(cand)) {
        found = cand;
        break;
      }
    }
    if (!found && tok.length >= 4 && !/\d/.test(tok)) {
      for (const cand of singular(tok)) {
        const byKey = vocab.byKey.get(phoneticKey(cand));
        if (byKey) {
          found = byKey;
          break;
        }
      }
      if (!found && tok.length >= 5) {
        let best = 2;
        const key = phoneticKey(tok.replace(/s$/, ''));
        for (const w of vocab.words) {
          if (w.length < 5) continue;
          const wKey = phoneticKey(w);
          // Typos rarely hit the first sound; requiring it keeps "quiero" away from "hierro".
          if (wKey[0] !== key[0]) continue;
          const d = distance(key, wKey, 1);
          if (d < best) {
            best = d;
            found = w;
          }
        }
      }
    }
    if (found && STOP.has(tok)) found = null;
    if (cache.size < 10_000) cache.set(tok, found);
    return found;
  };

  const numberOf = (tok: string): number | null => {
    if (/^\d+$/.test(tok)) return Number(tok);
    return NUMBER_WORDS[tok] ?? null;
  };

  return {
    lexicon: vocab.words,
    extract(text) {
      const f = foldWithMap(text);
      const toks: Tok[] = [];
      for (const m of f.folded.matchAll(/\d+\/\d+|\d+(?:[.,]\d+)?|[a-z0-9]+/g)) {
        const s = m.index ?? 0;
        toks.push({ t: m[0], s, e: s + m[0].length });
      }
      const mentions: ProductMention[] = [];
      const entities: Entity[] = [];
      const used = new Set<number>();
      const fractionAt = (i: number): { value: string; len: number } | null => {
        const a = toks[i]?.t;
        if (!a) return null;
        if (/^\d+\/\d+$/.test(a)) return { value: a, len: 1 };
        const two = toks[i + 1] ? `${a} ${toks[i + 1]!.t}` : '';
        for (const [re, v] of FRACTION_WORDS) if (two && re.test(two)) return { value: v, len: 2 };
        for (const [re, v] of FRACTION_WORDS) if (re.test(a) && a !== 'cuarto') return { value: v, len: 1 };
        return null;
      };

      for (let i = 0; i < toks.length; i++) {
        if (used.has(i)) continue;
        const tok = toks[i] as Tok;
        const word = resolve(tok.t);
        if (!word || !vocab.heads.has(word) || UNITS.has(word)) continue;
        // Extend left over English-style modifiers ("white paint", "3/8 rebar").
        let first = i;
        const left: string[] = [];
        while (first > 0 && !used.has(first - 1)) {
          const p = toks[first - 1] as Tok;
          if (/^\d+\/\d+$/.test(p.t)) left.unshift(p.t);
          else {
            const w = resolve(p.t);
            if (!w || UNITS.has(w) || vocab.heads.has(w) || STOP.has(p.t)) break;
            left.unshift(w);
          }
          first--;
        }
        const parts = [...left, word];
        let last = i;
        for (let j = i + 1; j < toks.length && parts.length < 7; ) {
          const t = toks[j] as Tok;
          const gap = f.folded.slice((toks[j - 1] as Tok).e, t.s);
          if (/[,;:!?()]/.test(gap)) break;
          const frac = fractionAt(j);
          if (frac) {
            parts.push(frac.value);
            last = j + frac.len - 1;
            j += frac.len;
            continue;
          }
          if ((t.t === 'de' || t.t === 'of' || t.t === 'para') && toks[j + 1]) {
            const next = toks[j + 1] as Tok;
            const nextWord = resolve(next.t);
            if (fractionAt(j + 1) || MEASURE.test(next.t) || (nextWord && !vocab.heads.has(nextWord) && !UNITS.has(nextWord))) {
              j++;
              continue;
            }
            break;
          }
          if (MEASURE.test(t.t) && !/^\d+$/.test(t.t)) {
            parts.push(t.t);
            last = j;
            j++;
            continue;
          }
          if (/^\d+$/.test(t.t) && toks[j + 1] && /^(?:pulgadas?|pulg|inch(?:es)?|pies?|feet|ft|mm|cm|kg|lbs?)$/.test(toks[j + 1]!.t)) {
            parts.push(t.t, toks[j + 1]!.t);
            last = j + 1;
            j += 2;
            continue;
          }
          const w = STOP.has(t.t) ? null : resolve(t.t);
          if (!w || UNITS.has(w) || numberOf(t.t) !== null) break;
          if (vocab.heads.has(w) && GENERIC_PRODUCT_WORDS.has(w) && !/^(?:pvc|block)$/.test(w)) break; // a new product
          parts.push(w);
          last = j;
          j++;
        }
        for (let k = first; k <= last; k++) used.add(k);
        const span = toOriginalSpan(f, toks[first]!.s, toks[last]!.e);
        const mention: ProductMention = { query: parts.join(' '), ...span };

        // Quantity to the left: "10 sacos de", "una docena de", "2", "five gallons of".
        let q = first - 1;
        if (q >= 0 && /^(?:de|of)$/.test(toks[q]!.t)) q--;
        let unitSeen = false;
        let multiplier = 1;
        if (q >= 0 && (UNITS.has(resolveUnit(toks[q]!.t)) || DOZEN.has(toks[q]!.t.replace(/s$/, '')))) {
          if (DOZEN.has(toks[q]!.t.replace(/s$/, ''))) multiplier = 12;
          unitSeen = true;
          q--;
        }
        const n = q >= 0 ? numberOf(toks[q]!.t) : null;
        const half = q >= 0 && toks[q]!.t === 'media' && multiplier === 12;
        if ((n !== null || half || (multiplier === 12 && q >= -1)) && !(q >= 0 && /\/$/.test(f.folded.slice(0, toks[q]!.s)))) {
          const startTok = n !== null || half ? q : q + 1;
          const qty = half ? 6 : (n ?? 1) * multiplier;
          // "un cemento" is too weak a quantity; a unit or a digit makes it real.
          if (unitSeen || (n !== null && /^\d+$/.test(toks[q]!.t)) || (n !== null && n > 1)) {
            mention.quantity = qty;
            const qEnd = unitSeen ? toks[first - 1 - (toks[first - 1]?.t === 'de' || toks[first - 1]?.t === 'of' ? 1 : 0)]!.e : toks[startTok]!.e;
            const qSpan = toOriginalSpan(f, toks[startTok]!.s, qEnd);
            entities.push({ type: 'quantity', value: String(qty), ...qSpan });
            for (let k = startTok; k < first; k++) used.add(k);
          }
        }
        mentions.push(mention);
        entities.push({ type: 'product', value: mention.query, start: mention.start, end: mention.end });
      }

      // Quantities without a product phrase: "dame 2 sacos", "five gallons".
      for (let i = 0; i < toks.length - 1; i++) {
        if (used.has(i) || used.has(i + 1)) continue;
        const n = numberOf(toks[i]!.t);
        const unit = resolveUnit(toks[i + 1]!.t);
        if (n === null || (!UNITS.has(unit) && !DOZEN.has(unit))) continue;
        if (!/^\d+$/.test(toks[i]!.t) && n === 1 && !DOZEN.has(unit)) continue;
        const qty = DOZEN.has(unit) ? n * 12 : n;
        entities.push({ type: 'quantity', value: String(qty), ...toOriginalSpan(f, toks[i]!.s, toks[i + 1]!.e) });
        used.add(i);
        used.add(i + 1);
      }
      entities.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
      return { mentions, entities };
    },
  };
}

function resolveUnit(tok: string): string {
  if (UNITS.has(tok) || DOZEN.has(tok)) return tok;
  for (const s of singular(tok)) if (UNITS.has(s) || DOZEN.has(s)) return s;
  if (tok === 'galones') return 'galon';
  return tok;
}
