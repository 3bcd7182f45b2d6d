import { beforeAll, describe, expect, it } from 'vitest';
import { whereAnswer } from '../../../src/actors/tools/product-where.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
});

const bySku = (sku: string): Product => tenant.catalog.find((p) => p.sku === sku) as Product;
const focusOn = (p: Product): ProductFocus => ({ sku: p.sku, name: p.name, price: p.price, query: p.name });

/** "¿es para exterior?" about the product shown: from what its data says it is for. */
describe('whether the product shown is for outside or inside', () => {
  it('should say yes where the data says so, with what it is for', () => {
    const roof = bySku('PIN-011');
    const out = whereAnswer(tenant, roof, focusOn(roof), 'outdoor', 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.where.yes', params: { place: 'exterior' } });
  });

  it('should say honestly that the data does not say, never yes', () => {
    const paint = bySku('PIN-003');
    expect(whereAnswer(tenant, paint, focusOn(paint), 'outdoor', 'en')?.replies[0]).toMatchObject({ template: 'product.where.unknown', params: { place: 'outdoor use', use: expect.stringContaining('interior walls') } });
    const cement = bySku('CEM-001');
    expect(whereAnswer(tenant, cement, focusOn(cement), 'outdoor', 'es')?.replies[0]).toMatchObject({ template: 'product.where.unknown', params: { use: expect.stringContaining('Lo que dice') } });
  });
});
