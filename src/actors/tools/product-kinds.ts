/**
 * "¿Qué tipo de cemento tienen?", "qué pinturas tienen?", "what kinds of drills do you have?": the
 * customer asks what there is of a kind of product, not for one product. A clerk lists the kinds
 * (a short list with prices) and asks which; this file reads that question and picks the list.
 */
import type { Product } from '../../domain/tenant.js';
import { fold, type AttributeKind } from '../catalog/index.js';
import { editDistance } from '../catalog/text.js';
import type { CatalogIndex, CatalogMatch } from './catalog-search.js';

/** Most kinds listed in one answer: more is a catalogue, not an answer. */
export const MAX_KINDS = 5;

/** Nouns after "qué …" that ask something else than which products ("qué precio tiene", "what time do you open"). */
const NOT_A_KIND = /^(?:precios?|costos?|horas?|horarios?|dias?|descuentos?|ofertas?|promos?|promociones?|garantias?|tal|pasa|paso|price|prices|cost|time|hours?|days?|discounts?|deals?|warranty|about)$/;

const KIND_WORDS = String.raw`(?:tipos?|clases?|variedad(?:es)?|modelos?|marcas?|opciones|estilos?|colores|medidas|tamanos|kinds?|types?|sorts?|brands?|models?|options|colou?rs|sizes)`;
/** "qué tipo de …", "cuáles marcas de …", "what kinds of …", "which brands of …", "q tipo d …". */
const KIND_OF = new RegExp(String.raw`\b(?:que|q|k|cuales?|what|which)\s+(?:[a-z]+\s+)?${KIND_WORDS}\s+(?:de|d|of)\b`);
/** "tipos de varilla que tengan", "tienen diferentes marcas de pintura?", "do you sell other kinds of drills?". */
const KINDS_PLAIN = new RegExp(String.raw`\b(?:tipos|clases|variedades|modelos|marcas|opciones|estilos|kinds|types|sorts|brands|models|options)\s+(?:de|d|of)\s+\S`);
const HAVING = /\b(?:tienen|tiene|tienes|tengan|tenga|hay|haya|venden|vende|vendes|vendan|manejan|maneja|trabajan|traen|have|sell|carry|got|stock)\b/;
const HAVE = String.raw`(?:tienen|tiene|tienes|tendran|hay|venden|vende|vendes|manejan|maneja|trabajan|traen|you\s+have|you\s+sell|you\s+carry|you\s+got|do\s+you\s+have|do\s+you\s+sell|do\s+you\s+carry|are\s+there|is\s+there)`;
/** "qué pinturas tienen?", "cuáles taladros hay?", "what drills do you have?", "which paints do you sell?". */
const WHAT_NOUN_HAVE = new RegExp(String.raw`\b(?:que|q|k|cuales|what|which)\s+([a-z]+)(?:\s+[a-z]+)?\s+(?:es\s+lo\s+que\s+|(?:do|does)\s+)?${HAVE}\b`);
/** "qué tienen de pintura?", "what do you have in drills?", "qué hay en tornillos?". */
const WHAT_HAVE_OF = new RegExp(String.raw`\b(?:que|q|k|what)\s+(?:${KIND_WORDS}\s+)?(?:(?:do|does)\s+)?${HAVE}\s+(?:de|en|of|in|for)\s+[a-z]`);

/**
 * True when the message asks which products of a kind there are, not for one of them.
 *
 * @example
 * asksForKinds('que tipo de cemento tienen?'); // true
 * asksForKinds('qué precio tiene el cemento?'); // false
 */
export function asksForKinds(text: string, isProductWord: (word: string) => boolean = () => true): boolean {
  const t = fold(text).replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (KIND_OF.test(t) || (KINDS_PLAIN.test(t) && HAVING.test(t)) || WHAT_HAVE_OF.test(t)) return true;
  const noun = WHAT_NOUN_HAVE.exec(t)?.[1];
  // The noun of "qué … tienen" names products in the plural ("qué pinturas tienen"), not "qué precio
  // tiene" or "qué características tiene el taladro".
  return noun !== undefined && !NOT_A_KIND.test(noun) && /s$/.test(noun) && isProductWord(noun);
}

