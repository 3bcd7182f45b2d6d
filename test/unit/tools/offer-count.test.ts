import { beforeAll, describe, expect, it } from 'vitest';
import { offerForCount } from '../../../src/actors/tools/offer-count.js';
import type { Offer, TenantData } from '../../../src/domain/tenant.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let buckets: Offer;
beforeAll(async () => {
  ({ tenant } = await loadDemo());
  buckets = tenant.offers.find((o) => o.id === 'OF-2026-12') as Offer;
});

/** A count asked with an offer: the product the offer is for, by the customer's words, named. */
describe('an offer asked for a count', () => {
  it('should name the bucket the words ask for, and say it is out of stock with the one there is', () => {
    const out = offerForCount(tenant, buckets, 'es', '2 cubetas de pintura blanca con el descuento', undefined);
    expect(out).toMatchObject({ template: 'offers.count.applies', params: { product: 'Pintura Acrílica Tropical Blanco (cubeta 5 gal)' } });
    expect(String((out as { params?: Record<string, unknown> } | null)?.params?.stock)).toContain('Blanco Hueso');
  });

  it('should keep the product on the counter when it is one of the offer\'s', () => {
    const out = offerForCount(tenant, buckets, 'es', '2 cubetas con el descuento', 'PIN-002');
    expect(out).toMatchObject({ params: { product: 'Pintura Acrílica Tropical Blanco Hueso (cubeta 5 gal)', stock: '' } });
  });
});
