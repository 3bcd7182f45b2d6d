import type { Product } from '../../domain/tenant.js';

export interface CatalogMatch {
  product: Product;
  /** 0..1: how much of the query the product covers, and how closely. */
  score: number;
}

export interface CatalogIndex {
  /** Best matches first; empty when nothing in the catalog resembles the query. */
  search(query: string, options?: { limit?: number }): CatalogMatch[];
}

/** Words that say nothing about which product is meant (Spanish and English). */
const FILLER = new Set(
  [
    // Spanish
    'a', 'al', 'algo', 'algun', 'alguna', 'alguno', 'buen', 'buena', 'buenas', 'buenos', 'busco', 'buscando', 'como', 'con',
    'cotizacion', 'cotizar', 'cual', 'cuanto', 'cuanta', 'cuesta', 'cuestan', 'da', 'dame', 'de', 'del', 'dia', 'dias', 'dime',
    'disponible', 'disponibles', 'el', 'ella', 'en', 'es', 'esa', 'ese', 'eso', 'esta', 'este', 'esto', 'favor', 'hay', 'hola',
    'la', 'las', 'le', 'les', 'lo', 'los', 'mas', 'me', 'mi', 'necesito', 'necesitaria', 'o', 'para', 'pero', 'por', 'porfa',
    'precio', 'precios', 'puede', 'puedo', 'que', 'queria', 'quiero', 'quisiera', 'sale', 'salen', 'saber', 'se', 'si', 'su',
    'tambien', 'tarde', 'tardes', 'te', 'tendran', 'tiene', 'tienen', 'tienes', 'todavia', 'tu', 'u', 'un', 'una', 'unas', 'uno',
    'unos', 'usted', 'ustedes', 'vale', 'valen', 'venden', 'vende', 'vendes', 'y', 'ya', 'hacer', 'info', 'informacion',
    'cotizame', 'necesitamos', 'queremos', 'pulgada', 'pulgadas', 'pulg', 'existencia', 'stock', 'inventario',
    // English
    'an', 'and', 'any', 'are', 'available', 'buy', 'can', 'cost', 'costs', 'do', 'does', 'for', 'get', 'have', 'has', 'hello',
    'hi', 'how', 'i', 'in', 'inch', 'inches', 'is', 'it', 'looking', 'many', 'me', 'much', 'my', 'need', 'of', 'please', 'price',
    'prices', 'quote', 'sell', 'some', 'the', 'there', 'to', 'want', 'we', 'what', 'which', 'with', 'you', 'your',
  ].map((w) => stem(w)),
);

const NUMBER_WORDS: Record<string, string> = {
  dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', diez: '10', doce: '12',
  two: '2', three: '3', four: '4', five: '5', six: '6', eight: '8', ten: '10', twelve: '12',
};

/** Words that make a preceding integer a size ("12 voltios") rather than a quantity ("4 tubos"). */
const SIZE_UNITS = /^(?:mm|cm|w|watts?|v|voltios|volts?|a|amp|amperes?|amperios|kg|oz|hp|lb|libras?|gal|galones|galon|m|metros?|mts?|polos?)$/;

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Spanish/English plural folding; applied to the catalog and the query alike, so consistency beats accuracy. */
function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ces') && word.length > 4) return `${word.slice(0, -3)}z`;
  if (/[rlndj]es$/.test(word) && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return genderless(word.slice(0, -1));
  return genderless(word);
}

/** Spanish gender folding: "blanca" and "blanco" are the same colour to a customer. */
function genderless(word: string): string {
  return word.length >= 5 && /[ao]$/.test(word) ? word.slice(0, -1) : word;
}

