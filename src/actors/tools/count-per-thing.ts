/**
 * A product counted by the things it goes on ("cerraduras para 30 puertas", "locks for 30 doors",
 * "llavines pa 12 puertas"): the store sells no doors; the customer wants one lock for each. A clerk
 * prices 30 of the product of the kind made for that thing (the door lock, not the padlock) and never
 * answers "No tenemos: puertas" beside one lock.
 *
 * Only when the thing counted is no product the store sells itself ("cemento para 30 blocks" asks
 * how much cement, and the blocks are goods), and not for goods sold by the pair (a door takes three
 * hinges: how many pairs is the customer's to say).
 */
import type { ProductActorInput } from '../../machines/conversation.contract.js';
import type { Product } from '../../domain/tenant.js';
import { fold } from '../catalog/index.js';
import type { CatalogIndex } from './catalog-search.js';
import { aliasHead } from './product-kinds.js';

/** Between the product and the things: "para", "pa", "for", with an "unas" / "about" before the count. */
const FOR_COUNT = /^\s*(?:para|pa|pal|for)\s+(?:(?:unas|unos|como|about|some|around)\s+)?\d+\s+$/;

/** True when some product is the thing named itself (its name's first word, or an alias's head), not only for it. */
function sellsItself(index: CatalogIndex, catalog: readonly Product[], thing: string): boolean {
  const asked = new Set(index.parse(thing).content);
  if (asked.size === 0) return false;
  const names = (word: string | undefined): boolean => word !== undefined && index.parse(word).content.some((w) => asked.has(w));
  return catalog.some((p) => names(fold(p.name).split(/[^a-z0-9]+/).find((w) => w.length > 1)) || (p.aliases ?? []).some((alias) => names(aliasHead(alias))));
}

/** The reading with the things counted folded into the product: its count, and the thing in its query to choose the kind. */
export function withCountPerThing(index: CatalogIndex, catalog: readonly Product[], input: ProductActorInput, text: string | undefined): ProductActorInput {
  const { products, nlu } = input.understanding;
  if (text === undefined || products.length !== 2 || !/\b(?:para|pa|pal|for)\s/i.test(text)) return input;
  const [product, thing] = products as [(typeof products)[number], (typeof products)[number]];
  if (product.quantity !== undefined || thing.quantity === undefined) return input;
  const spans = nlu.entities.filter((e) => e.type === 'product');
  const [first, second] = spans;
  if (spans.length !== 2 || !first || !second || first.value !== product.query || second.value !== thing.query) return input;
  if (!FOR_COUNT.test(fold(text.slice(first.end, second.start)))) return input;
  if (sellsItself(index, catalog, thing.query)) return input;
  // The kind made for the thing ("lock door" is the door lock), when the product's own words find it too.
  const own = index.search(product.query, { limit: 6 }).map((m) => m.product.sku);
  const forThing = index.search(`${product.query} ${thing.query}`, { limit: 1 })[0];
  const query = forThing && forThing.unmet.length === 0 && own.includes(forThing.product.sku) ? `${product.query} ${thing.query}` : product.query;
  const best = index.search(query, { limit: 1 })[0]?.product;
  if (!best) return input;
  const counted = fold(best.unit).startsWith('par') ? { query } : { query, quantity: thing.quantity };
  const entities = nlu.entities.filter((e) => e !== second && !(e.type === 'quantity' && e.start >= first.end && e.end <= second.end));
  return { ...input, understanding: { ...input.understanding, products: [counted], nlu: { ...nlu, entities: entities.map((e) => (e === first ? { ...e, value: query } : e)) } } };
}
export { withFocusCountApart } from './focus-count-apart.js';
