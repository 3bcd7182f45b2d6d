import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import { changedEstimate, joinedAttributes, takeOffCounter } from '../../../src/actors/tools/counter-changes.js';
import { estimateLines } from '../../../src/actors/tools/product-estimate.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductFocus, QuoteLine } from '../../../src/machines/conversation.contract.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: CatalogIndex;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
  index = createCatalogIndex(tenant.catalog);
});

const sku = (name: RegExp): string => tenant.catalog.find((p) => name.test(p.name))!.sku;
const found = (query: string, quantity?: number) => {
  const match = index.search(query, { limit: 1 })[0]!;
  return { item: { query, ...(quantity !== undefined ? { quantity } : {}) }, match };
};
const template = (out: { replies: readonly unknown[] } | null, at = 0): string | undefined => (out?.replies[at] as { template?: string } | undefined)?.template;

describe('taking a count off the counter', () => {
  it('should say what is noted when more is taken off than is noted, never add', () => {
    const cement = sku(/^Cemento Gris/);
    const focus: ProductFocus = { sku: cement, name: '', price: 655, query: 'cemento', quantity: 10 };
    const out = takeOffCounter(tenant, index, focus, undefined, 'quítale 20', 'es');
    expect(template(out)).toBe('product.less_than_counted');
    expect(out?.focus?.quantity).toBe(10);
  });

  it('should take the count off the line named on an estimate, the others kept in their order', () => {
    const estimate: QuoteLine[] = [{ sku: sku(/^Cemento Gris/), quantity: 10 }, { sku: sku(/^Arena Lavada/), quantity: 5 }];
    const out = takeOffCounter(tenant, index, undefined, estimate, 'quitale 2 a la arena', 'es');
    expect(out?.lines).toEqual([{ sku: estimate[0]!.sku, quantity: 10 }, { sku: estimate[1]!.sku, quantity: 3 }]);
  });

  it('should say a product taken off is not on the order when it is not, and price the order again', () => {
    const estimate: QuoteLine[] = [{ sku: sku(/^Cemento Gris/), quantity: 10 }, { sku: sku(/^Arena Lavada/), quantity: 5 }];
    const out = takeOffCounter(tenant, index, undefined, estimate, 'sin la pintura', 'es');
    expect(template(out)).toBe('product.not_on_counter');
    expect(out?.lines).toEqual(estimate);
  });
});

describe('changing a line of the estimate', () => {
  it('should change a count in its place, and add "más" on top', () => {
    const lines = estimateLines(tenant, [{ sku: sku(/^Cemento Gris/), quantity: 10 }, { sku: sku(/^Arena Lavada/), quantity: 5 }]);
    const fewer = changedEstimate(index, lines, [found('cemento gris', 8)], 'mejor 8 de cemento', true);
    expect(fewer?.map((f) => [f.match.product.sku, f.item.quantity])).toEqual([[lines[0]!.match.product.sku, 8], [lines[1]!.match.product.sku, 5]]);
    const more = changedEstimate(index, lines, [found('arena lavada', 5)], 'dame 5 mas de arena', true);
    expect(more?.[1]?.item.quantity).toBe(10);
  });

  it('should put a product said instead in the place of its kind, with its count, never in the place of another kind', () => {
    const lines = estimateLines(tenant, [{ sku: sku(/^Pintura Acrílica Tropical Blanco \(galón\)/), quantity: 3 }, { sku: sku(/^Brocha 2/), quantity: 2 }]);
    const [grey] = joinedAttributes(index, [{ query: 'pintura' }, { query: 'gris' }], 'la pintura mejor en gris');
    expect(grey?.query).toBe('pintura gris');
    const out = changedEstimate(index, lines, [found(grey!.query)], 'la pintura mejor en gris', false);
    expect(out?.map((f) => [f.match.product.name.split(' ')[0], f.item.quantity])).toEqual([['Pintura', 3], ['Brocha', 2]]);
    expect(out?.[0]?.match.product.name).toMatch(/Gris/);
  });

  it.each([
    ['en vez del thinner ponme 5 galones de sellador de paredes', 'thinner', 'sellador de paredes', 5, 5],
    ['cambia la arena por 3 metros de grava', 'arena lavada', 'grava', 3, 3],
    ['instead of the sand give me 2 metres of gravel', 'arena lavada', 'grava', 2, 2],
  ] as const)('should put the product said in the place of the line named in "%s", whatever its kind', (text, was, now, saidCount, count) => {
    const lines = estimateLines(tenant, [{ sku: index.search(was, { limit: 1 })[0]!.product.sku, quantity: 7 }, { sku: sku(/^Brocha 4/), quantity: 2 }]);
    // The brain reads both products said, the one named to go among them.
    const out = changedEstimate(index, lines, [found(was, saidCount), found(now, saidCount)], text, true);
    expect(out?.map((f) => f.match.product.sku)).toEqual([index.search(now, { limit: 1 })[0]!.product.sku, sku(/^Brocha 4/)]);
    expect(out?.[0]?.item.quantity).toBe(count);
  });
});

describe('a box named by its kind', () => {
  it('should read "caja octagonal" as the octagonal box, and "una caja de clavos" as a pack', () => {
    expect(index.search('caja octagonal', { limit: 1 })[0]?.product.sku).toBe('ELE-020');
    expect(index.search('2 cajas rectangulares', { limit: 1 })[0]?.product.sku).toBe('ELE-021');
    expect(index.parse('una caja de clavos').phrases.pack).toBeDefined();
    expect(index.parse('caja octagonal').phrases.pack).toBeUndefined();
  });
});
