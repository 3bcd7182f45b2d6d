import { beforeAll, describe, expect, it } from 'vitest';
import { confirmShown } from '../../../src/actors/tools/product-confirm.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
});

const focusOn = (sku: string): ProductFocus => {
  const p = tenant.catalog.find((x) => x.sku === sku)!;
  return { sku, name: p.name, query: p.name, price: p.price } as ProductFocus;
};
const pipe = () => tenant.catalog.find((p) => /^Tubo PVC 4"/.test(p.name))!.sku;

describe('a check of a detail of the product shown', () => {
  it('should confirm what its name says', () => {
    for (const text of ['es pvc?', 'de drenaje?', 'de pvc', 'is it pvc?']) {
      const out = confirmShown(tenant, focusOn(pipe()), text, 'es');
      expect(out?.replies[0], text).toMatchObject({ template: 'product.confirm' });
    }
  });

  it('should leave counts, other sizes and other products to the rest of the tool', () => {
    for (const text of ['dame 20', 'y de 2"?', 'y codos?', 'cuanto cuesta el cemento', '20']) expect(confirmShown(tenant, focusOn(pipe()), text, 'es'), text).toBeNull();
  });

  it('should read a count in the unit the product is sold in as a count, even where its name has the number', () => {
    expect(confirmShown(tenant, focusOn('CER-005'), '3 pares', 'es')).toBeNull();
    expect(confirmShown(tenant, focusOn('CER-005'), 'es de acero?', 'es')?.replies[0]).toMatchObject({ template: 'product.confirm' });
  });
});
