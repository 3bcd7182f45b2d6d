import type { Product, TenantData } from '../../domain/tenant.js';
import type { QuoteLine } from '../../machines/conversation.contract.js';
import type { AttributeKind } from '../catalog/index.js';
import { plainWords } from '../../kernel/plain-words.js';
import type { CatalogIndex } from './catalog-search.js';
import type { Found } from './product-parts.js';
import type { Wanted } from './product-request.js';

/**
 * A line of the estimate switched by naming only what changes, as a clerk with the order in front
 * of them hears it: "grade 60 on the rebar", "la varilla en grado 60", "the paint in grey" after an
 * estimate with 3/8 grade-40 rebar or white paint is that same line in grade 60 (still 3/8, still 20
 * pieces) or in grey, never every grade-60 size listed as options.
 */

/** What a line can be switched to by saying it alone. */
const SWITCHED: readonly AttributeKind[] = ['grade', 'colour', 'finish', 'brand', 'size'];
/** What a line keeps of its own when the customer says only what changes. */
const KEPT: readonly AttributeKind[] = ['size', 'grade', 'colour', 'finish', 'brand', 'pack'];
/**
 * A question, an addition or a request of its own rather than a change: "¿y la varilla de grado
 * 60?", "how much is the grade 60?", "también pintura gris", "do you have it in grey?", "dame la
 * varilla de 1/2" (a clerk would not strike a line the customer did not point at).
 */
const ASKS_OR_ADDS = /^(?:y|e|and|also|plus)\b|\b(?:cuanto|cuantos|cuanta|precio|cuesta|cuestan|vale|valen|tienen|tienes|hay|how much|price|cost|costs|do you have|have you got|is there|are there|tambien|ademas|agrega|agregale|anade|suma|sumale|add|too|as well|dame|deme|quiero|necesito|ocupo|give me|i want|i need)\b/;

/** Two products of one kind: one category, and the name's first word (a paint for a paint, never for the brush). */
const sameKind = (a: Product, b: Product): boolean => a.category === b.category && plainWords(a.name).split(' ')[0] === plainWords(b.name).split(' ')[0];

/** The one product of the estimate's lines of the same kind as `product`, or undefined (none, or several). */
function lineOfKind(lines: readonly Product[], product: Product): Product | undefined {
  const of = lines.filter((p) => sameKind(p, product));
  return of.length === 1 ? of[0] : undefined;
}

/** The kinds of attribute the words say, with their values, that `product`'s name gives otherwise. */
function differs(index: CatalogIndex, words: string, product: Product): AttributeKind[] {
  const said = index.parse(words).phrases;
  const own = index.parse(product.name).phrases;
  return SWITCHED.filter((k) => said[k] !== undefined && own[k] !== undefined && said[k] !== own[k]);
}

/**
 * One item said beside an estimate with an attribute its line of that kind lacks ("rebar grado 60"
 * with 3/8" grade-40 rebar on it): the item with the line's other attributes (its 3/8", its pack),
 * so that it names the one product the line becomes. Other items stay as said.
 */
export function completedLikeLine(tenant: TenantData, index: CatalogIndex, estimate: readonly QuoteLine[], wanted: readonly Wanted[]): Wanted[] {
  if (wanted.length !== 1) return [...wanted];
  const item = wanted[0] as Wanted;
  const best = index.search(item.query, { limit: 1 })[0];
  const products = estimate.map((l) => tenant.catalog.find((p) => p.sku === l.sku)).filter((p): p is Product => p !== undefined);
  const line = best ? lineOfKind(products, best.product) : undefined;
  if (!best || !line || differs(index, item.query, line).length === 0) return [...wanted];
  const said = index.parse(item.query).phrases;
  const own = index.parse(line.name).phrases;
  const kept = KEPT.filter((k) => said[k] === undefined && own[k] !== undefined).map((k) => own[k] as string);
  if (kept.length === 0) return [...wanted];
  const query = `${item.query} ${kept.join(' ')}`;
  const hit = index.search(query, { limit: 1 })[0];
  return hit && hit.unmet.length === 0 && hit.product.sku !== line.sku && sameKind(hit.product, line) ? [{ ...item, query }] : [...wanted];
}

/**
 * Whether the message switches a line of the estimate: one product found, not on the estimate, of
 * the same kind as exactly one of its lines, differing from it by what the message says (a grade,
 * colour, finish, brand or size) — and no question or addition ("¿y la de grado 60?", "también").
 */
export function switchesLine(index: CatalogIndex, lines: readonly Found[], found: readonly Found[], text: string): boolean {
  if (found.length !== 1 || ASKS_OR_ADDS.test(plainWords(text))) return false;
  const product = (found[0] as Found).match.product;
  if (lines.some((l) => l.match.product.sku === product.sku)) return false;
  const line = lineOfKind(lines.map((l) => l.match.product), product);
  return line !== undefined && differs(index, text, line).length > 0;
}
