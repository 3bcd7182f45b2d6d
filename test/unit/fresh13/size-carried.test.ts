import { describe, expect, it } from 'vitest';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { withSizeCarried } from '../../../src/actors/tools/size-carried.js';
import { loadDemo } from '../../helpers/memory-host.js';

const { tenant } = await loadDemo();
const index = createCatalogIndex(tenant.catalog);
const first = (query: string): string | undefined => index.search(query, { limit: 1 })[0]?.product.sku;

describe('withSizeCarried', () => {
  it('carries a pipe diameter to the fittings after it', () => {
    const [pipe, elbow, tee] = withSizeCarried(index, [{ query: 'tubo de 4' }, { query: 'codos' }, { query: 'tees' }]);
    expect(first(pipe!.query)).toBe('PVC-007');
    expect(first(elbow!.query)).toBe('PVC-013');
    expect(first(tee!.query)).toBe('PVC-018');
  });

  it('keeps the count and reads a fraction as inches', () => {
    const [, elbow] = withSizeCarried(index, [{ query: 'tubo pvc de 3/4', quantity: 5 }, { query: 'codos', quantity: 4 }]);
    expect(elbow).toEqual({ query: 'codos 3/4"', quantity: 4 });
  });

  it('carries no amperes, and no size the next item is not sold in', () => {
    expect(withSizeCarried(index, [{ query: 'breaker de 20' }, { query: 'tomacorriente' }])[1]).toEqual({ query: 'tomacorriente' });
    expect(withSizeCarried(index, [{ query: 'brocha de 4' }, { query: 'rodillo' }])[1]).toEqual({ query: 'rodillo' });
  });
});
