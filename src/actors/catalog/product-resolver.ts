import MiniSearch from 'minisearch';
import type { Product } from '../../domain/tenant.js';
import { convertMeasure, parseProductText, type AttributeKind, type Attributes, type Measure, type ParsedQuery } from './attributes.js';
import type { CatalogMatch, ProductResolver } from './resolver-types.js';
import { withResultCache } from './result-cache.js';
import { kindWords } from './kind-synonyms.js';
import { editDistance, FILLER, fold, joinSplitWords, ORDINARY_WORDS, soundKey, stem, words } from './text.js';

export type { CatalogMatch, ProductResolver } from './resolver-types.js';

/** Alias-only matches rank a little below name matches ("pvc" in a conduit's aliases vs a PVC pipe's name). */
const ALIAS_FACTOR = 0.95;
const CATEGORY_FACTOR = 0.6;
const MIN_SCORE = 0.3;
/** A product not of the kind the query leads with ("pintura para paredes": the wall putty, the wall tile) ranks below those that are. */
const KIND_MISS = 0.3;
/** A word is a kind the store carries several of ("pintura", "tornillo") when it names this many products as what they are. */
const KIND_PRODUCTS = 3;
/** Results far below the best one are noise for a customer ("tubo" matching every pipe fitting). */
const RELATIVE_CUTOFF = 0.55;
/** Two matches this close fit equally (the product tool's options threshold): stock decides between them. */
const EQUAL_FIT = 0.96;
/** A size converted from another unit meets the one asked within this share: 1/2" (12.7 mm) is "el de 12 mm". */
const CONVERTED_TOLERANCE = 0.08;
const CORRECTION_CACHE_LIMIT = 10_000;
/** Cached `search` and `parse` results per resolver (each): measured 1.2 MiB of heap with both full (limit 5), per tenant. */
const RESULT_CACHE_SIZE = 1_000;

/** Score changes for an attribute the product has (+), has differently (−) or does not state (−, smaller). */
const WEIGHTS = {
  /** `length`: a bare number met only by a length in feet or metres ("tubo de 4" and the "4 pies" LED tube). */
  size: { hit: 0.15, length: 0.02, miss: -0.28, unknown: -0.12 },
  grade: { hit: 0.15, miss: -0.3, unknown: -0.12 },
  dims: { hit: 0.15, miss: -0.28, unknown: -0.12 },
  colour: { hit: 0.12, partial: 0.03, miss: -0.3, unknown: -0.06 },
  finish: { hit: 0.12, miss: -0.25, unknown: -0.08 },
  pack: { hit: 0.06, miss: -0.12 },
  brand: { hit: 0.12, miss: -0.22 },
  default: 0.1,
  inStock: 0.015,
} as const;

interface Entry {
  product: Product;
  /** Stemmed token → factor: 1 for the name and unit, less for aliases and the category. */
  tokens: Map<string, number>;
  /** Sound key → best factor among tokens with that key. */
  sounds: Map<string, number>;
  /** Stemmed name tokens outside parentheses: what the product is. */
  core: Set<string>;
  /** Head nouns: the name's first word and single-word aliases. */
  heads: Set<string>;
  /** First words of the name and of each alias: the noun a customer leads with ("hojas de segueta", "pega de tubo"). */
  leads: Set<string>;
  /** `default_for` phrases made only of dimensions ("2x4"). */
  defaultDims: string[];
  attributes: Attributes;
  /** Content stems of each `default_for` phrase. */
  defaults: ParsedQuery[];
  /** The largest inch size of the product's kind (same category and first two name words); 0 when none. */
  inchCeiling: number;
}

const PACK_OF_UNIT: Readonly<Record<string, string>> = {
  saco: 'saco', bolsa: 'saco', galon: 'galon', cubeta: 'cubeta', rollo: 'rollo', libra: 'libra', ciento: 'ciento',
  caja: 'caja', paquete: 'paquete', plancha: 'lamina', lamina: 'lamina', par: 'par', juego: 'juego', pie: 'pie', metro: 'metro', unidad: 'unidad',
};

