/**
 * How the customer said the items, read before they are priced: a count said apart from the
 * product ("tienen cemento? necesito 40 sacos", "tienen tubo de 4? necesito 3"), "un par de"
 * (two, or one pair of what is sold by the pair), and what an item is for ("10 sacos de cemento
 * para una losa": the slab is the purpose, not a second item).
 */
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import { fold } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import type { Product } from '../../domain/tenant.js';
import { speaksOfSlab, withoutSlab } from './slab-job.js';
import { boardQuery } from './board-length.js';

/** The head of a product's selling unit: "pie", "libra", "par", "saco". */
export const soldBy = (product: Product): string => fold(product.unit).split(/\s+/)[0] ?? '';

const PAIR_COUNTS: Readonly<Record<string, number>> = { un: 1, uno: 1, una: 1, a: 1, one: 1, dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6, diez: 10, ten: 10 };
const PAIRS = /(?:^|\s)(\d+|[a-z]+)\s+(?:pares|par|pairs?)\s+(?:de|of)\s/;
/** "a couple of pairs of gloves", "un par de pares de guantes": two pairs. */
const PAIRS_OF_PAIRS = /(?:^|\s)(?:a|un)\s+(?:couple|par)\s+(?:of|de)\s+(?:pairs|pares)\s+(?:of|de)\s/;

/**
 * The count of the one product asked for when it is said apart from its name: "tienen cemento?
 * necesito 40 sacos", "disponibilidad de cemento porque necesito como 40 fundas" (the reading's one
 * count, left unattached), "un par de brochas" (two; a pair of what is sold by the pair is one).
 */
function withCountSaidApart(index: CatalogIndex, input: ProductActorInput, text: string | undefined): ProductActorInput {
  const products = input.understanding.products;
  const only = products[0];
  if (products.length !== 1 || !only || only.quantity !== undefined || text === undefined) return input;
  let quantity: number | undefined;
  const pairOfPairs = PAIRS_OF_PAIRS.test(fold(text));
  const pair = pairOfPairs ? null : PAIRS.exec(fold(text));
  if (pair || pairOfPairs) {
    const n = pairOfPairs ? 2 : /^\d+$/.test(pair?.[1] ?? '') ? Number(pair?.[1]) : PAIR_COUNTS[pair?.[1] ?? ''];
    const product = index.search(only.query, { limit: 1 })[0]?.product;
    if (n !== undefined && n > 0 && product) quantity = soldBy(product) === 'par' ? n : n * 2;
  } else {
    // Only a count of packs or pieces: "250 galones" said of a tank is its size.
    const counts = input.understanding.nlu.entities.filter((e) => e.type === 'quantity');
    const counted = counts.length === 1 && COUNTED.test(fold(text.slice(counts[0]!.start, counts[0]!.end)));
    const bare = BARE_COUNT.exec(fold(text))?.[1];
    const n = counted ? Number(counts[0]?.value) : counts.length === 0 && bare !== undefined ? Number(bare) : NaN;
    const product = Number.isInteger(n) && n > 0 ? index.search(only.query, { limit: 1 })[0]?.product : undefined;
    // A number the product's name carries ("Tinaco 250 Galones") is its size, not how many.
    if (product && !new RegExp(`(?:^|[^\\d/.])${n}(?![\\d/.])`).test(product.name)) quantity = n;
  }
  if (quantity === undefined) return input;
  return { ...input, understanding: { ...input.understanding, products: [{ ...only, quantity }] } };
}

/** A count of packs or pieces, or a bare number: "40 fundas", "10 unidades", "3". */
const COUNTED = /^\s*\d+\s*(?:sacos?|fundas?|bolsas?|quintal(?:es)?|unidad(?:es)?|piezas?|cubetas?|rollos?|cajas?|paquetes?|bags?|units?|pieces?|buckets?|rolls?|box(?:es)?|packs?)?\s*$/;

