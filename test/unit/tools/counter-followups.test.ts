import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { asksForAWayRound, noWayAnswer } from '../../../src/actors/tools/product-like.js';
import { asksHowLong, creditReviewTime } from '../../../src/actors/tools/store-policies.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const chat = (sender: string, ...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, sender, ...messages);
const products = async (text: string) => (await brain.understand({ text, messageId: text, expecting: { kind: 'none' }, lang: 'es', idempotencyKey: text })).products;

describe('counts said to a line and in cubic metres', () => {
  it('reads "la arena a 6" and "el cemento en 8" as counts, "el tubo a 4" as a size', async () => {
    expect(await products('la arena a 6')).toEqual([{ query: 'arena', quantity: 6 }]);
    expect(await products('ponme el cemento en 8 por favor')).toEqual([{ query: 'cemento', quantity: 8 }]);
    expect((await products('la arena a 6 y el cemento a 4')).map((p) => p.quantity)).toEqual([6, 4]);
    expect((await products('el tubo a 4'))[0]?.quantity).toBeUndefined();
    expect(await products('el cemento ponlo en 15')).toEqual([{ query: 'cemento', quantity: 15 }]);
    expect(await products('la arena que sean 4')).toEqual([{ query: 'arena', quantity: 4 }]);
    expect(await products('la arena mejor 4')).toEqual([{ query: 'arena', quantity: 4 }]);
  });

  it('keeps the count of "2 metros cúbicos de arena" and "2 cubic meters of sand"', async () => {
    expect(await products('2 metros cúbicos de arena')).toEqual([{ query: 'arena', quantity: 2 }]);
    expect((await products('2 cubic meters of sand'))[0]?.quantity).toBe(2);
  });
});

describe('a yes after counts given one by one', () => {
  it('sets aside every counted line', async () => {
    const [, , done] = await chat('+18095558101', 'quiero 3 sacos de cemento', 'y 2 metros de arena', 'sí');
    expect(done).toContain('3 x Cemento Gris');
    expect(done).toContain('2 x Arena Lavada');
  });

  it('sets aside the one line when only one is counted', async () => {
    const [, , done] = await chat('+18095558102', 'quiero 3 sacos de cemento', 'cuanto es la arena', 'dale');
    expect(done).toContain('1 x Arena Lavada');
    expect(done).not.toContain('Cemento');
  });
});

describe('"no hay forma", "no hay manera": a way round asked for', () => {
  it.each(['entonces no hay forma?', 'no hay manera', 'no hay chance de que me lo bajen?', 'de alguna manera me lo pueden conseguir?', 'y no hay otra opción?', 'is there no way?'])('%s asks for a way round', (text) => {
    expect(asksForAWayRound(text)).toBe(true);
  });

  it.each(['no hay forma de pagar con tarjeta?', 'hay chance de trabajo?', 'hay forma de pago?', 'de todas formas dame cemento'])('%s does not', (text) => {
    expect(asksForAWayRound(text)).toBe(false);
  });

  it('offers a person, unless goods the catalog knows are named', () => {
    const knows = (w: string): boolean => w === 'cemento';
    expect(noWayAnswer(tenant, 'entonces no hay forma?', [], knows, 'es')?.offer?.intent).toBe('human_agent');
    expect(noWayAnswer(tenant, 'no hay forma de conseguir cemento?', [], knows, 'es')).toBeNull();
    expect(noWayAnswer(tenant, 'no hay forma?', [{ query: 'cemento' }], knows, 'es')).toBeNull();
  });

  it('never says "No vendemos *no forma*" nor offers wood or jobs', async () => {
    const [forma] = await chat('+18095558103', 'entonces no hay forma?');
    const [manera] = await chat('+18095558104', 'no hay manera');
    const [, chance] = await chat('+18095558105', 'quiero 3 sacos de cemento', 'no hay chance de que me lo bajen?');
    for (const reply of [forma, manera, chance]) {
      expect(reply).toMatch(/persona del equipo/);
      expect(reply).not.toMatch(/No vendemos|Madera|posiciones/);
    }
  });
});

