/**
 * "¿y cuándo les entra?" about the product on the counter (`restock-question.ts` reads it): the
 * catalog has no arrival dates, so a clerk says so honestly and offers what can be done — let the
 * customer know when it comes in (a yes is a backorder for sales) and, meanwhile, the one in stock
 * offered in its place; asked of one in stock, it is there now and need not be waited for.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';
import { describeProduct, optionsFor, STOCK_UNKNOWN } from './product-parts.js';

const byId = (tenant: TenantData, sku: string | undefined): Product | undefined => (sku === undefined ? undefined : tenant.catalog.find((p) => p.sku === sku));

/**
 * The sold-out product asked about: the one shown when it is out, else the one out among the options
 * shown ("bombillo de 9, 12 o 18 W", the 18 W out); undefined when all of them are in stock.
 */
function soldOutAsked(tenant: TenantData, focus: ProductFocus, shown: Product): Product | undefined {
  if (shown.stock <= 0) return shown;
  const options = (focus.options ?? []).map((sku) => byId(tenant, sku)).filter((p): p is Product => p !== undefined);
  const out = options.filter((p) => p.stock <= 0);
  return out.length === 1 ? out[0] : undefined;
}

/** The answer to when the store gets the product in again; null when the tenant lacks the templates. */
export function restockAnswer(tenant: TenantData, shown: Product, focus: ProductFocus, lang: Lang): ProductActorOutput | null {
  const has = (key: string): boolean => tenant.templates[lang]?.[key] !== undefined;
  const out = soldOutAsked(tenant, focus, shown);
  if (!out) {
    // In stock (or the store does not keep count): it is there now, and set aside on a yes.
    if (!has('product.restock.in')) return null;
    const known = shown.stock !== STOCK_UNKNOWN;
    return {
      outcome: 'answered',
      replies: [{ template: known ? 'product.restock.in' : 'product.restock.unknown', params: describeProduct(tenant, shown, lang) }],
      focus,
      ...(known ? { reserve: { sku: shown.sku, name: shown.name, quantity: focus.quantity ?? 1 } } : {}),
    };
  }
  if (!has('product.restock.out')) return null;
  const quantity = focus.quantity ?? 1;
  const reserve = { reserve: { sku: out.sku, name: out.name, quantity, backorder: true } };
  // The one offered in its place, when it is still in stock: named again, with its button (a tap takes it).
  const alternative = out.sku === shown.sku ? byId(tenant, focus.alternative) : shown;
  if (alternative && alternative.sku !== out.sku && alternative.stock > 0 && has('product.restock.out_alt')) {
    const other = describeProduct(tenant, alternative, lang);
    const params = { ...describeProduct(tenant, out, lang), altName: other.name, altPrice: other.price, altUnit: other.unit, altAvailability: other.availability };
    return { outcome: 'answered', replies: [{ template: 'product.restock.out_alt', params, options: optionsFor([alternative]) }], focus, ...reserve };
  }
  return { outcome: 'answered', replies: [{ template: 'product.restock.out', params: describeProduct(tenant, out, lang) }], focus, ...reserve };
}