/**
 * The kinds of product a query names, one product per kind (the name without its pack or colour),
 * in the search's order: at most `MAX_KINDS` shown, and how many kinds there are in all. Only
 * products of the best match's category or head word, so "cemento" does not list the grout.
 */
export function kindsOf(index: CatalogIndex, query: string): { shown: Product[]; total: number } {
  const matches = index.search(query, { limit: 25 }).filter((m) => m.unmet.length === 0);
  const top = matches[0];
  if (!top) return { shown: [], total: 0 };
  const related = ofTheKind(index, query, matches);
  const byKind = new Map<string, CatalogMatch>();
  for (const m of related) {
    const key = kindKey(index, m.product.name);
    const seen = byKind.get(key);
    // The one in stock stands for its kind.
    if (!seen || (seen.product.stock <= 0 && m.product.stock > 0)) byKind.set(key, m);
  }
  const kinds = [...byKind.values()].map((m) => m.product);
  return { shown: kinds.slice(0, MAX_KINDS), total: kinds.length };
}

const headOf = (name: string): string => fold(name).split(/[^a-z0-9]+/).find((w) => w.length > 1) ?? '';

/** "Pintura Acrílica Tropical Blanco Hueso (galón)" and "… Blanco (cubeta 5 gal)" are one kind of paint. */
function kindKey(index: CatalogIndex, name: string): string {
  const bare = fold(name).replace(/\([^)]*\)/g, ' ');
  return bare
    .split(/[^a-z0-9/+.-]+/)
    .filter((w) => w !== '' && index.parse(w).attributes.colours.length === 0)
    .join(' ');
}

/**
 * The products a superlative chooses among when no list was shown ("tienen pintura?" → "el más
 * barato"; "cuál es el cemento más barato?"): every product of the query's category or head word.
 */
export function relatedProducts(index: CatalogIndex, query: string): Product[] {
  const matches = index.search(query, { limit: 25 }).filter((m) => m.unmet.length === 0);
  const top = matches[0];
  if (!top) return [];
  return ofTheKind(index, query, matches).map((m) => m.product);
}

/**
 * The matches that are the kind of product asked for, not things used with it: the best match's
 * head noun ("Cemento …", "Taladro …"), or an alias of the same category whose head is the
 * customer's word ("oil paint", "pintura de aceite" for "pintura"; not "paint roller", "paint tray").
 */
function ofTheKind(index: CatalogIndex, query: string, matches: readonly CatalogMatch[]): CatalogMatch[] {
  const top = matches[0];
  if (!top) return [];
  const head = headOf(top.product.name);
  const asked = new Set(index.parse(query).content);
  const namesKind = (p: Product): boolean =>
    p.category === top.product.category && (p.aliases ?? []).some((alias) => {
      const word = aliasHead(alias);
      return word !== undefined && index.parse(word).content.some((w) => asked.has(w));
    });
  return matches.filter((m) => headOf(m.product.name) === head || namesKind(m.product));
}

/** Gallons of a pack named without a measure ("(galón)", "(cubeta 5 gal)" has its own). */
const PACK_GALLONS: Readonly<Record<string, number>> = { galon: 1, cubeta: 5 };

/** A product's size for "el más grande": its first measure with a unit (a pack in gallons when it names none). */
function sizeOf(index: CatalogIndex, product: Product): { unit: string; value: number } | null {
  const { attributes } = index.parse(product.name);
  const measure = attributes.measures.find((m) => m.unit !== 'count' && m.unit !== '' && m.unit !== 'ga') ?? attributes.measures.find((m) => m.unit === 'ga');
  // A gauge number grows as the wire gets thinner.
  if (measure) return { unit: measure.unit, value: measure.unit === 'ga' ? -measure.value : measure.value };
  const gallons = attributes.pack !== undefined ? PACK_GALLONS[attributes.pack] : undefined;
  return gallons !== undefined ? { unit: 'gal', value: gallons } : null;
}

