import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';

/**
 * The line "¿Te lo reservo?" offers, with what the store has of it now. A count set aside past it
 * ("apártame 500" of the 230 bags) is then offered the 230 (`reservesBeyondStock` in the machine),
 * never passed to the sales team as 500 to find out on the ticket.
 *
 * @example
 * withReserveStock(tenant, out).reserve // { sku: 'CEM-GRIS-42', name: '…', quantity: 1, stock: 230 }
 */
export function withReserveStock(tenant: TenantData, out: ProductActorOutput): ProductActorOutput {
  const line = out.reserve;
  if (!line || line.backorder || line.lines || line.stock !== undefined) return out;
  const product = tenant.catalog.find((p) => p.sku === line.sku);
  return product ? { ...out, reserve: { ...line, stock: Math.max(product.stock, 0) } } : out;
}
