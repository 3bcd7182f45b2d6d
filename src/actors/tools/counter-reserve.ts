import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';
import { counterLines } from './order-total.js';

/**
 * "¿Te lo reservo?" after counts given one by one ("3 sacos de cemento", then "y 2 metros de
 * arena"): the clerk sets aside the whole counter, not the last line only. The reserve of `out`
 * gets every counted line (the customer's order, each with its name and price) when the product
 * offered is counted and at least one other line is; else `out` as it is.
 */
export function withCounterReserve(tenant: TenantData, out: ProductActorOutput): ProductActorOutput {
  const reserve = out.reserve;
  const focus = out.focus;
  if (!reserve || reserve.backorder || !focus || focus.sku !== reserve.sku || focus.quantity === undefined || !focus.counts) return out;
  const lines = counterLines(focus).flatMap((line) => {
    const product = tenant.catalog.find((p) => p.sku === line.sku);
    if (!product || product.stock <= 0) return [];
    const quantity = line.sku === reserve.sku ? reserve.quantity : Math.min(line.quantity, product.stock);
    return [{ sku: line.sku, quantity, name: product.name, price: product.price }];
  });
  return lines.length >= 2 ? { ...out, reserve: { ...reserve, lines } } : out;
}
