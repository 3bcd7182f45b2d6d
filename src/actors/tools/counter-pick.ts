/**
 * A count of one of the options on the counter, picked by its place ("dame 2 de la primera") or by
 * the words that tell it from the others ("dame 20 de la grado 60" after the 1/2" rebar in grade
 * 40 and 60, "3 de la satinada", "la grado 60, 20"). A clerk takes the one pointed at from what is
 * on the counter; searching the words afresh gave another size ("grado 60" → the 3/8" one).
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { countedPicks } from '../../machines/counted-picks.js';
import { countedPick, pickedOption } from '../../machines/product-focus.js';
import type { CatalogIndex } from './catalog-search.js';
import { estimateLines, multiQuote } from './product-estimate.js';
import { optionsFor } from './product-parts.js';
import { foldAccents } from '../../kernel/fold.js';

const NUMBERS: Readonly<Record<string, number>> = { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twenty: 20, fifty: 50, hundred: 100 };
const TAKE = String.raw`(?:(?:ok|dale|pues|entonces|y|and|bueno|si)\s+)*(?:(?:dame|deme|ponme|pongame|quiero|necesito|ocupo|mandame|me\s+das|me\s+llevo|llevo|give\s+me|i\s+want|i\s+need|i\s+ll\s+take|ill\s+take)\s+)?`;
const UNIT = String.raw`(?:unidades?|units?|piezas?|sacos?|fundas?|bags?|galon(?:es)?|gallons?|cubetas?|buckets?|pies?|feet|metros?|rollos?|laminas?|planchas?|libras?|cajas?)`;
/** "20 de la grado 60", "dame 3 galones de la satinada". */
const COUNT_OF = new RegExp(String.raw`^${TAKE}(\d{1,5}|[a-z]+)\s+(?:${UNIT}\s+)?(?:de|del|of)\s+(.+)$`);
/** "la grado 60, 20", "el colonial 20". */
const WORDS_THEN_COUNT = new RegExp(String.raw`^${TAKE}((?:la|el|los|las|the)\s+.+?)[\s,]+(\d{1,5})(?:\s+${UNIT})?$`);
/** "dame 20 varillas": a count, then the kind's words (no "de"). */
const COUNT_THEN_KIND = new RegExp(String.raw`^${TAKE}(\d{1,5})\s+(?!(?:de|del|of)\s)([a-z][a-z\s]*)$`);
const ARTICLES = new Set(['la', 'el', 'los', 'las', 'lo', 'the', 'de', 'del', 'of', 'one', 'ones', 'esa', 'ese', 'that']);

const wordsOf = (s: string): string[] => foldAccents(s).replace(/[^a-z0-9\s]+/g, ' ').split(/\s+/).filter((w) => w !== '');
/** English words for what tells options apart, as the catalog's (Spanish) names say them: "30 of the grade 60". */
const CATALOG_WORD: Readonly<Record<string, string>> = {
  grade: 'grado', gauge: 'calibre', white: 'blanco', gray: 'gris', grey: 'gris', black: 'negro', green: 'verde', satin: 'satinada', feet: 'pies', foot: 'pies', ft: 'pies', bucket: 'cubeta', gallon: 'galon', pole: 'polo', poles: 'polos',
  // "the Tropical bone white one", "the red one", "the acrylic": the other colour, finish and kind words of the names.
  bone: 'hueso', ivory: 'hueso', pearl: 'perla', red: 'rojo', blue: 'azul', yellow: 'amarillo', brown: 'marron', orange: 'naranja', clear: 'transparente', acrylic: 'acrilica', oil: 'aceite', enamel: 'esmalte', glossy: 'brillante', gloss: 'brillante', matte: 'mate', galvanized: 'galvanizado',
};

