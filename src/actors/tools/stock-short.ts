import type { Lang } from '../../domain/nlu.js';
import type { Product, TenantData } from '../../domain/tenant.js';
import { renderReply } from '../render-reply.js';
import { STOCK_UNKNOWN } from './product-parts.js';
import { countUnit } from './units.js';

/**
 * A line of an estimate counted over what is on the shelf ("300 sacos de cemento" with 230 in
 * stock): a clerk says how many there are and what happens to the rest — the ones in stock now,
 * the rest ordered through the sales team — instead of a bare "disponible: 230". Null when the
 * count fits, the stock is unknown, or nothing is left (the out-of-stock wording says that).
 */
export function shortStockNote(tenant: TenantData, product: Product, quantity: number, lang: Lang): string | null {
  if (product.stock === STOCK_UNKNOWN || product.stock <= 0 || quantity <= product.stock) return null;
  if (tenant.templates[lang]?.['product.stock.short'] === undefined) return null;
  const params = { count: product.stock, unit: countUnit(product.unit, product.stock, lang), rest: quantity - product.stock };
  return renderReply({ template: 'product.stock.short', params }, tenant.templates, lang);
}
