import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductResolver } from '../../../src/actors/catalog/index.js';
import { withCountPerThing } from '../../../src/actors/tools/count-per-thing.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let index: ProductResolver;

beforeAll(async () => {
  ({ tenant, index } = await loadDemoWithIndex());
});

/** A reading of `text` with two product phrases, the second counted, as the rule brain gives it. */
const reading = (text: string, product: string, thing: string, count: number): ProductActorInput => {
  // The brain's spans cover the words as written ("cerraduras", "puertas").
  const a = text.indexOf(product);
  const aEnd = text.indexOf(' ', a);
  const b = text.indexOf(thing, aEnd);
  const q = text.lastIndexOf(String(count), b);
  return {
    understanding: {
      products: [{ query: product }, { query: thing, quantity: count }],
      nlu: { entities: [{ type: 'product', value: product, start: a, end: aEnd }, { type: 'quantity', value: String(count), start: q, end: text.length }, { type: 'product', value: thing, start: b, end: text.length }] },
    },
  } as unknown as ProductActorInput;
};

describe('a product counted by the things it goes on', () => {
  it('should count one for each thing the store does not sell, of the kind made for it', () => {
    const text = 'cerraduras para 30 puertas';
    const out = withCountPerThing(index, tenant.catalog, reading(text, 'cerradura', 'puerta', 30), text);
    expect(out.understanding.products).toEqual([{ query: 'cerradura puerta', quantity: 30 }]);
    const en = 'locks for 30 doors';
    const lock = withCountPerThing(index, tenant.catalog, reading(en, 'lock', 'door', 30), en).understanding.products[0]!;
    expect(lock.quantity).toBe(30);
    expect(index.search(lock.query, { limit: 1 })[0]?.product.sku).toBe('CER-003');
  });

  it('should leave goods the store sells as items, and pairs uncounted', () => {
    const blocks = 'cemento para 30 blocks';
    expect(withCountPerThing(index, tenant.catalog, reading(blocks, 'cemento', 'block', 30), blocks).understanding.products).toHaveLength(2);
    const hinges = 'bisagras para 10 puertas';
    expect(withCountPerThing(index, tenant.catalog, reading(hinges, 'bisagra', 'puerta', 10), hinges).understanding.products).toEqual([{ query: 'bisagra puerta' }]);
  });
});
