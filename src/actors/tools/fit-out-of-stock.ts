/**
 * "necesito 2 cubetas de pintura blanca" when the everyday white bucket (the tenant's `default_for`
 * those words), or one on offer, is out: a clerk does not hand over the other white bucket as if it
 * were the one asked for. They say which is out, what there is of the same (priced for the count),
 * and the in-stock product the same offer covers ("la Blanco Hueso sí la tengo, con el 10 %"), and
 * let the customer choose.
 */
import type { Lang } from '../../domain/nlu.js';
import type { Offer, Product, TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput, TemplateParams } from '../../machines/conversation.contract.js';
import type { CatalogMatch } from '../catalog/index.js';
import { renderReply } from '../render-reply.js';
import type { CatalogIndex } from './catalog-search.js';
import { calendarDate, formatMoney } from './format.js';
import { dealTotal } from './product-offers.js';
import { describeProduct, focusOf, optionsFor } from './product-parts.js';
import { quantityOf, type Wanted } from './product-request.js';
import { countUnit } from './units.js';

/** Products shown at most. */
const MAX_SHOWN = 3;

/**
 * The answer naming the exhausted fit and what there is instead, or null when every equal fit is
 * on the shelf, the one out is neither the everyday one nor on offer, or nothing is in stock.
 */
export function fitOutOfStock(tenant: TenantData, index: CatalogIndex, fits: readonly CatalogMatch[], item: Wanted, lang: Lang, now: number | undefined): ProductActorOutput | null {
  const today = now !== undefined ? calendarDate(now, tenant.settings.timeZone) : undefined;
  const offersOf = (p: Product): Offer[] => (today === undefined ? [] : tenant.offers.filter((o) => o.validUntil >= today && (o.skus ?? []).includes(p.sku)));
  const out = fits.find((m) => m.product.stock <= 0 && (m.defaulted || offersOf(m.product).length > 0))?.product;
  const inStock = fits.filter((m) => m.product.stock > 0).map((m) => m.product);
  if (!out || inStock.length === 0) return null;
  // What the same offer covers besides the one out, sold the same way and on the shelf.
  const covered = offersOf(out).flatMap((o) => o.skus ?? []).map((sku) => tenant.catalog.find((p) => p.sku === sku)).filter((p): p is Product => !!p && p !== out && p.stock > 0 && p.unit === out.unit);
  const shown = [...new Set([...inStock, ...covered])].slice(0, MAX_SHOWN);
  const counted = item.quantity !== undefined && quantityOf(item) > 1 ? quantityOf(item) : undefined;
  const n = counted ?? 1;
  const items = shown.map((p) => {
    const best = offersOf(p).flatMap((o) => { const total = o.deal ? dealTotal(o.deal, p, n) : null; return total !== null ? [{ o, total }] : []; }).sort((a, b) => a.total - b.total)[0];
    const deal = best ? renderReply({ template: counted ? 'product.fit_out.deal_qty' : 'product.fit_out.deal', params: { title: best.o.title[lang], total: formatMoney(best.total), each: formatMoney(best.total / n) } }, tenant.templates, lang) : '';
    return { ...describeProduct(tenant, p, lang), deal, ...(counted ? { quantity: counted, subtotal: formatMoney(p.price * counted) } : {}) };
  });
  const params: TemplateParams = { outName: out.name, items, ...(counted ? { quantity: counted, units: countUnit(out.unit, counted, lang) } : {}) };
  const first = shown[0] as Product;
  const focus = focusOf({ product: first, score: 1, unmet: [], defaulted: false }, item, index);
  return { outcome: 'answered', replies: [{ template: counted ? 'product.fit_out_qty' : 'product.fit_out', params, options: optionsFor(shown) }], focus: { ...focus, options: shown.map((p) => p.sku) } };
}
