import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/index.js';
import { createCatalogIndex, type CatalogIndex } from '../../../src/actors/tools/index.js';
import { unknownKind } from '../../../src/actors/tools/product-unknown-kind.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let index: CatalogIndex;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
  index = createCatalogIndex(tenant.catalog);
});

const products = async (text: string): Promise<string[]> =>
  (await brain.parse(text)).entities.filter((e) => e.type === 'product').map((e) => e.value);
const talk = async (...messages: string[]): Promise<string> => (await chatOnFreshHost(tenant, brain, 'paint12', ...messages)).at(-1) ?? '';

/** "off white paint": the off-white on the shelf is Blanco Hueso, never plain white. */
describe('off white is one colour', () => {
  it('should keep "off" before "white" in the product read, hyphen or not', async () => {
    expect(await products('off white paint')).toEqual(['off white paint']);
    expect(await products('off-white paint please')).toEqual(['off white paint']);
    expect(await products('pintura off white')).toEqual(['pintura off white']);
  });

  it('should not make a lone "off" a product word', async () => {
    expect((await products('cut off wheels')).join(' ')).not.toMatch(/\boff\b/);
  });

  it('should not take "off-white" for a kind the catalog lacks', () => {
    expect(unknownKind(index, 'off-white paint please', 'en')).toBeNull();
    expect(unknownKind(index, 'barbed wire', 'en')).toBe('barbed wire');
  });

  it('should quote Blanco Hueso, with the count and the bucket', async () => {
    expect(await talk('off white paint')).toMatch(/Blanco Hueso/);
    expect(await talk('off white paint')).not.toMatch(/Tropical Blanco \(/);
    const three = await talk('3 5-gallon buckets of tropical off white paint');
    expect(three).toMatch(/3 buckets of Pintura Acrílica Tropical Blanco Hueso \(cubeta 5 gal\)/);
    expect(three).toMatch(/RD\$16,950\.00/);
  });
});