/** A rough Spanish sound key, so "varriya" meets "varilla" and "sement" meets "cement". */
function soundKey(word: string): string {
  return word
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/c([ei])/g, 's$1')
    .replace(/ch/g, '§')
    .replace(/c/g, 'k')
    .replace(/§/g, 'ch')
    .replace(/g([ei])/g, 'j$1')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/(^|[^c])h/g, '$1')
    .replace(/y$/, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Rewrites spoken measures to the catalog's notation: "de media" → 1/2, "tres cuartos" → 3/4. */
function normaliseMeasures(text: string): string {
  let t = ` ${text} `;
  t = t.replace(/#\s*(\d)/g, ' $1');
  t = t.replace(/\b(?:una\s+)?pulgadas?\s+y\s+media\b/g, ' 1-1/2in ');
  t = t.replace(/\buna\s+y\s+media(?:\s+pulgadas?)?\b/g, ' 1-1/2in ');
  t = t.replace(/\b(\d+)\s+y\s+media\b/g, ' $1-1/2 ');
  t = t.replace(/\btres\s+cuartos?\b/g, ' 3/4 ');
  t = t.replace(/\btres\s+octavos?\b/g, ' 3/8 ');
  t = t.replace(/\bcinco\s+octavos?\b/g, ' 5/8 ');
  t = t.replace(/\b(?:un\s+)?cuarto\s+de\s+pulgada\b/g, ' 1/4 ');
  t = t.replace(/\bun\s+cuarto\b/g, ' 1/4 ');
  t = t.replace(/\b(?:half|1\/2)\s+inch\b/g, ' 1/2 ');
  t = t.replace(/\bthree\s+quarters?(?:\s+inch)?\b/g, ' 3/4 ');
  t = t.replace(/\bmedia\s+pulgada\b/g, ' 1/2 ');
  t = t.replace(/\bmedia\b/g, ' 1/2 ');
  // "1 1/2" is one size, not two numbers.
  t = t.replace(/\b(\d+)\s+(\d+\/\d+)/g, ' $1-$2 ');
  // Sizes keep their unit so "tubo de 4 pulgadas" prefers 4" over "4 pies": in = inches, ft = feet.
  t = t.replace(/(\d)\s*(?:"|''|”|″|pulgadas?\b|pulg\b\.?|inch(?:es)?\b)/g, '$1in ');
  t = t.replace(/(\d)\s*(?:'|’|pies\b|pie\b|ft\b|feet\b|foot\b)/g, '$1ft ');
  t = t.replace(/\b(\d+)\s+(?:de\s+)?(?:un|una|1)\s+(?:pulgadas?)\b/g, '$1in ');
  return t;
}

const TOKEN = /\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)+|(?:\d+-\d+\/\d+|\d+\/\d+|\d+(?:[.,]\d+)?)(?:in|ft)?|[a-z]+/g;
/** Letters left over from sizes and abbreviations ("t8", "20v", "6 m"): no meaning of their own. */
const NOISE = /^(?:[a-z]|in|ft)$/;

function rawTokens(text: string): string[] {
  return normaliseMeasures(fold(text)).match(TOKEN) ?? [];
}

/** Catalog side: every token, plus "2x4" for "2x4x10". */
function productTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of rawTokens(text)) {
    if (NOISE.test(raw)) continue;
    const token = stem(raw.replace(',', '.'));
    out.push(token);
    const dims = token.split('x');
    if (dims.length > 2) out.push(`${dims[0]}x${dims[1]}`);
  }
  return out;
}

interface QueryToken {
  token: string;
  numeric: boolean;
}

/** Query side: filler and single letters dropped, number words read as digits, quantities dropped. */
function queryTokens(query: string): QueryToken[] {
  const raws = rawTokens(query).map((t) => NUMBER_WORDS[t] ?? t);
  const out: QueryToken[] = [];
  raws.forEach((raw, i) => {
    if (NOISE.test(raw)) return;
    const next = raws[i + 1];
    // "dame 2 sacos de cemento": a leading bare integer before a word that is not a unit is a quantity.
    if (/^\d+$/.test(raw) && out.length === 0 && next !== undefined && /^[a-z]/.test(next) && !SIZE_UNITS.test(next)) return;
    const token = stem(raw.replace(',', '.'));
    if (FILLER.has(token)) return;
    out.push({ token, numeric: /^\d/.test(token) });
  });
  return out;
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Damerau (optimal string alignment) distance: a swapped pair of letters is one typo.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * How well a query word matches a catalog word: 1 exact, less for sound-alike, typo or prefix.
 * `querySound` is `soundKey(query)`, computed once by the caller rather than once per catalog word.
 */
function similarity(query: string, vocab: string, vocabSound: string, querySound: string): number {
  if (query === vocab) return 1;
  if (/^\d/.test(query) || /^\d/.test(vocab)) {
    // A bare size is most likely inches in a hardware store; feet are a weaker reading.
    if (`${query}in` === vocab) return 1;
    if (`${query}ft` === vocab) return 0.85;
    if (query.endsWith('in') && query.slice(0, -2) === vocab) return 0.85;
    return 0;
  }
  const qSound = querySound;
  if (qSound === vocabSound && query.length >= 3) return 0.92;
  if (query.length >= 4) {
    const budget = query.length >= 7 ? 2 : 1;
    const d = Math.min(editDistance(query, vocab, budget), editDistance(qSound, vocabSound, budget));
    if (d === 1) return 0.82;
    if (d === 2 && budget >= 2) return 0.7;
    if (vocab.startsWith(query)) return 0.7;
  }
  return 0;
}

interface Entry {
  product: Product;
  /** Token → factor: 1 for the name and category, less for alias-only words. */
  tokens: Map<string, number>;
  /** Name tokens outside parentheses ("(6 m)", "(galón)" describe packaging, not the product). */
  coreTokens: Set<string>;
  /** The product's head nouns: the name's first word and single-word aliases. */
  heads: Set<string>;
}

/** Alias-only matches rank a little below name matches ("pvc" in a conduit's aliases vs a PVC pipe's name). */
const ALIAS_FACTOR = 0.95;

const MIN_SCORE = 0.3;
/** Distinct unknown query words remembered per catalog index. */
const FUZZY_CACHE_LIMIT = 10_000;
/** Results far below the best one are noise for a customer ("tubo" matching every pipe fitting). */
const RELATIVE_CUTOFF = 0.55;

/**
 * Builds an in-memory index over a tenant's catalog. Tolerates accents, case, plurals, typos,
 * spoken measures ("de media" = 1/2") and English aliases; ranks specific matches first.
 *
 * @example
 * const index = createCatalogIndex(tenant.catalog);
 * index.search('tubo pvc de media', { limit: 3 })[0]?.product.sku; // the 1/2" PVC pipe
 */
export function createCatalogIndex(catalog: Product[]): CatalogIndex {
  const entries: Entry[] = catalog.map((product) => {
    const tokens = new Map<string, number>();
    for (const alias of product.aliases ?? []) for (const token of productTokens(alias)) tokens.set(token, ALIAS_FACTOR);
    const nameTokens = productTokens(product.name);
    for (const token of [...nameTokens, ...productTokens(product.category), ...productTokens(product.unit)]) tokens.set(token, 1);
    const coreTokens = new Set(productTokens(product.name.replace(/\([^)]*\)/g, ' ')));
    const heads = new Set<string>(nameTokens.slice(0, 1));
    for (const alias of product.aliases ?? []) {
      const words = productTokens(alias);
      if (words.length === 1) heads.add(words[0] as string);
    }
    return { product, tokens, coreTokens, heads };
  });

  const documentFrequency = new Map<string, number>();
  for (const entry of entries) {
    for (const token of entry.tokens.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  }
  // Inverted index: which entries (by position) carry each token, so a search scores only products
  // that share a word with the query instead of the whole catalog.
  const entriesWith = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    for (const token of entry.tokens.keys()) {
      const list = entriesWith.get(token);
      if (list) list.push(i);
      else entriesWith.set(token, [i]);
    }
  });
  const vocabulary = [...documentFrequency.keys()].map((token) => ({ token, sound: soundKey(token) }));
  const total = Math.max(entries.length, 1);
  const weightOf = (token: string): number => Math.log(1 + total / (documentFrequency.get(token) ?? 1));
  const maxWeight = Math.log(1 + total);

  // Scanning the whole vocabulary for an unknown word (a typo, a sound-alike) is the expensive part
  // of a search, and customers misspell the same words again and again: remember each word's
  // matches. Pure function of the word and the (immutable) catalog; bounded so odd input cannot grow it.
  const fuzzyCache = new Map<string, readonly (readonly [string, number])[]>();
  const fuzzyMatches = (word: string): readonly (readonly [string, number])[] => {
    const hit = fuzzyCache.get(word);
    if (hit) return hit;
    const wordSound = soundKey(word);
    const found: [string, number][] = [];
    for (const { token, sound } of vocabulary) {
      const quality = similarity(word, token, sound, wordSound);
      if (quality > 0) found.push([token, quality]);
    }
    if (fuzzyCache.size < FUZZY_CACHE_LIMIT) fuzzyCache.set(word, found);
    return found;
  };

  return {
    search(query, options = {}) {
      const limit = options.limit ?? 5;
      const terms = queryTokens(query);
      if (terms.length === 0 || !terms.some((t) => !t.numeric)) return [];

      // For each query word: the catalog words it may stand for, with match quality and weight.
      const candidates = terms.map((term) => {
        const matches = new Map<string, number>();
        if (documentFrequency.has(term.token)) {
          // A word the catalog knows is taken as written: "zinc" must not also read as "sink".
          matches.set(term.token, 1);
          if (term.numeric) for (const suffix of ['in', 'ft']) if (documentFrequency.has(term.token + suffix)) matches.set(term.token + suffix, similarity(term.token, term.token + suffix, '', ''));
        } else {
          for (const [token, quality] of fuzzyMatches(term.token)) matches.set(token, quality);
        }
        let weight = maxWeight;
        if (matches.size > 0) {
          const best = [...matches.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
          weight = weightOf(best[0]);
        }
        // Words that match nothing still count against coverage, but less when they look like noise.
        if (matches.size === 0) weight = term.numeric ? maxWeight * 0.5 : maxWeight * 0.6;
        return { term, matches, weight };
      });
      if (!candidates.some((c) => !c.term.numeric && c.matches.size > 0)) return [];
      const totalWeight = candidates.reduce((sum, c) => sum + c.weight, 0);

      // Only a product matching a non-numeric query word can score (`wordMatched` below); visit those
      // in catalog order, as a full scan would.
      const reachable = new Set<number>();
      for (const { term, matches } of candidates) {
        if (term.numeric) continue;
        for (const token of matches.keys()) for (const i of entriesWith.get(token) ?? []) reachable.add(i);
      }
      const results: CatalogMatch[] = [];
      for (const i of [...reachable].sort((a, b) => a - b)) {
        const entry = entries[i] as Entry;
        let covered = 0;
        let wordMatched = false;
        let headMatched = false;
        const usedCoreTokens = new Set<string>();
        for (const { term, matches, weight } of candidates) {
          let best = 0;
          let bestToken = '';
          for (const [token, quality] of matches) {
            const factor = entry.tokens.get(token);
            if (factor !== undefined && quality * factor > best) {
              best = quality * factor;
              bestToken = token;
            }
          }
          if (best > 0) {
            covered += weight * best;
            if (!term.numeric) wordMatched = true;
            if (entry.heads.has(bestToken)) headMatched = true;
            if (entry.coreTokens.has(bestToken)) usedCoreTokens.add(bestToken);
          }
        }
        if (!wordMatched) continue;
        const coverage = covered / totalWeight;
        // Tie-breakers: the product *is* what was asked for (head noun), and its name is mostly that.
        const specificity = 0.6 * Number(headMatched) + 0.4 * (usedCoreTokens.size / Math.max(entry.coreTokens.size, 1));
        const score = Math.min(1, 0.88 * coverage + 0.12 * specificity);
        if (score >= MIN_SCORE) results.push({ product: entry.product, score: Math.round(score * 1000) / 1000 });
      }
      results.sort(
        (a, b) =>
          b.score - a.score ||
          Number(b.product.stock > 0) - Number(a.product.stock > 0) ||
          a.product.price - b.product.price ||
          a.product.sku.localeCompare(b.product.sku),
      );
      const top = results[0]?.score ?? 0;
      return results.filter((r) => r.score >= top * RELATIVE_CUTOFF).slice(0, limit);
    },
  };
}