const nameKey = (text: string): string => fold(text).replace(/[^a-z0-9/#.]+/g, ' ').trim();

const termsOf = (text: string): string[] => words(fold(text)).filter((w) => !/^\d/.test(w) && w.length > 1);

const sameMeasure = (a: Measure, b: Measure): boolean => Math.abs(a.value - b.value) < 1e-6;

/**
 * Scores the attributes the customer gave against a product's. Every attribute the product lacks
 * costs more than any text difference gains, so "block de 6" never answers the 4" block.
 */
function scoreAttributes(
  query: Attributes,
  product: Attributes,
  inchCeiling = 0,
): { deltas: Partial<Record<AttributeKind, number>>; unmet: AttributeKind[]; hits: Set<AttributeKind>; closeness: number } {
  let closeness = 0;
  const deltas: Partial<Record<AttributeKind, number>> = {};
  const hits = new Set<AttributeKind>();
  let kind: AttributeKind = 'size';
  // Adds to the current kind's delta; a positive step is a hit for that kind.
  const add = (value: number): void => {
    deltas[kind] = (deltas[kind] ?? 0) + value;
    if (value > 0) hits.add(kind);
  };
  const unmet = new Set<AttributeKind>();
  const sized = product.measures.filter((m) => m.unit !== 'count');
  kind = 'size';
  /** A size missed by little costs a little less: for 10" the 4" pipe comes before the 1/2" one. */
  const nearness = (q: Measure, candidates: readonly Measure[]): number => {
    const ratios = candidates.filter((m) => m.value > 0).map((m) => Math.abs(Math.log(m.value / q.value)));
    return ratios.length === 0 ? 0 : 0.1 * Math.max(0, 1 - Math.min(...ratios) / 3);
  };
  for (const q of query.measures) {
    if (q.unit === '') {
      const same = product.measures.filter((m) => sameMeasure(m, q));
      // A bare size in a hardware store is inches: a length in feet or metres ("Tubo LED 4 pies")
      // meets it only where nothing has that size in inches ("zinc de 12" is the 12-foot sheet).
      if (same.some((m) => m.unit !== 'ft' && m.unit !== 'm')) add(WEIGHTS.size.hit);
      // ...and not where the number is an inch size its kind could come in: "tubo de 6" is no 1/2"
      // pipe 6 m long (pipes go up to 4"), while "varilla de 20" is the 20-foot bar (bars up to 3/4").
      else if (same.length > 0 && !(inchCeiling > 0 && q.value <= 2 * inchCeiling)) add(WEIGHTS.size.length);
      else {
        add(sized.length > 0 ? WEIGHTS.size.miss : WEIGHTS.size.unknown);
        // A bare size in a hardware store is inches.
        closeness = Math.max(closeness, nearness(q, sized.filter((m) => m.unit === 'in')));
        unmet.add('size');
      }
      continue;
    }
    // An explicit unit must match: 6" is not the "(6 m)" length of a pipe.
    // Counts count the same thing or nothing: 2 poles are not a set of 2 pieces.
    if (product.measures.some((m) => (m.unit === q.unit || m.unit === '') && sameMeasure(m, q) && (m.noun === undefined || q.noun === undefined || m.noun === q.noun))) add(WEIGHTS.size.hit);
    else {
      let same = product.measures.filter((m) => m.unit === q.unit);
      // Asked in another unit than the catalog's ("tinaco de 1000 litros", the tank sold by the
      // gallon; "tubo de 25 mm"): the product's sizes converted, a nominal size near enough meets it.
      const converted = same.length === 0;
      if (converted) same = product.measures.flatMap((m) => convertMeasure(m, q.unit) ?? []);
      if (converted && same.some((m) => Math.abs(m.value - q.value) <= q.value * CONVERTED_TOLERANCE)) {
        add(WEIGHTS.size.hit);
        continue;
      }
      add(same.length > 0 ? WEIGHTS.size.miss : WEIGHTS.size.unknown);
      closeness = Math.max(closeness, nearness(q, same));
      unmet.add('size');
    }
  }
  kind = 'grade';
  if (query.grade !== undefined) {
    if (product.grade === query.grade) add(WEIGHTS.grade.hit);
    else {
      add(product.grade !== undefined ? WEIGHTS.grade.miss : WEIGHTS.grade.unknown);
      unmet.add('grade');
    }
  }
  kind = 'dims';
  for (const d of query.dims) {
    if (product.dims.includes(d)) add(WEIGHTS.dims.hit);
    else {
      add(product.dims.length > 0 ? WEIGHTS.dims.miss : WEIGHTS.dims.unknown);
      unmet.add('dims');
    }
  }
  kind = 'colour';
  for (const c of query.colours) {
    if (product.colours.includes(c)) add(WEIGHTS.colour.hit);
    else if (product.colours.some((p) => p.startsWith(`${c} `))) add(WEIGHTS.colour.partial);
    else {
      add(product.colours.length > 0 ? WEIGHTS.colour.miss : WEIGHTS.colour.unknown);
      unmet.add('colour');
    }
  }
  kind = 'finish';
  if (query.finish !== undefined) {
    if (product.finish === query.finish) add(WEIGHTS.finish.hit);
    else {
      add(product.finish !== undefined ? WEIGHTS.finish.miss : WEIGHTS.finish.unknown);
      unmet.add('finish');
    }
  }
  kind = 'pack';
  if (query.pack !== undefined && product.pack !== undefined) {
    add(query.pack === product.pack ? WEIGHTS.pack.hit : WEIGHTS.pack.miss);
    if (query.pack !== product.pack) unmet.add('pack');
  }
  kind = 'brand';
  if (query.brand !== undefined) {
    if (product.brand === query.brand) add(WEIGHTS.brand.hit);
    else {
      add(WEIGHTS.brand.miss);
      unmet.add('brand');
    }
  }
  return { deltas, unmet: [...unmet], hits, closeness };
}

/**
 * Builds the product resolver over a tenant's catalog: MiniSearch (field-boosted, prefix and
 * fuzzy) retrieves the products that share words with the query, then each is re-ranked by how
 * much of the query it covers and by the attributes the customer gave (size, grade, gauge,
 * dimensions, colour, finish, pack, brand); the tenant's `default_for` marks the everyday choice.
 *
 * @example
 * const resolver = createProductResolver(tenant.catalog);
 * resolver.search('funda de cemento', { limit: 1 })[0]?.product.sku; // 'CEM-001', the gray GU bag
 *
 * `search` and `parse` results are cached per folded query (`cacheSize` each, 0 for none): the
 * catalog never changes under a resolver, so a repeated question is answered once.
 */
export function createProductResolver(catalog: readonly Product[], { cacheSize = RESULT_CACHE_SIZE, ownWords = [] }: { cacheSize?: number; ownWords?: readonly string[] } = {}): ProductResolver {
  const brands = [...new Set(catalog.flatMap((p) => (p.brand ? [fold(p.brand).replace(/[^a-z0-9]+/g, ' ').trim()] : [])))];
  const lexicon = new Set<string>();
  for (const p of catalog) for (const text of [p.name, p.category, ...(p.aliases ?? [])]) for (const w of termsOf(text)) if (!FILLER.has(stem(w))) lexicon.add(w);
  const stems = new Map<string, string>();
  for (const w of lexicon) if (!stems.has(stem(w))) stems.set(stem(w), w);
  const bySound = new Map<string, string>();
  // Each catalog stem's sound key, made once: a typo's search compares it with every stem.
  const stemSounds = new Map<string, string>();
  for (const s of stems.keys()) {
    const key = soundKey(s);
    stemSounds.set(s, key);
    if (!bySound.has(key)) bySound.set(key, s);
  }
  const isKnown = (word: string): boolean => stems.has(stem(word));
  // The store's words for goods it does not carry are themselves: "trompo" is no typo of "trampa" (the sink trap).
  const ownStems = new Set(ownWords.map((w) => stem(fold(w))).filter((w) => !stems.has(w)));
  const fillerAliases = new Set<string>();
  for (const p of catalog) for (const alias of p.aliases ?? []) if (FILLER.has(stem(fold(alias).trim())) && termsOf(alias).length === 1) fillerAliases.add(fold(alias).trim());
  const parse = (text: string): ParsedQuery => ((p) => ({ ...p, content: joinSplitWords(p.content, isKnown) }))(parseProductText(text, { brands, isKnown })); // "sand paper": the sandpaper

  const kinds = kindWords(catalog);
  const entries: Entry[] = catalog.map((product) => {
    const tokens = new Map<string, number>();
    const put = (text: string, factor: number): void => {
      for (const w of termsOf(text)) {
        const s = fillerAliases.has(w) ? w : stem(w);
        if (FILLER.has(s) && !fillerAliases.has(w)) continue;
        tokens.set(s, Math.max(tokens.get(s) ?? 0, factor));
      }
    };
    for (const alias of [...(product.aliases ?? []), ...(kinds.get(product) ?? [])]) put(alias, ALIAS_FACTOR);
    put(product.category, CATEGORY_FACTOR);
    put(product.name, 1);
    put(product.unit, 1);
    if (product.brand) put(product.brand, 1);
    const sounds = new Map<string, number>();
    for (const [t, f] of tokens) sounds.set(soundKey(t), Math.max(sounds.get(soundKey(t)) ?? 0, f));
    const nameTerms = termsOf(product.name.replace(/\([^)]*\)/g, ' ')).map(stem).filter((s) => !FILLER.has(s));
    const heads = new Set<string>(nameTerms.slice(0, 1));
    for (const alias of [...(product.aliases ?? []), ...(kinds.get(product) ?? [])]) {
      const t = termsOf(alias).map(stem);
      if (t.length === 1) heads.add(t[0] as string);
    }
    const parsed = parseProductText(`${product.name} ${product.brand ?? ''}`, { catalog: true, brands });
    const unitHead = fold(product.unit).split(/\s+/)[0] ?? '';
    const attributes: Attributes = { ...parsed.attributes };
    const packWord = PACK_OF_UNIT[nameTerms[0] === 'caja' ? 'caja' : unitHead]; // "Caja Octagonal" is a box itself: "a junction box" lacks no pack.
    if (packWord) attributes.pack = packWord;
    else delete attributes.pack;
    if (product.brand) attributes.brand = fold(product.brand).replace(/[^a-z0-9]+/g, ' ').trim();
    const defaults = (product.default_for ?? []).map((phrase) => parse(phrase));
    const leads = new Set<string>(nameTerms.slice(0, 1));
    for (const alias of product.aliases ?? []) {
      const first = termsOf(alias).map(stem).find((s) => !FILLER.has(s));
      if (first) leads.add(first);
    }
    const defaultDims = (product.default_for ?? []).flatMap((phrase) => {
      const parsed = parse(phrase);
      return parsed.content.length === 0 ? parsed.attributes.dims : [];
    });
    return { product, tokens, sounds, core: new Set(nameTerms), heads, leads, defaultDims, attributes, defaults, inchCeiling: 0 };
  });
  /** Words several products are named by as what they are ("pintura", "tornillo", "paint"): kinds a query may lead with. */
  const headCounts = new Map<string, number>();
  for (const e of entries) for (const h of e.heads) headCounts.set(h, (headCounts.get(h) ?? 0) + 1);
  const kindKey = (e: Entry): string => `${e.product.category}\u0000${termsOf(e.product.name.split(/[\d(#"]/)[0] ?? '').slice(0, 2).join(' ')}`;
  const ceilings = new Map<string, number>();
  for (const e of entries) for (const m of e.attributes.measures) if (m.unit === 'in') ceilings.set(kindKey(e), Math.max(ceilings.get(kindKey(e)) ?? 0, m.value));
  for (const e of entries) e.inchCeiling = ceilings.get(kindKey(e)) ?? 0;

  const documentFrequency = new Map<string, number>();
  for (const e of entries) for (const t of e.tokens.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const total = Math.max(entries.length, 1);
  const idf = (token: string): number => Math.log(1 + total / (documentFrequency.get(token) ?? 1));
  const maxIdf = Math.log(1 + total);

  // Field-boosted full-text index. Every word is indexed twice, as its stem and as its sound key
  // ("~..."), so "varriya" meets "varilla" while an exact word still scores higher than a sound-alike.
  const processTerm = (term: string): string[] | null => {
    const w = fold(term);
    if (/^\d/.test(w) || w.length < 2) return null;
    const s = stem(w);
    if (FILLER.has(s)) return null;
    return [s, `~${soundKey(s)}`];
  };
  const index = new MiniSearch<{ id: number; name: string; aliases: string; kinds: string; category: string }>({
    fields: ['name', 'aliases', 'kinds', 'category'],
    tokenize: (text) => words(fold(text)),
    processTerm,
    searchOptions: {
      boost: { name: 3, aliases: 2, kinds: 2, category: 0.5 },
      prefix: (term) => !term.startsWith('~') && term.length >= 4,
      fuzzy: (term) => (!term.startsWith('~') && term.length >= 5 ? 0.2 : false),
      weights: { fuzzy: 0.45, prefix: 0.6 },
      combineWith: 'OR',
    },
  });
  index.addAll(entries.map((e, id) => ({ id, name: `${e.product.name} ${e.product.brand ?? ''}`, aliases: (e.product.aliases ?? []).join(' '), kinds: (kinds.get(e.product) ?? []).join(' '), category: e.product.category })));

  const corrections = { strict: new Map<string, string | null>(), lenient: new Map<string, string | null>() };
  /**
   * The catalog stem a customer's word stands for. Strict (is this message about a product at
   * all?): short words are real words more often than typos ("best" is not "vest", "tasa" not
   * "taza"), so sound-alikes from 5 letters, one typo from 6, two from 10. Lenient (the customer
   * asked about a product; which?): sound-alikes from 4 letters ("blok", "sinc"), one typo from 5.
   */
  const correctStem = (word: string, mode: 'strict' | 'lenient' = 'lenient'): string | null => {
    if (fillerAliases.has(word)) return word;
    const s = stem(word);
    if (stems.has(s)) return s;
    // An everyday word is itself, not a misspelt product: "rebaja" is no rebar, "escribo" no estribo.
    if (ownStems.has(s) || ORDINARY_WORDS.has(word) || ORDINARY_WORDS.has(word.replace(/e?s$/, '')) || ORDINARY_WORDS.has(word.replace(/s$/, ''))) return null;
    const cache = corrections[mode];
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    const shortest = mode === 'strict' ? 5 : 4;
    // Lengths are the customer's word's, before plural and gender folding ("clabos" is 6 letters).
    if (word.length >= shortest && s.length >= 3 && !/\d/.test(s) && !FILLER.has(s)) {
      const key = soundKey(s);
      found = bySound.get(key) ?? null;
      if (!found && word.length >= shortest + 1 && s.length >= 4) {
        const budget = word.length >= (mode === 'strict' ? 10 : 7) ? 2 : 1;
        let best = budget + 1;
        for (const [candidate, ck] of stemSounds) {
          if (candidate.length < 5) continue;
          // Typos rarely hit the first sound; requiring it keeps "quiero" away from "hierro".
          if (ck[0] !== key[0]) continue;
          // Typos are counted on the letters: sound keys are short, one letter apart there is a
          // different word ("gracias" is not "gravilla").
          const d = editDistance(s, candidate, budget);
          if (d < best || (d === best && found !== null && (documentFrequency.get(candidate) ?? 0) > (documentFrequency.get(found) ?? 0))) {
            best = d;
            found = candidate;
          }
        }
        if (best > budget) found = null;
        // A word the customer stopped typing: "tornill" → "tornillo".
        if (!found && s.length >= 5) for (const candidate of stems.keys()) if (candidate.startsWith(s)) { found = candidate; break; }
      }
    }
    if (cache.size < CORRECTION_CACHE_LIMIT) cache.set(word, found);
    return found;
  };

  const byAttributes = (parsed: ParsedQuery, limit: number): CatalogMatch[] => {
    const scored = entries.map((entry) => ({ entry, attributes: scoreAttributes(parsed.attributes, entry.attributes, entry.inchCeiling) }));
    // "2x6 de 10" when the 2x6 is 12 feet long: the 2x6 ones, the length unmet (said so by the answer).
    const exact = scored.filter(({ attributes }) => attributes.unmet.length === 0);
    const found = exact.length > 0 ? exact : scored.filter(({ attributes }) => parsed.attributes.dims.length > 0 && !attributes.unmet.includes('dims'));
    return found
      .sort(
        (a, b) =>
          Number(parsed.attributes.dims.some((d) => b.entry.defaultDims.includes(d))) - Number(parsed.attributes.dims.some((d) => a.entry.defaultDims.includes(d))) ||
          Number(b.entry.product.stock > 0) - Number(a.entry.product.stock > 0) ||
          a.entry.product.price - b.entry.product.price ||
          a.entry.product.sku.localeCompare(b.entry.product.sku),
      )
      .slice(0, limit)
      .map(({ entry, attributes }) => ({ product: entry.product, score: 0.6, unmet: attributes.unmet, defaulted: parsed.attributes.dims.some((d) => entry.defaultDims.includes(d)) }));
  };

  /** Folded product name → entry: a chosen option (its text is the product's name) resolves exactly. */
  const byName = new Map(entries.map((e) => [nameKey(e.product.name), e]));

  const search = (query: string, options: { limit?: number } = {}): CatalogMatch[] => {
    const limit = options.limit ?? 5;
    const exact = byName.get(nameKey(query));
    if (exact) return [{ product: exact.product, score: 1, unmet: [], defaulted: false }];
    const parsed = parse(query);
    let content = parsed.content;
    // Only attributes ("la satinada blanca"): their words are all there is to search for.
    if (content.length === 0 && (parsed.attributes.colours.length > 0 || parsed.attributes.finish || parsed.attributes.brand)) {
      content = termsOf(query).map(stem).filter((s) => !FILLER.has(s) && stems.has(s));
    }
    // A product named by a word that is filler elsewhere ("te de 1/2": the tee fitting).
    let byAlias = false;
    if (content.length === 0) {
      content = termsOf(query).filter((w) => fillerAliases.has(w));
      byAlias = content.length > 0;
    }
    // Only dimensions ("2x4 de 12 pies"): every product with those dimensions is a candidate.
    if (content.length === 0 && parsed.attributes.dims.length > 0) return byAttributes(parsed, limit);
    if (content.length === 0) return [];
    const terms = content.map((word) => ({ word, known: correctStem(word) }));
    if (!terms.some((t) => t.known !== null)) return [];
    const searchText = terms.map((t) => t.known ?? t.word).join(' ');
    const known = new Set(terms.flatMap((t) => (t.known ? [t.known] : [])));
    const termSounds = terms.map((t) => soundKey(t.known ?? t.word));
    const queryStems = new Set(terms.map((t) => t.known ?? t.word));
    const found = byAlias
      ? entries.flatMap((e, id) => (content.some((w) => e.tokens.has(w)) ? [{ id, score: 1 }] : []))
      : index.search(searchText, {
          // Words already corrected to catalog words are looked up as they are; only the rest get
          // MiniSearch's prefix and fuzzy matching (the costly part of a search).
          prefix: (term) => !term.startsWith('~') && term.length >= 4 && !known.has(term),
          fuzzy: (term) => (!term.startsWith('~') && term.length >= 5 && !known.has(term) ? 0.2 : false),
        });
    if (found.length === 0) return [];
    const topRelevance = found[0]?.score ?? 1;
    const termWeight = terms.map((t) => (t.known ? idf(t.known) : maxIdf * 0.6));
    const totalWeight = termWeight.reduce((a, b) => a + b, 0);

    // The kind the query leads with ("pintura para paredes", "paint for walls"), when the store has several
    // of it and no other word is one ("wood screws": English says the kind last): a product of another kind,
    // met only by the rest of the words or by its category (the wall putty, in "Pinturas"), is not what is asked.
    const isKind = (t: { word: string; known: string | null } | undefined): boolean => t?.known === stem(t?.word ?? '') && (headCounts.get(t.known) ?? 0) >= KIND_PRODUCTS;
    const kind = isKind(terms[0]) && !terms.slice(1).some(isKind) ? terms[0]!.known : null;
    const scored: { entry: Entry; text: number; attributes: ReturnType<typeof scoreAttributes>; defaulted: boolean }[] = [];
    for (const hit of found) {
      const entry = entries[hit.id as number] as Entry;
      let covered = 0;
      let head = false;
      let kindMet = kind === null;
      const usedCore = new Set<string>();
      terms.forEach((t, i) => {
        const target = t.known ?? t.word;
        let quality = 0;
        let matched = '';
        const exact = entry.tokens.get(target);
        if (exact !== undefined) {
          quality = exact * (t.known === stem(t.word) ? 1 : 0.92);
          matched = target;
        } else {
          const sound = entry.sounds.get(termSounds[i] as string);
          if (sound !== undefined) quality = sound * 0.85;
          else if (target.length >= 4) for (const token of entry.tokens.keys()) if (token.startsWith(target)) { quality = 0.7; matched = token; break; }
        }
        if (i === 0 && quality > CATEGORY_FACTOR) kindMet = true;
        if (quality > 0) {
          covered += quality * (termWeight[i] as number);
          if (entry.heads.has(matched) || (i === 0 && entry.leads.has(matched))) head = true;
          if (entry.core.has(matched)) usedCore.add(matched);
        }
      });
      if (covered === 0) continue;
      const coverage = covered / totalWeight;
      const specificity = usedCore.size / Math.max(entry.core.size, 1);
      const relevance = hit.score / topRelevance;
      const attributes = scoreAttributes(parsed.attributes, entry.attributes, entry.inchCeiling);
      // A default phrase fits when its words are the query's and the pack or colour it names ("cubeta de
      // pintura blanca") is the one asked for.
      const defaulted = entry.defaults.some(
        ({ content: phrase, attributes: wants }) =>
          phrase.length > 0 &&
          phrase.every((s) => queryStems.has(correctStem(s) ?? s)) &&
          [...queryStems].every((s) => phrase.includes(s) || entry.tokens.has(s)) &&
          (wants.pack === undefined || wants.pack === parsed.attributes.pack) &&
          wants.colours.every((c) => parsed.attributes.colours.includes(c)),
      );
      const leads = entry.leads.has(terms[0]?.known ?? terms[0]?.word ?? '') ? 0.05 : 0;
      scored.push({ entry, text: 0.68 * coverage + 0.1 * Number(head) + 0.08 * specificity + 0.14 * relevance + leads - (kindMet ? 0 : KIND_MISS), attributes, defaulted });
    }
    // An attribute no candidate has ("pintura azul" in a store without blue paint) cannot tell them
    // apart: it is left out of the ranking, and stays unmet so the reply can say so.
    const available = new Set<AttributeKind>();
    for (const s of scored) for (const k of s.attributes.hits) available.add(k);
    const results: (CatalogMatch & { raw: number })[] = scored.map(({ entry, text, attributes, defaulted }) => {
      let delta = 0;
      for (const [kind, value] of Object.entries(attributes.deltas) as [AttributeKind, number][]) if (available.has(kind) || kind === 'pack') delta += value;
      // Between near-equal matches a clerk hands over what is on the shelf.
      const onShelf = entry.product.stock > 0 ? WEIGHTS.inStock : 0;
      // The everyday product is the clerk's pick only while it is on the shelf: an exhausted default
      // ("cubeta de pintura blanca") leaves the choice to the in-stock products that fit as well.
      const everyday = defaulted && attributes.unmet.length === 0 && entry.product.stock > 0 ? WEIGHTS.default : 0;
      const raw = text + delta + attributes.closeness + onShelf + everyday;
      return { product: entry.product, raw, score: 0, unmet: attributes.unmet, defaulted };
    });
    results.sort(
      (a, b) =>
        b.raw - a.raw ||
        Number(b.product.stock > 0) - Number(a.product.stock > 0) ||
        a.product.price - b.product.price ||
        a.product.sku.localeCompare(b.product.sku),
    );
    // An exhausted best match and an in-stock one that fits as well (as close as two options shown
    // side by side, nothing more unmet): the clerk hands over the one on the shelf.
    const first = results[0];
    if (first && first.product.stock <= 0) {
      const onShelf = results.findIndex((r) => r.product.stock > 0 && r.unmet.length <= first.unmet.length && r.raw >= first.raw * EQUAL_FIT);
      if (onShelf > 0) results.unshift(...results.splice(onShelf, 1));
    }
    const top = Math.max(...results.map((r) => r.raw), 0);
    return results
      .filter((r) => r.raw >= MIN_SCORE && r.raw >= top * RELATIVE_CUTOFF)
      .slice(0, limit)
      // Scaled so the best is at most 1 and ratios between matches stay as they are.
      .map(({ raw, ...match }) => ({ ...match, score: Math.round(Math.max(0, raw / Math.max(1.15, top)) * 1000) / 1000 }));
  };

  const resolver: ProductResolver = {
    search,
    parse,
    correct(word) {
      const s = correctStem(fold(word), 'strict');
      return s === null ? null : (stems.get(s) ?? s);
    },
    lexicon,
  };
  return withResultCache(resolver, cacheSize);
}
