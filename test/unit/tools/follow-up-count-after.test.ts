import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { followUp } from '../../../src/actors/tools/product-request.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductFocus } from '../../../src/machines/conversation.contract.js';
import { loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: ProductResolver;
beforeAll(async () => {
  ({ tenant, index } = await loadDemoWithIndex());
});

const rebar: ProductFocus = { sku: 'VAR-001', name: 'Varilla Corrugada 3/8" Grado 40 (20 pies)', price: 265, query: 'varilla 3/8', quantity: 20 };

/** Another size with its count after it: that many of that size. */
describe('a follow-up with the count said after the pick', () => {
  it.each([
    ['y de 1/2 dame 10', 10],
    ['la de 1/2, necesito 5', 5],
  ])('should read "%s" as %i of the 1/2" rebar', (text, quantity) => {
    const out = followUp(index, rebar, text, [], tenant.catalog);
    const item = out?.items[0];
    expect(item?.quantity).toBe(quantity);
    expect(index.search(item?.query ?? '', { limit: 1 })[0]?.product.name).toMatch(/1\/2"/);
  });
});
