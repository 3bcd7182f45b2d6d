import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryAskedIn, deliveryTimeAnswer, unservedPlaceAskedIn, zoneOf } from '../../../src/actors/tools/product-delivery.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ProductActorInput } from '../../../src/machines/conversation.contract.js';
import { demoTenant } from './helpers.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await demoTenant();
});

const NOW = Date.parse('2026-12-05T12:00:00Z');
const input = (over: Partial<ProductActorInput>): ProductActorInput =>
  ({ tenantId: 'ferreteria', lang: 'es', intent: 'product_inquiry', understanding: { nlu: { entities: [] } }, idempotencyKey: 'k', ...over }) as unknown as ProductActorInput;

describe('product delivery › the delivery asked with the order', () => {
  it('reads a served place asked with a delivery word, with its fee and free-delivery minimum', () => {
    expect(deliveryAskedIn(tenant, 'cuanto cobran por llevar 20 sacos de cemento a villa hermosa?', NOW)).toEqual({ place: 'Villa Hermosa', fee: 300, freeFrom: 15000 });
    expect(deliveryAskedIn(tenant, 'me los mandan a Casa de Campo?', NOW)).toMatchObject({ place: 'Casa de Campo', fee: 400 });
  });

  it('asks none without a delivery word or a served place', () => {
    expect(deliveryAskedIn(tenant, '20 sacos de cemento blanco', NOW)).toBeUndefined();
    expect(deliveryAskedIn(tenant, 'me lo llevan a Santo Domingo?', NOW)).toBeUndefined();
  });

  it('reads a known place no zone covers, asked with a delivery word (WhatsApp "yevar" too)', () => {
    expect(unservedPlaceAskedIn(tenant, 'me pueden llevar unos blocks a punta cana?')).toBe('Punta Cana');
    expect(unservedPlaceAskedIn(tenant, 'm pueden yevar 3 tubos a bavaro?')).toBe('Bávaro');
    expect(unservedPlaceAskedIn(tenant, 'can you bring 50 blocks to Higuey?')).toBe('Higüey');
    expect(unservedPlaceAskedIn(tenant, 'me llevan cemento a villa hermosa?')).toBeUndefined();
    expect(unservedPlaceAskedIn(tenant, 'tengo una obra en punta cana')).toBeUndefined();
  });

  it('finds the zone of a place inside one', () => {
    expect(zoneOf(tenant, 'Casa de Campo')?.zone).toBe('Caleta');
  });

  it('"¿cuándo llega?" after a price: that zone\'s time and the product to set aside', () => {
    const focus = { sku: 'CEM-001', name: 'Cemento', price: 655, query: 'cemento', quantity: 20 };
    const out = deliveryTimeAnswer(tenant, input({ focus, delivery: { place: 'Caleta', fee: 400 } }), 'y cuando llega?', NOW);
    expect(out?.replies[0]).toMatchObject({ template: 'product.delivery_eta', params: { place: 'Caleta' } });
    expect(out?.reserve).toMatchObject({ sku: 'CEM-001', quantity: 20 });
  });

  it('after an estimate: the estimate on offer again, with the delivery counted', () => {
    const out = deliveryTimeAnswer(tenant, input({ estimate: [{ sku: 'CEM-001', quantity: 30 }], delivery: { place: 'Caleta', fee: 400, freeFrom: 15000 } }), 'cuánto tarda?', NOW);
    expect(out).toMatchObject({ outcome: 'estimate', lines: [{ sku: 'CEM-001', quantity: 30 }], delivery: { place: 'Caleta', fee: 0 } });
  });

  it('no place yet: each zone with its time', () => {
    const focus = { sku: 'CEM-001', name: 'Cemento', price: 655, query: 'cemento' };
    const out = deliveryTimeAnswer(tenant, input({ focus }), 'cuánto tarda?', NOW);
    expect(out?.replies[0]).toMatchObject({ template: 'product.delivery_eta_zones' });
  });

  it('nothing on the counter: no answer', () => {
    expect(deliveryTimeAnswer(tenant, input({}), 'cuánto tarda?', NOW)).toBeNull();
  });
});
