import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { isProductFollowUp } from '../../../src/machines/product-focus.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "y la cubeta?" after a gallon is that same product in the bucket, not another brand's bucket. */
describe('the product in focus in another pack', () => {
  it('should read a price question about another pack as a follow-up', () => {
    for (const text of ['cuanto sale la cubeta?', '¿cuánto cuesta la cubeta?', 'a como esta la cubeta?', 'y la cubeta?']) expect(isProductFollowUp(text), text).toBe(true);
  });

  it.each(['y la cubeta?', 'en cubeta?', 'cuanto sale la cubeta?'])('should answer "%s" with the same paint in the bucket, saying it is out', async (text) => {
    const [, reply] = await chatOnFreshHost(tenant, brain, 'pack', 'necesito pintura blanca', text);
    expect(reply).toMatch(/^\*Pintura Acrílica Tropical Blanco \(cubeta 5 gal\)\* cuesta \*RD\$5,650\.00\*/);
    expect(reply).toMatch(/agotado/);
  });

  it('should go back to the gallon of the same paint', async () => {
    const [first, reply] = await chatOnFreshHost(tenant, brain, 'pack-2', 'tienen pintura satinada blanca en cubeta?', 'y en galón?');
    expect(first).toMatch(/Satinada Popular Blanco \(cubeta 5 gal\)/);
    expect(reply).toMatch(/Pintura Satinada Popular Blanco \(galón\)/);
  });
});
