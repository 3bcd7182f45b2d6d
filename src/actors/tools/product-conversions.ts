/**
 * A quantity said in another unit than the product is sold by: "50 metros de cable" for wire sold
 * by the foot, "2 kilos de clavos" for nails sold by the pound. The quantity is priced in the
 * selling unit and the conversion is said aloud ("50 m ≈ 165 pies"), as a clerk would, so the
 * customer sees why 165 and not 50.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput, ReplyDirective } from '../../machines/conversation.contract.js';
import type { CatalogIndex } from './catalog-search.js';
import { countText, countUnit, priceUnit, soldInParts } from './units.js';
import { soldBy, withItemsAsSaid } from './product-said.js';
import { foldAccents } from '../../kernel/fold.js';
import { allMatches } from '../../kernel/all-matches.js';
import { NUMBER_WORDS } from '../catalog/index.js';
import { readFollowUpQuantity } from '../../machines/product-focus.js';
import { dozensOfPairs, halfOfProduct, pieceNaming, poundsOfProduct, sackPounds } from './said-amounts.js';

const fold = foldAccents;

interface Said {
  value: number;
  /** How the conversion is written: "50 m", "2 kg". */
  label: string;
  /** The selling unit it converts to (the head of the product's `unit`) and the factor. */
  to: 'pie' | 'libra';
  factor: number;
}

const UNIT_WORDS = String.raw`(?:metros?|mts?|m|meters?|yardas?|yards?|yds?|kilos?|kgs?|kilogramos?)`;
/** Metres, yards and kilos said with a number: "50 metros", "50m", "5 yardas", "2 kilos", "3 kg", "2,5 m". */
const MEASURE = new RegExp(String.raw`(?:^|[^\d/.])(\d+(?:[.,]\d+)?)\s*(${UNIT_WORDS})(?![a-z0-9])`, 'g');
// Built once, not per call (issue 16: a `new RegExp` per call); `replace` starts a global pattern at 0.
const WORD_BEFORE_UNIT = new RegExp(String.raw`\b([a-z]+)\s+(?=${UNIT_WORDS}(?![a-z0-9]))`, 'g');
const HALF_BEFORE_UNIT = new RegExp(String.raw`\b(\d+)\s+y\s+medio\s+(${UNIT_WORDS})(?![a-z0-9])`, 'g');
const HALF_AFTER_UNIT = new RegExp(String.raw`\b(\d+)\s*(${UNIT_WORDS})\s+y\s+medio\b`, 'g');
/** "3 y medio metros", "3 metros y medio", "metro y medio", "medio metro": the half written as a decimal. */
export const halvesAsDecimals = (text: string): string => {
  const t = text.replace(WORD_BEFORE_UNIT, (all, word: string) => (NUMBER_WORDS[word] !== undefined ? `${NUMBER_WORDS[word]} ` : all));
  // Every half below says "medio" or "media": without it the five replaces would give the text back (issue 16, session 36).
  if (!t.includes('medi')) return t;
  return t
    .replace(HALF_BEFORE_UNIT, '$1.5 $2')
    .replace(HALF_AFTER_UNIT, '$1.5 $2')
    .replace(/\b(?:un\s+)?(metro|kilo|yarda)\s+y\s+medio\b/g, '1.5 $1s')
    .replace(/\bmedio\s+(metro|kilo)\b/g, '0.5 $1s')
    .replace(/\bmedia\s+(yarda)\b/g, '0.5 $1s');
};

function saidMeasures(text: string): Said[] {
  const out: Said[] = [];
  for (const m of allMatches(halvesAsDecimals(fold(text).toLowerCase()), MEASURE)) {
    const value = Number((m[1] ?? '').replace(',', '.'));
    if (!(value > 0)) continue;
    const label = m[1] ?? String(value);
    if (/^(?:metros?|mts?|m|meters?)$/.test(m[2] ?? '')) out.push({ value, label: `${label} m`, to: 'pie', factor: 3.28084 });
    // A yard is three feet, exactly.
    else if (/^(?:yardas?|yards?|yds?)$/.test(m[2] ?? '')) out.push({ value, label: `${label} yd`, to: 'pie', factor: 3 });
    else out.push({ value, label: `${label} kg`, to: 'libra', factor: 2.20462 });
  }
  return out;
}

