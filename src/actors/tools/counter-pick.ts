/**
 * A count of one of the options on the counter, picked by its place ("dame 2 de la primera") or by
 * the words that tell it from the others ("dame 20 de la grado 60" after the 1/2" rebar in grade
 * 40 and 60, "3 de la satinada", "la grado 60, 20"). A clerk takes the one pointed at from what is
 * on the counter; searching the words afresh gave another size ("grado 60" → the 3/8" one).
 */
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductFocus } from '../../machines/conversation.contract.js';
import { countedPick } from '../../machines/product-focus.js';
import { foldAccents } from '../../kernel/fold.js';

const NUMBERS: Readonly<Record<string, number>> = { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, quince: 15, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twenty: 20, fifty: 50, hundred: 100 };
const TAKE = String.raw`(?:(?:ok|dale|pues|entonces|y|and|bueno|si)\s+)*(?:(?:dame|deme|ponme|pongame|quiero|necesito|ocupo|mandame|me\s+das|me\s+llevo|llevo|give\s+me|i\s+want|i\s+need|i\s+ll\s+take|ill\s+take)\s+)?`;
const UNIT = String.raw`(?:unidades?|units?|piezas?|sacos?|fundas?|bags?|galon(?:es)?|gallons?|cubetas?|buckets?|pies?|feet|metros?|rollos?|laminas?|planchas?|libras?|cajas?)`;
/** "20 de la grado 60", "dame 3 galones de la satinada". */
const COUNT_OF = new RegExp(String.raw`^${TAKE}(\d{1,5}|[a-z]+)\s+(?:${UNIT}\s+)?(?:de|del|of)\s+(.+)$`);
/** "la grado 60, 20", "el colonial 20". */
const WORDS_THEN_COUNT = new RegExp(String.raw`^${TAKE}((?:la|el|los|las|the)\s+.+?)[\s,]+(\d{1,5})(?:\s+${UNIT})?$`);
const ARTICLES = new Set(['la', 'el', 'los', 'las', 'lo', 'the', 'de', 'del', 'of', 'one', 'ones', 'esa', 'ese', 'that']);

const wordsOf = (s: string): string[] => foldAccents(s).replace(/[^a-z0-9\s]+/g, ' ').split(/\s+/).filter((w) => w !== '');

/** The option of `products` whose own words (those not every option shares) are the only ones `said` names, or null. */
function namedOption(products: readonly Product[], said: string): Product | null {
  const asked = wordsOf(said).filter((w) => !ARTICLES.has(w));
  if (asked.length === 0) return null;
  const names = products.map((p) => new Set(wordsOf(p.name)));
  const shared = new Set([...(names[0] ?? [])].filter((w) => names.every((n) => n.has(w))));
  // Every word said must be of the product ("la grado 60"); one that is not ("arena") means another product.
  const hits = products.filter((_, i) => asked.every((w) => (names[i] as Set<string>).has(w)) && asked.some((w) => !shared.has(w)));
  return hits.length === 1 ? (hits[0] as Product) : null;
}

/** The option picked and how many, or null when the message is no such pick (see the module comment). */
export function pickOnCounter(tenant: TenantData, focus: ProductFocus | undefined, text: string): { product: Product; quantity: number } | null {
  const skus = focus?.options;
  if (!skus || skus.length < 2) return null;
  const products = skus.map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => p !== undefined);
  const byPlace = countedPick(text, skus.length);
  if (byPlace) {
    const product = tenant.catalog.find((p) => p.sku === skus[byPlace.index]);
    return product ? { product, quantity: byPlace.quantity } : null;
  }
  const f = foldAccents(text).replace(/['’]/g, '').replace(/[¿?¡!.;]+/g, ' ').replace(/\s+/g, ' ').trim();
  const countOf = COUNT_OF.exec(f);
  const wordsThen = countOf ? null : WORDS_THEN_COUNT.exec(f);
  const count = countOf?.[1] ?? wordsThen?.[2];
  const said = countOf?.[2] ?? wordsThen?.[1];
  if (count === undefined || said === undefined) return null;
  const quantity = /^\d+$/.test(count) ? Number(count) : NUMBERS[count];
  if (quantity === undefined || quantity <= 0) return null;
  const product = namedOption(products, said);
  return product ? { product, quantity } : null;
}
