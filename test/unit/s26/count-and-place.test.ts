import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { withoutPlaceAtEnd } from '../../../src/actors/tools/product-delivery.js';
import { readFollowUpQuantity } from '../../../src/machines/product-focus.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

/** A count and a served place after the product shown: that many of it, delivered there. */
describe('a count and a place', () => {
  let tenant: TenantData;
  let brain: Brain;
  beforeAll(async () => ({ tenant, brain } = await loadDemo()));
  const always = () => true;

  it('should read the count without the place', () => {
    expect(readFollowUpQuantity('dame 15 pa caleta')?.quantity).toBe(15);
    expect(readFollowUpQuantity('give me 20 to caleta')?.quantity).toBe(20);
    expect(readFollowUpQuantity('mandame 10 sacos a villa hermosa')).toMatchObject({ quantity: 10, unit: 'sacos' });
    // "al mismo precio" is no place.
    expect(readFollowUpQuantity('dame 15 al mismo precio')).toBeUndefined();
  });

  it('should take a served place off the end, with its delivery, and nothing else', () => {
    expect(withoutPlaceAtEnd(tenant, 'ok mandame 15 del gris pa caleta', undefined, always)).toMatchObject({ rest: 'ok mandame 15 del gris', delivery: { place: 'Caleta' } });
    expect(withoutPlaceAtEnd(tenant, 'dame 15 pa la luna', undefined, always)).toBeUndefined();
    expect(withoutPlaceAtEnd(tenant, 'dame 15 pa caleta', undefined, () => false)).toBeUndefined();
    expect(withoutPlaceAtEnd(tenant, 'dame 15', undefined, always)).toBeUndefined();
  });

  it('should price that many of the product on the counter with the delivery, never another product', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 's26-place', 'tienen cemento blanco?', 'y el gris?', 'ok mandame 15 del gris pa caleta');
    expect(replies[2]).toMatch(/15 x \*Cemento Gris/);
    expect(replies[2]).toMatch(/Delivery a \*Caleta\*/);
    expect(replies[2]).not.toMatch(/Pintura/);
    const short = await chatOnFreshHost(tenant, brain, 's26-place-2', 'tienen cemento gris?', 'dame 15 pa caleta');
    expect(short[1]).toMatch(/15 x \*Cemento Gris.*\n.*Delivery a \*Caleta\*/);
  });
});
