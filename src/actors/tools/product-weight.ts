import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { foldAccents } from '../../kernel/fold.js';
import { countUnit } from './units.js';
import type { CatalogIndex } from './catalog-search.js';
import { focusOf } from './product-parts.js';

/**
 * "¿Cuánto pesa eso?" about the product on the counter (for the truck, for the roof): what one
 * weighs and, with a count noted, the whole lot — from the catalog's weight, or the weight its
 * name gives ("saco 42.5 kg"). A product with no weight known is said so (sales confirms it),
 * never "No vendemos *pesa*".
 */

/** Asking a weight: "¿cuánto pesa?", "¿qué peso tiene?", "how much does it weigh?", "how heavy is it?". */
const ASKS_WEIGHT = /\b(?:cuanto (?:pesa|pesan|pesaria|pesarian|peso)|que peso|el peso|peso (?:tiene|tienen|total|de (?:eso|esos|esas|cada))|how (?:much|heavy)\b.*\b(?:weigh|weighs|weight)|how heavy|what(?: s| is) the weight|weigh)\b/;
/** A weight in a product's name: "(saco 42.5 kg)", "cubeta 50 lb". */
const NAMED_WEIGHT = /(\d+(?:[.,]\d+)?)\s*(kg|lb|lbs|libras?)\b/i;
const KG_PER_LB = 0.453592;

/** The weight of one, in pounds, or null when neither the catalog nor the name says it. */
function poundsOf(product: Product): number | null {
  if (product.weight_lb !== undefined && product.weight_lb > 0) return product.weight_lb;
  const named = NAMED_WEIGHT.exec(product.name);
  if (!named) return null;
  const value = Number((named[1] as string).replace(',', '.'));
  return /^kg$/i.test(named[2] as string) ? value / KG_PER_LB : value;
}

const round = (n: number): string => (Math.round(n * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
const both = (lb: number): string => `${round(lb)} lb (${round(lb * KG_PER_LB)} kg)`;

/** The weight answer for the product in focus, or null when the message asks no weight (or names other goods). */
export function weightAnswer(tenant: TenantData, focus: ProductFocus, text: string, named: boolean, lang: Lang): ProductActorOutput | null {
  if (named || !ASKS_WEIGHT.test(foldAccents(text))) return null;
  const product = tenant.catalog.find((p) => p.sku === focus.sku);
  if (!product || tenant.templates[lang]?.['product.weight'] === undefined) return null;
  const lb = poundsOf(product);
  if (lb === null) return { outcome: 'answered', replies: [{ template: 'product.weight_unknown', params: { name: product.name } }], focus };
  const quantity = focus.quantity ?? 1;
  const params = { name: product.name, each: both(lb), unit: countUnit(product.unit, 1, lang) };
  if (quantity <= 1) return { outcome: 'answered', replies: [{ template: 'product.weight', params }], focus };
  return { outcome: 'answered', replies: [{ template: 'product.weight_total', params: { ...params, quantity: String(quantity), units: countUnit(product.unit, quantity, lang), total: both(lb * quantity) } }], focus };
}

/**
 * "¿cuánto pesa una varilla de 3/8?", "how heavy is a bag of cement?": the weight of the one product
 * the message names (and then in focus), not its price. Null when no weight is asked or the
 * message names no product or several.
 */
export function namedWeight(tenant: TenantData, index: CatalogIndex, products: readonly { query: string; quantity?: number }[], text: string, lang: Lang): ProductActorOutput | null {
  if (products.length !== 1 || !ASKS_WEIGHT.test(foldAccents(text))) return null;
  const item = products[0] as { query: string; quantity?: number };
  const match = index.search(item.query, { limit: 1 })[0];
  if (!match) return null;
  return weightAnswer(tenant, { ...focusOf(match, item, index), ...(item.quantity !== undefined ? { quantity: item.quantity } : {}) }, text, false, lang);
}