/** "necesito 3", "dame 20", "serían unos 15": a bare count after the verb of wanting. */
const BARE_COUNT = /\b(?:necesito|ocupo|quiero|dame|deme|damelo|mandame|mandeme|serian|seria|son|i need|i want|give me)\s+(?:como\s+|unos?\s+|unas\s+|about\s+)?(\d{1,4})(?!\s*(?:\/|"|pulg|in\b|inch|m\b|mts?|metros?|pies|feet|ft|kg|kilos?|lbs?|libras?|galon|gal|sacos?|fundas?|de\s))(?:\s|$|[?.!,])/;

/** "cemento para una losa", "tornillos para fijar las planchas de zinc": an item right after "para" when another was named before it is the purpose. */
const PURPOSE_BEFORE =
  /\b(?:para|pa|pal|for)\s+(?:(?:fijar|clavar|pegar|sujetar|amarrar|asegurar|instalar|poner|fix|fasten|attach|secure|hold|install)(?:\s+down)?\s+)?(?:(?:el|la|los|las|un|una|unos|unas|mi|mis|my|a|an|the)\s+)?(?:(?:planchas?|laminas?|hojas?|sheets?|panels?)\s+(?:de|of)\s+)?$/;

export function withItemsAsSaid(index: CatalogIndex, input: ProductActorInput, text: string | undefined): ProductActorInput {
  return withCountSaidApart(index, withoutPurposes(withoutTheSlab(withBoardsBySize(input), text), text, index), text);
}

/** "10 tablas 2x4 de 10": boards named by their cross-section are lumber of that size (`boardQuery`). */
function withBoardsBySize(input: ProductActorInput): ProductActorInput {
  const products = input.understanding.products;
  const boards = products.map((p) => ({ ...p, query: boardQuery(p.query) }));
  return boards.every((b, i) => b.query === products[i]?.query) ? input : { ...input, understanding: { ...input.understanding, products: boards } };
}

/** "necesito concreto para una losa", "varilla para losa": the slab is the job, not the floor tiles the catalog also calls "losa" (see `slab-job.ts`). */
function withoutTheSlab(input: ProductActorInput, text: string | undefined): ProductActorInput {
  const { products, nlu } = input.understanding;
  if (text === undefined || !products.some((p) => withoutSlab(p.query) !== p.query) || !speaksOfSlab(text)) return input;
  const entities = nlu.entities.flatMap((e) => (e.type !== 'product' ? [e] : withoutSlab(e.value) === '' ? [] : [{ ...e, value: withoutSlab(e.value) }]));
  const kept = products.flatMap((p) => (withoutSlab(p.query) === '' ? [] : [{ ...p, query: withoutSlab(p.query) }]));
  return { ...input, understanding: { ...input.understanding, products: kept, nlu: { ...nlu, entities } } };
}

function withoutPurposes(input: ProductActorInput, text: string | undefined, index: CatalogIndex): ProductActorInput {
  const { products, nlu } = input.understanding;
  if (text === undefined || products.length < 2) return input;
  const spans = nlu.entities.filter((e) => e.type === 'product');
  const folded = fold(text);
  const purposes = new Set(spans.filter((e, i) => i > 0 && PURPOSE_BEFORE.test(folded.slice(spans[i - 1]!.end, e.start))).map((e) => e.value));
  if (purposes.size === 0) return input;
  const left = products.filter((p) => !purposes.has(p.query) || p.quantity !== undefined);
  if (left.length === products.length || left.length === 0) return input;
  const kept = left.length === 1 ? left.map((p) => ({ ...p, query: forThePurpose(index, p.query, [...purposes], input.lang) })) : left;
  return { ...input, understanding: { ...input.understanding, products: kept, nlu: { ...nlu, entities: nlu.entities.filter((e) => e.type !== 'product' || !purposes.has(e.value)) } } };
}

/**
 * "tornillos para el zinc": of the things the item's words name, the one of the purpose's line of
 * goods (the roofing screws beside the zinc sheets), by its name; the item as said otherwise.
 */
function forThePurpose(index: CatalogIndex, query: string, purposes: readonly string[], lang: string): string {
  const lines = new Set(purposes.map((p) => index.search(p, { limit: 1 })[0]?.product.category).filter((c): c is string => c !== undefined));
  const found = index.search(query, { limit: 8 });
  if (lines.size === 0 || found.length === 0) return query;
  // Only when the best match is of another line and one of the purpose's is there too.
  const ofLine = found.filter((f) => lines.has(f.product.category));
  const product = ofLine.length === 1 && !lines.has(found[0]!.product.category) ? ofLine[0]!.product : undefined;
  if (!product) return query;
  // Said in the customer's language: an English alias that finds it ("roofing screw"), else its name.
  const names = lang === 'en' ? [...(product.aliases ?? []).filter((a) => /^[a-z\s]+$/i.test(a)), product.name] : [product.name];
  return names.find((n) => index.search(n, { limit: 1 })[0]?.product.sku === product.sku) ?? query;
}
