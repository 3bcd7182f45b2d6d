import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { askedOfferLine, asksOffer, offerForNamed } from '../../../src/actors/tools/offer-asked.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

let tenant: TenantData;
beforeAll(async () => {
  tenant = await loadTenant(fileURLToPath(new URL('../../../tenants/ferreteria', import.meta.url)));
});

/** 2026-11-22 12:00 UTC: the padlock 2x1 ended on 2026-09-30; the cement, bulb and paint offers are on. */
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('whether a message asks about an offer (asksOffer)', () => {
  it.each([
    ['todavia esta el 2x1 de candados?', true],
    ['el cemento blanco tiene oferta?', true],
    ['hay promo en los bombillos?', true],
    ['any discount on padlocks?', true],
    ['is the drill on sale?', true],
    ['tienen madera 2x4?', false],
    ['tubo de 2 x 1/2', false],
    ['what do you offer for roofs?', false],
    ['tienen pintura especial para techo?', false],
  ])('should read "%s" as %s', (text, asks) => {
    expect(asksOffer(text)).toBe(asks);
  });
});

describe('an offer asked for a named product (offerForNamed)', () => {
  it('should give the current offer of any product the phrase names', () => {
    expect(offerForNamed(tenant, 'es', NOW, 'pintura tropical')?.current?.id).toBe('OF-2026-12');
    expect(offerForNamed(tenant, 'es', NOW, 'taladro')?.current?.id).toBe('OF-2026-15');
    expect(offerForNamed(tenant, 'es', NOW, 'cemento')?.current?.id).toBe('OF-2026-11');
  });

  it('should say that a product has no offer, naming it', () => {
    const none = offerForNamed(tenant, 'es', NOW, 'cemento blanco');
    expect(none?.replies?.[0]).toEqual({ template: 'offers.none_for', params: { product: 'Cemento Blanco Cemex (saco 20 kg)', price: 'RD$1,150.00' } });
    expect(offerForNamed(tenant, 'es', NOW, 'cemento colonial')?.replies?.[0]).toMatchObject({ template: 'offers.none_for' });
  });

  it('should say that the offer of a product has ended, with its end date and the price now', () => {
    const ended = offerForNamed(tenant, 'en', NOW, 'candados');
    expect(ended?.replies?.[0]).toMatchObject({ template: 'offers.ended_for', params: { title: 'Back to school: padlocks 2 for 1', price: 'RD$395.00' } });
  });

  it('should name nothing for a phrase that is no product', () => {
    expect(offerForNamed(tenant, 'es', NOW, 'xyzzy')).toBeNull();
  });
});

describe("a product answer's line when an offer was asked (askedOfferLine)", () => {
  it('should say an ended offer, or none, only when the message asks about one and no offer is current', () => {
    expect(askedOfferLine(tenant, 'es', '2026-11-22', 'todavia esta el 2x1 de candados?', ['CER-001'])).toContain('ya terminó');
    expect(askedOfferLine(tenant, 'es', '2026-11-22', 'el martillo tiene descuento?', ['HER-005'])).toContain('no tiene oferta');
    expect(askedOfferLine(tenant, 'es', '2026-11-22', 'cuanto vale el candado?', ['CER-001'])).toBeNull();
    expect(askedOfferLine(tenant, 'es', '2026-11-22', 'el cemento tiene oferta?', ['CEM-001'])).toBeNull();
  });
});