/** The query without the measure converted into a count ("cable de 12 de 100 metros" → "cable de 12"); unchanged when nothing would be left. */
function withoutMeasure(query: string, said: Said): string {
  const number = String(said.value).replace('.', '[.,]');
  const stripped = fold(query)
    .replace(new RegExp(String.raw`(?:\b(?:de|of)\s+)?(?<![\d/.])${number}\s*${UNIT_WORDS}(?![a-z0-9])`), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped === '' || stripped === fold(query).trim() ? query : stripped;
}

export interface Conversion {
  sku: string;
  said: string;
  quantity: number;
  unit: string;
}

/**
 * The brain's items with a quantity said in metres or kilos, for products sold by the foot or the
 * pound, counted in the selling unit (rounded up); with the conversions made. A count the brain
 * already converted ("cable 14 50 metros" read as 165) is recognised and said too.
 */
export function inSellingUnits(index: CatalogIndex, input: ProductActorInput, text: string | undefined, catalog: readonly Product[] = []): { input: ProductActorInput; conversions: Conversion[] } {
  const onCounter = text ? lengthOnCounter(index, input, text, catalog) : null;
  if (onCounter) return onCounter;
  input = withItemsAsSaid(index, input, text);
  const byWeight = text ? (inPieces(index, input, text) ?? piecesForLength(index, input, text)) : null;
  if (byWeight) return byWeight;
  const measures = text ? saidMeasures(text) : [];
  if (measures.length === 0) return wholeUnits(index, input, text);
  const conversions: Conversion[] = [];
  const used = new Set<Said>();
  const products = input.understanding.products.map((item) => {
    const product = item.query.trim() !== '' ? index.search(item.query, { limit: 1 })[0]?.product : undefined;
    if (!product) return item;
    const unit = soldBy(product);
    const said = measures.find((m) => {
      if (used.has(m) || m.to !== unit) return false;
      const converted = Math.ceil(m.value * m.factor - 1e-9);
      // The count as said (50 read as 50 feet), as the brain converted it (165), or none given.
      return item.quantity === undefined || item.quantity === m.value || item.quantity === converted || item.quantity === Math.trunc(m.value);
    });
    if (!said) return item;
    used.add(said);
    const quantity = Math.ceil(said.value * said.factor - 1e-9);
    conversions.push({ sku: product.sku, said: said.label, quantity, unit: product.unit });
    // The length or weight is how much, not a size to match: "cable de 12 de 100 metros" is the #12 wire.
    const query = withoutMeasure(item.query, said);
    return { ...item, quantity, ...(query !== item.query ? { query } : {}) };
  });
  if (conversions.length === 0) return wholeUnits(index, input, text);
  return { input: { ...input, understanding: { ...input.understanding, products } }, conversions };
}

/**
 * "2,5 galones de pintura", "1.5 metros de arena": a part of what is sold whole is the next whole
 * one, said aloud ("📏 2,5 galones ≈ 3 galones"), never the count cut down to 2 without a word. A
 * part of what is weighed or cut ("media libra de clavos") is that part (`soldInParts`).
 */
function wholeUnits(index: CatalogIndex, input: ProductActorInput, text?: string): { input: ProductActorInput; conversions: Conversion[] } {
  const conversions: Conversion[] = [];
  const products = input.understanding.products.map((given) => {
    const product = given.query.trim() !== '' ? index.search(given.query, { limit: 1 })[0]?.product : undefined;
    // "media libra de clavos", "3 y medio metros de arena": the half said in the selling unit is the amount.
    const several = input.understanding.products.length >= 2;
    // In a list, the part naming the item says its amount ("media libra de clavos y 2 libras de alambre").
    const piece = several && text !== undefined ? pieceNaming(text, given.query) : text;
    // "and 20 lbs of tie wire": the pounds are how much, not a size.
    const half = product && piece !== undefined ? (halfOfProduct(piece, product) ?? (given.quantity === undefined ? poundsOfProduct(piece, product) : undefined)) : undefined;
    const item = half !== undefined && (given.quantity === undefined || given.quantity === Math.trunc(half) || several) ? { ...given, quantity: half } : given;
    // "dos docenas de bisagras", sold by the pair: 24 pairs, said so ("2 docenas ≈ 24 pares").
    const dozens = product && text !== undefined && item.quantity !== undefined && Number.isInteger(item.quantity) ? dozensOfPairs(text, product) : undefined;
    if (product && dozens !== undefined && item.quantity !== undefined) {
      conversions.push({ sku: product.sku, said: dozens, quantity: item.quantity, unit: product.unit });
      return item;
    }
    if (item.quantity === undefined || !(item.quantity > 0) || Number.isInteger(item.quantity)) return item;
    if (!product) return item;
    // "media libra de clavos", "1.5 lb of tie wire": weighed or cut to the amount, priced as said.
    if (soldInParts(product.unit)) return { ...item, quantity: Math.round(item.quantity * 100) / 100 };
    const quantity = Math.ceil(item.quantity - 1e-9);
    const written = input.lang === 'es' ? String(item.quantity).replace('.', ',') : String(item.quantity);
    conversions.push({ sku: product.sku, said: `${written} ${countUnit(product.unit, item.quantity, input.lang)}`, quantity, unit: product.unit });
    return { ...item, quantity };
  });
  // "dame medio saco" after the cement: the whole sack, said ("0,5 sacos ≈ 1 saco").
  const onCounter = products.length === 0 && input.focus && text !== undefined ? index.search(input.focus.name, { limit: 1 })[0]?.product : undefined;
  const part = onCounter && onCounter.sku === input.focus?.sku && !soldInParts(onCounter.unit) ? halfOfProduct(text as string, onCounter) : undefined;
  if (onCounter && part !== undefined && !Number.isInteger(part)) {
    conversions.push({ sku: onCounter.sku, said: `${countText(part, input.lang)} ${countUnit(onCounter.unit, part, input.lang)}`, quantity: Math.ceil(part), unit: onCounter.unit });
  }
  const changed = products.some((item, i) => item !== input.understanding.products[i]);
  return !changed ? { input, conversions } : { input: { ...input, understanding: { ...input.understanding, products } }, conversions };
}

/** The answer with the conversions said first, for the products it prices ("📏 50 m ≈ 165 pies."). */
export function withConversions(out: ProductActorOutput, conversions: readonly Conversion[], lang: Lang): ProductActorOutput {
  if (conversions.length === 0 || (out.outcome !== 'answered' && out.outcome !== 'estimate' && out.outcome !== 'multi_quote')) return out;
  // "a 10 metros del breaker": the estimate says the metres in feet itself ("10 m son unos 33 pies").
  if (out.replies.some((r) => 'template' in r && /^product\.usage_(?:feet|length)/.test(r.template))) return out;
  const priced = new Set([out.focus?.sku, out.reserve?.sku, ...(out.lines ?? []).map((l) => l.sku)]);
  const notes: ReplyDirective[] = conversions
    .filter((c) => priced.has(c.sku))
    .map((c) => ({ template: 'product.converted', params: { said: c.said, quantity: c.quantity, units: countUnit(c.unit, c.quantity, lang), unit: priceUnit(c.unit, lang) } }));
  return notes.length > 0 ? { ...out, replies: [...notes, ...out.replies] } : out;
}

/** "2 quintales", "un quintal", "el quintal", "2 qq": quintals (100 lb) said, as DR customers buy rebar. */
const QUINTALS = /(?:^|[^\d/.])(?:(\d+(?:[.,]\d+)?|un|una|medio|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s*|(?:el|del|al|por)\s+)(?:quintal(?:es)?|qq)(?![a-z])/;
const QUINTAL_WORDS: Readonly<Record<string, number>> = { un: 1, una: 1, medio: 0.5, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10 };
const POUNDS_PER_QUINTAL = 100;

/** The message says quintals ("el quintal", "2 qq"). */
export function saysQuintals(text: string): boolean {
  return QUINTALS.test(fold(text));
}

/**
 * "2 quintales de varilla de 3/8", "¿cuánto cuesta el quintal de varilla?": quintals of a product
 * sold by the piece whose weight the catalog gives (`weight_lb`), counted in pieces (rounded up),
 * with the conversion said; null when no quintal is said or the product has no weight.
 */
function inPieces(index: CatalogIndex, input: ProductActorInput, text: string): { input: ProductActorInput; conversions: Conversion[] } | null {
  const m = QUINTALS.exec(fold(text));
  if (!m) return null;
  const value = m[1] === undefined ? 1 : /\d/.test(m[1]) ? Number(m[1].replace(',', '.')) : (QUINTAL_WORDS[m[1]] ?? 1);
  if (!(value > 0)) return null;
  const conversions: Conversion[] = [];
  const products = input.understanding.products.map((item) => {
    const query = item.query.replace(/\b(?:quintal(?:es)?|qq)\b/g, ' ').replace(/\s+/g, ' ').trim();
    const product = query !== '' ? index.search(query, { limit: 1 })[0]?.product : undefined;
    // A sack's weight is in its unit ("saco 42.5 kg", about 94 lb): a quintal is about one sack, counted to the nearest.
    const sack = product && !product.weight_lb ? sackPounds(product) : undefined;
    const pounds = product?.weight_lb ?? sack;
    if (!product || !pounds || conversions.length > 0 || (item.quantity !== undefined && item.quantity !== value)) return item;
    const quantity = sack !== undefined ? Math.max(1, Math.round((value * POUNDS_PER_QUINTAL) / sack)) : Math.ceil((value * POUNDS_PER_QUINTAL) / pounds - 1e-9);
    conversions.push({ sku: product.sku, said: `${value} qq (${value * POUNDS_PER_QUINTAL} lb)`, quantity, unit: product.unit });
    return { ...item, query, quantity };
  });
  if (conversions.length === 0) return null;
  // The quintal is said (the conversion note): it is no pack of the product to look for ("No lo tengo en quintal").
  const said = input.text?.replace(/\b(?:quintal(?:es)?|qq)\b/gi, ' ');
  return { input: { ...input, ...(said !== undefined ? { text: said } : {}), understanding: { ...input.understanding, products } }, conversions };
}


/** A length said as an amount of the goods after it, in metres or feet: "20 metros de", "100 feet of" ("manguera de 100 pies" is the hose's size). */
const LENGTH = /(?:^|[^\d/.])(\d+(?:[.,]\d+)?)\s*(metros?|mts?|m|meters?|metres?|pies?|ft|feet|foot)(?=\s+(?:de|of)\b)/g;
/** A piece's length as the catalog names it: "(6 m)", "(20 pies)", "(10 pies)", "1/2\" x 50 pies". */
const PIECE_LENGTH = /(?:\(|\bx\s*)(\d+(?:\.\d+)?)\s*(m|pies)(?:\)|$)/i;

/**
 * "20 metros de tubo pvc de media", "60 pies de varilla": a length of goods sold by the piece whose
 * name gives the piece's length ("Tubo PVC 1/2\" SDR-26 (6 m)") is the pieces that make it, rounded
 * up and said aloud ("📏 20 m ≈ 4 unidades"), never 20 pipes of 6 m. Null when no such length is said.
 */
function piecesForLength(index: CatalogIndex, input: ProductActorInput, text: string): { input: ProductActorInput; conversions: Conversion[] } | null {
  const lengths = allMatches(halvesAsDecimals(fold(text).toLowerCase()), LENGTH);
  if (lengths.length !== 1 || input.understanding.products.length !== 1) return null;
  const [m] = lengths;
  const value = Number((m![1] ?? '').replace(',', '.'));
  const feet = /^(?:pies?|ft|feet|foot)$/.test(m![2] ?? '');
  const item = input.understanding.products[0]!;
  const query = withoutMeasure(item.query, { value, label: '', to: 'pie', factor: 1 }).replace(new RegExp(String.raw`(?:\b(?:de|of)\s+)?\b${String(value).replace('.', '[.,]')}\s*(?:pies?|ft|feet|foot)\b`), ' ').replace(/\s+/g, ' ').trim() || item.query;
  const product = index.search(query, { limit: 1 })[0]?.product;
  const piece = product && soldBy(product) === 'unidad' ? PIECE_LENGTH.exec(product.name) : null;
  if (!product || !piece || !(value > 0) || (item.quantity !== undefined && item.quantity !== value)) return null;
  // "tubo pvc de 6 metros": the piece's own length describes it, a count of none.
  if (item.quantity === undefined && Number(piece[1]) === value && /^pies$/i.test(piece[2] ?? '') === feet) return null;
  const pieceMetres = Number(piece[1]) * (/^pies$/i.test(piece[2] ?? '') ? FOOT_M : 1);
  const quantity = Math.ceil((value * (feet ? FOOT_M : 1)) / pieceMetres - 1e-9);
  const said = `${m![1]} ${feet ? (input.lang === 'es' ? 'pies' : 'ft') : 'm'}`;
  return { input: { ...input, understanding: { ...input.understanding, products: [{ ...item, query, quantity }] } }, conversions: [{ sku: product.sku, said, quantity, unit: product.unit }] };
}
const FOOT_M = 0.3048;

/**
 * A length alone after a product: "necesito 30 metros" after the 6 m PVC pipe is 5 pipes, never 30;
 * "dame 30 metros" after the wire sold by the foot is 99 feet, never 30 — said aloud like the
 * conversions of a first message. A length one of its kind is cut to ("y en 12 pies?" after the 10'
 * board, "6 metros" of the 6 m pipe) is a size asked, left to the product tool as before.
 */
function lengthOnCounter(index: CatalogIndex, input: ProductActorInput, text: string, catalog: readonly Product[]): { input: ProductActorInput; conversions: Conversion[] } | null {
  if (input.understanding.products.length > 0 || !input.focus) return null;
  const asked = readFollowUpQuantity(text);
  if (asked?.unit === undefined || asked.change !== undefined) return null;
  const feet = /^(?:pies?|feet|foot|ft)$/.test(asked.unit);
  if (!feet && !/^(?:metros?|meters?|metres?|mts?|m)$/.test(asked.unit)) return null;
  const product = catalog.find((p) => p.sku === input.focus?.sku);
  if (!product) return null;
  const metres = asked.quantity * (feet ? FOOT_M : 1);
  let quantity: number;
  if (soldBy(product) === 'pie' && !feet) quantity = Math.ceil(asked.quantity * 3.28084 - 1e-9);
  else {
    const pieceOf = (p: Product): number | undefined => {
      const piece = soldBy(p) === 'unidad' ? PIECE_LENGTH.exec(p.name) : null;
      return piece ? Number(piece[1]) * (/^pies$/i.test(piece[2] ?? '') ? FOOT_M : 1) : undefined;
    };
    const piece = pieceOf(product);
    const kind = (p: Product): string => `${p.category} ${fold(p.name).split(/\s+/)[0]}`;
    if (piece === undefined || metres <= piece + 1e-6 || catalog.some((p) => kind(p) === kind(product) && Math.abs((pieceOf(p) ?? -1) - metres) < 0.01)) return null;
    quantity = Math.ceil(metres / piece - 1e-9);
  }
  const said = `${asked.quantity} ${feet ? (input.lang === 'es' ? 'pies' : 'ft') : 'm'}`;
  return { input: { ...input, understanding: { ...input.understanding, products: [{ query: product.name, quantity }] } }, conversions: [{ sku: product.sku, said, quantity, unit: product.unit }] };
}
