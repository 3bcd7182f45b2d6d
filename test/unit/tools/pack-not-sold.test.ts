import { beforeAll, describe, expect, it } from 'vitest';
import { packNotSoldAnswer } from '../../../src/actors/tools/pack-not-sold.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
});

const focusOn = (sku: string) => {
  const p = tenant.catalog.find((x) => x.sku === sku) as Product;
  return { sku, name: p.name, price: p.price, query: p.name };
};

describe('a count in a pack the product is not sold in', () => {
  it('should say how the discs are sold for "dos cajas", not price 2 units', () => {
    const out = packNotSoldAnswer(tenant, focusOn('HER-022'), 'dos cajas', 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.not_by_pack', params: { pack: 'caja', unit: 'unidad' } });
    expect(out?.focus?.quantity).toBeUndefined();
  });

  it('should leave alone a count of what is sold by the box, and a plain count', () => {
    expect(packNotSoldAnswer(tenant, focusOn('SEG-002'), '2 cajas', 'es')).toBeNull();
    expect(packNotSoldAnswer(tenant, focusOn('HER-022'), 'dame 10', 'es')).toBeNull();
    expect(packNotSoldAnswer(tenant, undefined, 'dos cajas', 'es')).toBeNull();
  });
});