/**
 * The product a superlative picks among `products` ("el más barato", "the biggest one"): by price,
 * or by size among those measured in the unit most of them share. Null when sizes cannot be
 * compared (a drill's volts against another's inches).
 */
export function extremeOf(index: CatalogIndex, products: readonly Product[], pick: { by: 'price' | 'size'; most: boolean }): Product | null {
  const sign = pick.most ? -1 : 1;
  const inStock = products.filter((p) => p.stock > 0);
  const pool = inStock.length > 0 ? inStock : products;
  // "the longest one" when the shelf holds one: that one (nothing to compare it with).
  if (products.length === 1) return products[0]!;
  if (pick.by === 'price') return [...pool].sort((a, b) => sign * (a.price - b.price))[0] ?? null;
  // "el más grande" is the largest there is, even out of stock, unless the shelf has two to compare.
  const byMeasure = (list: readonly Product[]): Product | null => largestOf(index, list, sign);
  return byMeasure(pool) ?? (pool.length < products.length ? byMeasure(products) : null);
}

function largestOf(index: CatalogIndex, pool: readonly Product[], sign: number): Product | null {
  const sized = pool.map((p) => ({ p, size: sizeOf(index, p) })).filter((s): s is { p: Product; size: { unit: string; value: number } } => s.size !== null);
  const counts = new Map<string, number>();
  for (const s of sized) counts.set(s.size.unit, (counts.get(s.size.unit) ?? 0) + 1);
  const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!unit || unit[1] < 2) return null;
  const same = sized.filter((s) => s.size.unit === unit[0]).sort((a, b) => sign * (a.size.value - b.size.value) || a.p.price - b.p.price);
  return same[0]?.p ?? null;
}

/**
 * True when a product is only *for* the thing the customer named, not that thing: "neveras" meets
 * the "Protector de Voltaje para Nevera", "techo" the "Tornillo para Techo". Such a product is
 * offered as what the store has for it, never as the thing asked for.
 */
export function isOnlyFor(index: CatalogIndex, product: Product, word: string): boolean {
  const asked = new Set(index.parse(word).content);
  if (asked.size === 0) return false;
  const [what = '', ...purpose] = fold(product.name).replace(/\([^)]*\)/g, ' ').split(/\b(?:para|for|p\/)\b/);
  if (purpose.length === 0) return false;
  const names = (part: string): boolean => index.parse(part).content.some((w) => asked.has(w));
  if (names(what)) return false;
  if ((product.aliases ?? []).some((alias) => names(aliasHead(alias) ?? ''))) return false;
  return names(purpose.join(' '));
}

/** What an alias names: its first word in Spanish order ("pintura de aceite"), else its last ("oil paint"). */
export function aliasHead(alias: string): string | undefined {
  const tokens = fold(alias).split(/[^a-z0-9]+/).filter((w) => w !== '');
  const spanish = tokens.length === 1 || /^(?:de|del|para)$/.test(tokens[1] ?? '');
  return spanish ? tokens[0] : tokens.at(-1);
}

/** Among a search's matches, the first that is the thing named, not only for it. */
export function thingItself(index: CatalogIndex, matches: readonly CatalogMatch[], word: string): CatalogMatch | undefined {
  const asked = new Set(index.parse(word).content);
  return matches.find((m) => {
    if (isOnlyFor(index, m.product, word)) return false;
    const text = [m.product.name, ...(m.product.aliases ?? [])].join(' ');
    return index.parse(text).content.some((w) => asked.has(w));
  });
}

/**
 * True when a word the catalog does not know still looks like what a product is (its name's first
 * word or an alias's head): "cemnt" and "Cemento", not "lavadoras" and "Arena Lavada".
 */
