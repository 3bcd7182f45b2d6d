import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { withFocusCountApart } from '../../../src/actors/tools/focus-count-apart.js';
import { containerOfShown } from '../../../src/actors/tools/container-of-shown.js';
import type { ProductActorInput, ProductFocus } from '../../../src/machines/conversation.contract.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, index } = await loadDemoWithIndex());
});

const focusOn = (name: string, query: string): ProductFocus => {
  const p = tenant.catalog.find((x) => x.name === name);
  if (!p) throw new Error(`no product ${name}`);
  return { sku: p.sku, name: p.name, price: p.price, query };
};
const input = (focus: ProductFocus, products: { query: string; quantity?: number }[]): ProductActorInput =>
  ({ focus, understanding: { products, nlu: { entities: [] } } }) as unknown as ProductActorInput;

describe('two counts, the second named by an attribute of the kind on the counter', () => {
  it('reads "dame 10 y 2 del blanco" after the grey cement as 10 grey and 2 white cement', () => {
    const focus = focusOn('Cemento Gris Cemex Tipo GU (saco 42.5 kg)', 'cemento gris');
    const out = withFocusCountApart(input(focus, []), 'dame 10 y 2 del blanco', tenant.catalog, index);
    expect(out.understanding.products).toEqual([
      { query: focus.name, quantity: 10 },
      { query: 'cemento blanco', quantity: 2 },
    ]);
  });

  it('names the grey of "dame 2 y 5 de gris" by the cement on the counter, not paint', () => {
    const focus = focusOn('Cemento Blanco Cemex (saco 20 kg)', 'cemento blanco');
    const out = withFocusCountApart(input(focus, [{ query: 'gris', quantity: 5 }]), 'dame 2 y 5 de gris', tenant.catalog, index);
    expect(out.understanding.products).toEqual([
      { query: focus.name, quantity: 2 },
      { query: 'cemento gris', quantity: 5 },
    ]);
  });

  it('counts "uno de gris perla" as one', () => {
    const focus = focusOn('Pintura Acrílica Tropical Blanco (galón)', 'pintura acrilica blanca');
    const out = withFocusCountApart(input(focus, [{ query: 'gris perla' }]), 'quiero 2 y uno de gris perla', tenant.catalog, index);
    expect(out.understanding.products[1]).toEqual({ query: 'pintura acrilica gris perla', quantity: 1 });
  });

  it('leaves a second product named by its own words alone ("10 y 2 sacos de arena")', () => {
    const focus = focusOn('Cemento Gris Cemex Tipo GU (saco 42.5 kg)', 'cemento gris');
    const out = withFocusCountApart(input(focus, [{ query: 'arena', quantity: 2 }]), 'dame 10 y 2 de arena', tenant.catalog, index);
    expect(out.understanding.products).toEqual([
      { query: focus.name, quantity: 10 },
      { query: 'arena', quantity: 2 },
    ]);
  });
});

it('leaves goods named by their brand alone ("2 sacos de pegamix" after the tile)', () => {
  const focus = focusOn('Cerámica de Pared 25x40 Blanca (m²)', 'ceramica de pared blanca');
  const out = withFocusCountApart(input(focus, [{ query: 'pegamix', quantity: 2 }]), 'ok dame 12 mts y 2 sacos de pegamix', tenant.catalog, index);
  expect(out.understanding.products[1]).toEqual({ query: 'pegamix', quantity: 2 });
});

describe('the container the product on the counter comes in, asked alone', () => {
  it('reads "cuanto sale el tubo" with the silicone shown as the silicone', () => {
    const focus = focusOn('Silicón Transparente 280 ml', 'silicon');
    const out = containerOfShown(tenant, input(focus, [{ query: 'tubo' }]), 'cuanto sale el tubo');
    expect(out?.understanding.products).toEqual([{ query: 'Silicón Transparente 280 ml' }]);
  });

  it('reads "how much is a tube?" (no product found by the brain) as the silicone', () => {
    const focus = focusOn('Silicón Transparente 280 ml', 'silicone');
    expect(containerOfShown(tenant, input(focus, []), 'how much is a tube?')?.understanding.products[0]?.query).toBe('Silicón Transparente 280 ml');
  });

  it('keeps a tube asked after a product that comes in none (cement) a tube', () => {
    const focus = focusOn('Cemento Blanco Cemex (saco 20 kg)', 'cemento');
    expect(containerOfShown(tenant, input(focus, [{ query: 'tubo' }]), 'cuanto sale el tubo')).toBeNull();
  });
});
