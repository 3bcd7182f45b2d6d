import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withReserveStock } from '../../../src/actors/tools/reserve-stock.js';
import { reservedCount } from '../../../src/machines/reserve-count.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorOutput } from '../../../src/machines/conversation.contract.js';

describe('the stock of the line offered to set aside', () => {
  let tenant: TenantData;
  const product = (sku: string): Product => tenant.catalog.find((p) => p.sku === sku) as Product;
  const offering = (reserve: ProductActorOutput['reserve']): ProductActorOutput => ({ outcome: 'answered', replies: [], ...(reserve ? { reserve } : {}) });
  beforeAll(async () => {
    tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
  });

  it('should carry the catalog stock of the line offered, so "apártame 500" of fewer can be offered the stock', () => {
    const cement = product('CEM-001');
    const out = withReserveStock(tenant, offering({ sku: 'CEM-001', name: cement.name, quantity: 1 }));
    expect(out.reserve).toEqual({ sku: 'CEM-001', name: cement.name, quantity: 1, stock: cement.stock });
    expect(reservedCount('apártame 500')).toBeGreaterThan(cement.stock);
  });

  it('should leave a backorder, a counter of several lines and an unknown product as they are', () => {
    const backorder = offering({ sku: 'JAR-004', name: product('JAR-004').name, quantity: 1, backorder: true });
    expect(withReserveStock(tenant, backorder)).toBe(backorder);
    const unknown = offering({ sku: 'NOPE-1', name: 'Nada', quantity: 1 });
    expect(withReserveStock(tenant, unknown)).toBe(unknown);
    const none = offering(undefined);
    expect(withReserveStock(tenant, none)).toBe(none);
  });
});
