import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('follow-ups on the offers and openings just listed', () => {
  it('should answer the offer named, with its end date, instead of the product list', async () => {
    const [, offer] = await chatOnFreshHost(tenant, brain, 'offer', 'hay ofertas?', 'la del cemento hasta cuándo es?');
    expect(offer).toMatch(/Cemento Cemex a precio especial/);
    expect(offer).toMatch(/31 de diciembre de 2026/);
    expect(offer).not.toMatch(/Combo techo/);
  });

  it("should say the openings' pay is not published and where to ask it (the openings' own address), in either language", async () => {
    const [, pay] = await chatOnFreshHost(tenant, brain, 'pay', 'tienen vacantes?', 'y cuanto pagan?');
    expect(pay).toMatch(/no lo tengo publicado/);
    expect(pay).toMatch(/empleos@ferreterialaromana\.com\.do/);
    expect(pay).not.toMatch(/Estamos buscando personal/);
    const [, en] = await chatOnFreshHost(tenant, brain, 'pay-en', 'are you hiring?', 'and how much do they pay?');
    expect(en).toMatch(/pay published/);
  });

  it('should say how to apply, for one opening named or for all, and take a yes to "¿te interesa alguna?"', async () => {
    const [, apply] = await chatOnFreshHost(tenant, brain, 'apply', 'tienen vacantes?', '¿cómo aplico?');
    expect(apply).toMatch(/Para aplicar/);
    expect(apply?.match(/empleos@/g)?.length).toBeGreaterThanOrEqual(2);
    const [, yes] = await chatOnFreshHost(tenant, brain, 'yes', 'tienen vacantes?', 'sí');
    expect(yes).toMatch(/Para aplicar/);
    const [, cashier] = await chatOnFreshHost(tenant, brain, 'cashier', 'tienen vacantes?', 'la de cajero');
    expect(cashier).toMatch(/Cajero/);
    expect(cashier).not.toMatch(/Chofer/);
    const [, driver] = await chatOnFreshHost(tenant, brain, 'driver', 'are you hiring?', 'how do I apply for the driver one?');
    expect(driver).toMatch(/Truck driver/);
    expect(driver).not.toMatch(/Cashier/);
  });

  it('should leave a new request after the lists alone', async () => {
    const [, cement] = await chatOnFreshHost(tenant, brain, 'new', 'hay ofertas?', 'tienen cemento?');
    expect(cement).toMatch(/RD\$655/);
    const [, thanks] = await chatOnFreshHost(tenant, brain, 'thanks', 'tienen vacantes?', 'gracias');
    expect(thanks).not.toMatch(/Para aplicar/);
  });
});

describe('offers › the one offer answered puts its products on the counter', () => {
  it('an offer of two paints: both as options, named without their pack', async () => {
    const { answerInfo } = await import('../../../src/actors/tools/info.tool.js');
    const { demoTenant } = await import('./helpers.js');
    const tenant = await demoTenant();
    const out = answerInfo(tenant, { tenantId: 'ferreteria', lang: 'es', topic: 'offers', text: 'tienen ofertas de pintura?', idempotencyKey: 'k' }, Date.parse('2026-12-05T12:00:00Z'));
    expect(out.focus).toMatchObject({ sku: 'PIN-002', options: ['PIN-002', 'PIN-004'], query: 'Pintura Acrílica Tropical Blanco Hueso' });
  });

  it('the drill offer: the drill, not the bits it gives away', async () => {
    const { answerInfo } = await import('../../../src/actors/tools/info.tool.js');
    const { demoTenant } = await import('./helpers.js');
    const tenant = await demoTenant();
    const out = answerInfo(tenant, { tenantId: 'ferreteria', lang: 'es', topic: 'offers', text: 'la del taladro', idempotencyKey: 'k' }, Date.parse('2026-12-05T12:00:00Z'));
    expect(out.focus?.sku).toBe('HER-001');
    expect(out.focus?.options).toBeUndefined();
  });
});

describe('the offer of the product just priced', () => {
  it("should answer that product's offer, and every offer when they are all asked", async () => {
    const [, , until] = await chatOnFreshHost(tenant, brain, 'offer-counter', 'q tienen en especial', 'el taladro dewalt cuanto sale', 'y hasta cuando es la oferta');
    expect(until).toMatch(/Taladro DeWalt con brocas de regalo[\s\S]*24 de diciembre/);
    expect(until).not.toMatch(/Bombillos LED/);
    const [, all] = await chatOnFreshHost(tenant, brain, 'offer-all', 'cuanto ta el cemento', 'que ofertas tienen?');
    expect(all).toMatch(/Bombillos LED/);
  });

  it('should give a job named in the feminine ("pa cajera") that opening', async () => {
    const [, cashier] = await chatOnFreshHost(tenant, brain, 'cashier-f', 'estan cogiendo gente?', 'como aplico pa cajera');
    expect(cashier).toMatch(/Cajero\/a/);
    expect(cashier).not.toMatch(/Despachador/);
  });
});