/** The option of `products` whose own words (those not every option shares) are the only ones `said` names, or null. */
export function namedOption(products: readonly Product[], said: string): Product | null {
  const asked = wordsOf(said).filter((w) => !ARTICLES.has(w)).map((w) => CATALOG_WORD[w] ?? w);
  if (asked.length === 0) return null;
  const names = products.map((p) => new Set(wordsOf(p.name)));
  const shared = new Set([...(names[0] ?? [])].filter((w) => names.every((n) => n.has(w))));
  // Every word said must be of the product ("la grado 60"); one that is not ("arena") means another product.
  const hits = products.filter((_, i) => asked.every((w) => (names[i] as Set<string>).has(w)) && asked.some((w) => !shared.has(w)));
  return hits.length === 1 ? (hits[0] as Product) : null;
}

/** The option picked and how many, or null when the message is no such pick (see the module comment). */
export function pickOnCounter(tenant: TenantData, focus: ProductFocus | undefined, text: string): { product: Product; quantity?: number } | null {
  const skus = focus?.options;
  if (!skus || skus.length < 2) return focus ? pickInFamily(tenant, focus, text) : null;
  const products = skus.map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  const byPlace = countedPick(text, skus.length);
  if (byPlace) {
    const product = tenant.catalog.find((p) => p.sku === skus[byPlace.index]);
    return product ? { product, quantity: byPlace.quantity } : null;
  }
  const counted = countAndWords(text);
  const product = counted ? namedOption(products, counted.said) : null;
  if (product && counted) return { product, quantity: counted.quantity };
  // "el de drywall", "la de techo", "the drywall one": the option those words tell apart, no count said
  // (after a job's sizes, "el porcelanato" is what goes there, worked out for them: not this).
  const pointed = focus.sizes || focus.measure ? undefined : POINTED.exec(foldAccents(text).replace(/['’]/g, '').replace(/[¿?¡!.;,]+/g, ' ').replace(/\s+/g, ' ').trim())?.[1];
  const named = pointed !== undefined ? namedOption(products, pointed) : null;
  // A count waiting for the pick ("dame 20 de esa" → "¿cuál?") is the pick's.
  return named ? { product: named, ...(focus?.quantity !== undefined ? { quantity: focus.quantity } : {}) } : null;
}

/**
 * "dame 10 del Cibao", "20 sacos del Colonial" after one cement was shown: a count of another of its
 * family (same shelf, same first word of the name) named by what tells it apart — its brand, mostly.
 * A clerk hands over that one, counted; null unless the words name exactly one of the family.
 */
function pickInFamily(tenant: TenantData, focus: ProductFocus, text: string): { product: Product; quantity: number } | null {
  if (!FAMILY_COUNT.test(foldAccents(text))) return null;
  const shown = tenant.catalog.find((p) => p.sku === focus.sku);
  const counted = shown ? countAndWords(text) : null;
  if (!shown || !counted) return null;
  const head = wordsOf(shown.name)[0];
  const family = tenant.catalog.filter((p) => p.category === shown.category && wordsOf(p.name)[0] === head);
  const product = family.length >= 2 ? namedOption(family, counted.said) : null;
  return product && product.sku !== shown.sku ? { product, quantity: counted.quantity } : null;
}
/** Cheap gate: a count followed by "de"/"del"/"of" somewhere in the message. */
const FAMILY_COUNT = /\d\s+(?:[a-z]+\s+)?(?:de|del|of)\s/i;

/** "el de drywall", "ok, la de techo", "the drywall one": an option pointed at by its words alone. */
const POINTED = new RegExp(String.raw`^${TAKE}(?:el|la|los|las|the)\s+(?:(?:de|del|of\s+the|for)\s+(?:la\s+|el\s+)?)?([a-z][a-z0-9\s]*?)(?:\s+ones?)?$`);

/** "20 de la grado 60", "la grado 60, 20": the count and the words said of what it is of. */
function countAndWords(text: string): { quantity: number; said: string } | null {
  const f = foldAccents(text).replace(/['’]/g, '').replace(/[¿?¡!.;]+/g, ' ').replace(/\s+/g, ' ').trim();
  const countOf = COUNT_OF.exec(f);
  const wordsThen = countOf ? null : WORDS_THEN_COUNT.exec(f);
  const count = countOf?.[1] ?? wordsThen?.[2];
  const said = countOf?.[2] ?? wordsThen?.[1];
  if (count === undefined || said === undefined) return null;
  const quantity = /^\d+$/.test(count) ? Number(count) : NUMBERS[count];
  return quantity === undefined || quantity <= 0 ? null : { quantity, said };
}

/**
 * "dame 20 de la varilla" with the 1/2" rebar in grades 40 and 60 on the counter: words every option
 * shares name no one of them; a clerk keeps the count and asks which, naming them (never the whole
 * line again in every size). Null when the words tell one option or name something else.
 */
export function countOfShownKind(tenant: TenantData, focus: ProductFocus | undefined, text: string, lang: Lang): ProductActorOutput | null {
  const products = (focus?.options ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  // ...or the count before the kind: "dame 20 varillas", "give me 20 rebars".
  const plain = foldAccents(text).replace(/['’]/g, '').replace(/[¿?¡!.;,]+/g, ' ').replace(/\s+/g, ' ').trim();
  const bare = COUNT_THEN_KIND.exec(plain);
  const counted = products.length >= 2 ? (countAndWords(text) ?? (bare && /^\d+$/.test(bare[1] as string) ? { quantity: Number(bare[1]), said: bare[2] as string } : null)) : null;
  if (!focus || !counted || counted.quantity <= 0) return null;
  const asked = wordsOf(counted.said).filter((w) => !ARTICLES.has(w));
  // The words of each option's name and aliases ("rebar", "pintura de aceite"), singular too.
  const names = products.map((p) => new Set([p.name, ...(p.aliases ?? [])].flatMap(wordsOf).flatMap((w) => [w, w.replace(/e?s$/, '')])));
  if (asked.length === 0 || !asked.every((w) => names.every((n) => n.has(w) || n.has(w.replace(/e?s$/, ''))))) return null;
  const named = products.map((p) => `*${p.name}*`);
  const params = { quantity: String(counted.quantity), names: `${named.slice(0, -1).join(', ')} ${lang === 'en' ? 'or' : 'o'} ${named.at(-1)}` };
  return { outcome: 'answered', replies: [{ template: 'product.which_of', params, options: optionsFor(products) }], focus: { ...focus, quantity: counted.quantity } };
}

/**
 * Two picks or more of the options in one message ("dame 50 de esa y 20 de la otra" after the 1/2"
 * rebar in grades 40 and 60, "2 de la primera y 3 de la segunda"): a clerk writes one line per pick
 * and the total. "esa" is the option in focus (the first shown), "la otra" one not picked yet; a
 * part that points at no option leaves the message to the other readings.
 */
export function picksOnCounter(tenant: TenantData, index: CatalogIndex, focus: ProductFocus | undefined, text: string, lang: Lang): ProductActorOutput | null {
  const skus = focus?.options;
  if (!focus || !skus || skus.length < 2) return null;
  const parts = countedPicks(text);
  if (!parts) return null;
  const products = skus.map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  const chosen: (Product | undefined)[] = [];
  for (const part of parts) {
    if (part.points === 'this' || part.points === 'other') {
      chosen.push(undefined);
      continue;
    }
    const at = pickedOption(part.points, products.length);
    const product = at !== null ? products[at] : namedOption(products, part.points);
    if (!product) return null;
    chosen.push(product);
  }
  // "esa": the one in focus, unless picked by name; "la otra": the next not picked, in the order shown.
  const free = (p: Product): boolean => !chosen.includes(p);
  parts.forEach((part, i) => {
    if (chosen[i] !== undefined) return;
    const inFocus = products.find((p) => p.sku === focus.sku);
    chosen[i] = part.points === 'this' && inFocus && free(inFocus) ? inFocus : products.find((p) => free(p) && (part.points !== 'other' || p.sku !== focus.sku || products.filter(free).length === 1));
  });
  if (chosen.some((p) => p === undefined) || new Set(chosen).size !== chosen.length) return null;
  const lines = estimateLines(tenant, chosen.map((p, i) => ({ sku: (p as Product).sku, quantity: (parts[i] as { quantity: number }).quantity })));
  return multiQuote(tenant, lines, [], lang, index, false);
}
