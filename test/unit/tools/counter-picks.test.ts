import { beforeAll, describe, expect, it } from 'vitest';
import { createProductResolver, type ProductResolver } from '../../../src/actors/catalog/index.js';
import { countOfShownKind, picksOnCounter } from '../../../src/actors/tools/counter-pick.js';
import type { Product, TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: ProductResolver;
let rebar: Product[];

beforeAll(async () => {
  ({ tenant } = await loadDemo());
  index = createProductResolver(tenant.catalog);
  rebar = tenant.catalog.filter((p) => /^Varilla Corrugada 1\/2"/.test(p.name));
});

const shown = () => ({ sku: (rebar[0] as Product).sku, name: (rebar[0] as Product).name, price: (rebar[0] as Product).price, query: 'varilla 1/2', options: rebar.map((p) => p.sku) });

describe('picks of the options on the counter', () => {
  it('should price "50 de esa y 20 de la otra" as a line each: the one in focus, then the other', () => {
    expect(rebar).toHaveLength(2);
    const out = picksOnCounter(tenant, index, shown(), 'dame 50 de esa y 20 de la otra', 'es');
    expect(out?.lines).toEqual([{ sku: (rebar[0] as Product).sku, quantity: 50 }, { sku: (rebar[1] as Product).sku, quantity: 20 }]);
  });

  it('should give nothing when a part points at no option', () => {
    expect(picksOnCounter(tenant, index, shown(), 'dame 50 de la grado 75 y 20 de la otra', 'es')).toBeNull();
  });

  it('should ask which, the count kept, when the words are every option\'s', () => {
    const out = countOfShownKind(tenant, shown(), 'dame 20 de la varilla', 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'product.which_of', params: { quantity: '20' } });
    expect(out?.focus?.quantity).toBe(20);
    expect(countOfShownKind(tenant, shown(), 'dame 20 varillas', 'es')?.focus?.quantity).toBe(20);
    expect(countOfShownKind(tenant, shown(), 'dame 20 de cemento', 'es')).toBeNull();
    expect(countOfShownKind(tenant, shown(), 'dame 20 de la grado 60', 'es')).toBeNull();
  });
});