describe('how long the credit review takes', () => {
  it('reads the time from the credit policy', () => {
    expect(asksHowLong('¿cuánto tarda?')).toBe(true);
    expect(asksHowLong('how long does it take?')).toBe(true);
    expect(asksHowLong('¿tienen cemento?')).toBe(false);
    const out = creditReviewTime(tenant, 'es');
    expect(out?.replies[0]).toMatchObject({ template: 'info.credit.review_time', params: { time: 'de 2 a 3 días laborables' } });
  });

  it('says a person confirms it when the policy tells no time', () => {
    const silent: TenantData = { ...tenant, store: { ...tenant.store, policies: {} } };
    expect(creditReviewTime(silent, 'es')?.replies[0]).toMatchObject({ template: 'info.credit.review_unknown' });
  });

  it('answers it inside the credit application and keeps the form', async () => {
    const [, review] = await chat('+18095558106', 'quiero aplicar a credito', 'cuánto tarda?');
    expect(review).toContain('2 a 3 días laborables');
    expect(review).not.toContain('Depende de la zona');
    expect(review).toContain('nombre completo');
  });
});

describe('the weight of what is on the counter', () => {
  it('gives one and the lot from the catalog, the name, or says it is not known', async () => {
    const [, rebar] = await chat('+18095558107', 'dame 50 varillas de 3/8', 'cuanto pesa eso?');
    expect(rebar).toContain('7.5 lb (3.4 kg)');
    expect(rebar).toContain('375 lb (170.1 kg)');
    const [, cement] = await chat('+18095558108', 'cuanto cuesta el cemento', 'cuanto pesa?');
    expect(cement).toContain('42.5 kg');
    const [, paint] = await chat('+18095558109', 'quiero 2 galones de pintura blanca', 'cuanto pesa?');
    expect(paint).toContain('No tengo el peso');
    expect(paint).not.toContain('No vendemos');
  });
});

describe('an item added to the estimate without a size', () => {
  it('takes the one inch size the estimate lines of its kind share', async () => {
    const [, added] = await chat('+18095558110', 'necesito 2 tubos pvc de 3/4 y 4 codos de 3/4', 'agregale 2 tees');
    expect(added).toContain('2 x *Tee PVC 3/4"*');
    const [, own] = await chat('+18095558111', 'necesito 2 tubos pvc de 3/4 y 4 codos de 3/4', 'agregale 2 tees de 1/2');
    expect(own).toContain('2 x *Tee PVC 1/2"*');
  });
});

describe('counter readings of everyday speech', () => {
  it('takes a count off the line named by its inch size', async () => {
    const [, , , off] = await chat('+18095558112', 'tienen varilla de 3/8', 'dame 20', 'y 10 de 1/2', 'quitale 5 a la de 3/8');
    expect(off).toContain('15 x *Varilla Corrugada 3/8"');
    expect(off).toContain('10 x *Varilla Corrugada 1/2"');
    expect(off).not.toContain('no hay');
  });

  it('reads Dominican "to eso cuánto e" as the total', async () => {
    const { asksEstimateAgain } = await import('../../../src/machines/product-focus.js');
    expect(asksEstimateAgain('to eso cuanto e')).not.toBeNull();
    expect(asksEstimateAgain('cuanto e to?')).not.toBeNull();
    expect(asksEstimateAgain('cuanto cuesta ir to Caleta')).toBeNull();
  });
});

describe('"y una bandeja" on a counter with counted lines', () => {
  it('counts one of it in the total', async () => {
    const [, , , , total] = await chat('+18095558113', 'cuanto cuesta la pintura blanca?', 'dame 4', 'y 2 rodillos', 'y una bandeja', 'cuanto es todo?');
    expect(total).toContain('1 x *Bandeja para Pintura 9"*');
    expect(total).toContain('RD$5,750.00');
    expect(total).not.toContain('no me dijiste la cantidad');
  });
});