export function resemblesKind(product: Product, word: string): boolean {
  const w = fold(word);
  const kinds = [headOf(product.name), ...(product.aliases ?? []).map((a) => aliasHead(a) ?? '')].filter((k) => k.length >= 3);
  return kinds.some((k) => k.startsWith(w.slice(0, 4)) || w.startsWith(k.slice(0, 4)) || editDistance(w, k, 2) <= 2);
}

/** What is on the counter after a product answer: the product shown, and the options listed with it. */
export interface CounterFocus {
  sku: string;
  name: string;
  query: string;
  options?: readonly string[];
}

/**
 * The family of the product in focus — what "el más barato", "¿otra marca?", "¿en otro color?" are
 * asked among: the products of its kind that meet what the customer's words asked for except the
 * `free` attributes the question varies ("el más grande" frees the size, "¿otra marca?" the brand),
 * that carry every word the customer named it by, on the shelf of the one shown ("tubo pvc": the
 * PVC pipes, not the electrical conduit that is also a "tubo"). A product that names no colour meets
 * the colour asked ("cemento gris": the Colonial too, not the white). The one shown is always among them.
 */
export function familyOf(index: CatalogIndex, catalog: readonly Product[], focus: CounterFocus, free: readonly AttributeKind[] = []): Product[] {
  const query = focus.query.trim() !== '' ? focus.query : focus.name;
  const shown = catalog.find((p) => p.sku === focus.sku);
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  const without = (kinds: readonly AttributeKind[]): string =>
    words.filter((w) => !(Object.keys(index.parse(w).phrases) as AttributeKind[]).some((kind) => kinds.includes(kind))).join(' ');
  const parsed = index.parse(query);
  const colour = free.includes('colour') ? undefined : parsed.phrases.colour;
  const colourOf = (p: Product): string | undefined => index.parse(p.name).phrases.colour;
  const found = [
    ...relatedProducts(index, without(free)),
    ...(colour !== undefined ? relatedProducts(index, without([...free, 'colour'])).filter((p) => colourOf(p) === undefined) : []),
  ];
  const related = [...new Map(found.map((p) => [p.sku, p])).values()];
  const named = (p: Product): boolean => {
    const own = index.parse([p.name, ...(p.aliases ?? [])].join(' ')).content;
    return parsed.content.every((word) => own.includes(word));
  };
  // On the shelf of the one shown: the "pvc conduit" is a PVC tube, but of the electrical aisle.
  const onShelf = related.filter((p) => !shown || p.category === shown.category);
  const family = [onShelf.filter(named), onShelf].find((list) => list.length > 0) ?? related;
  return shown && !family.some((p) => p.sku === shown.sku) ? [shown, ...family] : family;
}

/** The products listed with the answer (at least two), else undefined. */
export function shownOptions(catalog: readonly Product[], focus: CounterFocus): Product[] | undefined {
  const shown = focus.options?.map((sku) => catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  return shown && shown.length >= 2 ? shown : undefined;
}

/**
 * "el de DeWalt", "la Popular", "the Truper one": the product of that brand among the options shown,
 * else in the family of the product in focus (the one in stock first); undefined when no product
 * there is of that brand.
 */
export function pickByBrand(index: CatalogIndex, catalog: readonly Product[], focus: CounterFocus, word: string): Product | undefined {
  const w = fold(word);
  const ofBrand = (p: Product): boolean => p.brand !== undefined && fold(p.brand).replace(/[^a-z0-9]+/g, ' ').split(' ').some((b) => b === w || (w.length >= 4 && b.startsWith(w)));
  for (const pool of [shownOptions(catalog, focus) ?? [], familyOf(index, catalog, focus, ['brand'])]) {
    const hits = pool.filter(ofBrand);
    const chosen = hits.find((p) => p.stock > 0) ?? hits[0];
    if (chosen) return chosen;
  }
  return undefined;
}
