import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { timesSignAt } from '../../../src/actors/brain/rule/count-shapes.js';
import { createProductMatcher, type ProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';
import { createStoreNames } from '../../../src/actors/brain/rule/store-names.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemoWithIndex } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
let matcher: ProductMatcher;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemoWithIndex());
  matcher = createProductMatcher(tenant.catalog);
});

const read = (text: string) => matcher.extract(text).mentions.map((m) => m.quantity);
const toks = (text: string) => text.split(' ').map((t, i) => ({ t, s: i }));
const numberOf = (t: string): number | null => (/^\d+$/.test(t) ? Number(t) : null);

describe('fresh11 › counts of a pasted list ("10 x tubo") and in pieces ("20 pcs")', () => {
  it('should count what follows "N x" in a list, in Spanish and English', () => {
    expect(read('10 x tubo pvc de 1/2, 20 x codos de 1/2')).toEqual([10, 20]);
    expect(read('need 5 x 1/2" tees')).toEqual([5]);
    expect(read('dame 20 pcs de varilla de 3/8')).toEqual([20]);
    expect(read('20 pzas de codo de 1/2')).toEqual([20]);
  });

  it('should not read the "x" of a size as a count', () => {
    expect(timesSignAt(toks('10 x tubo'), 1, numberOf)).toBe(true);
    expect(timesSignAt(toks('4 x 8 x plywood'), 3, numberOf)).toBe(false);
    expect(timesSignAt(toks('1/2 x 90'), 1, numberOf)).toBe(false);
    expect(timesSignAt(toks('tubo x 10'), 1, numberOf)).toBe(false);
  });
});

describe('fresh11 › a place named with a few words around it', () => {
  it.each(['ok and to villa hermosa how much', 'es pa villa verde', 'the one on padre abreu?', 'y a caleta?', 'y la de villa hermosa?'])('should read "%s" as only a place', (text) => {
    expect(createStoreNames(tenant).isOnlyAPlace(text)).toBe(true);
  });

  it.each(['villa hermosa tiene cemento?', 'and to villa hermosa 10 sacos', 'ok gracias'])('should not read "%s" as only a place', (text) => {
    expect(createStoreNames(tenant).isOnlyAPlace(text)).toBe(false);
  });

  it('should answer the delivery fee of a place asked after the delivery days, not "we don\'t sell"', async () => {
    const [, fee] = await chatOnFreshHost(tenant, brain, 'f11-place', 'do you deliver on sundays?', 'ok and to villa hermosa how much');
    expect(fee).toContain('300');
    expect(fee).not.toMatch(/don't sell/i);
  });
});

describe('fresh11 › store facts asked the way customers text them', () => {
  it.each([
    ['and a restroom?', 'restroom'],
    ['mi papa anda en silla de ruedas, puede entrar a la tienda?', 'accessibility'],
    ['do u install it?', 'installation'],
    ['me pueden mandar el catalogo en pdf con precios', 'catalog'],
  ])('should read "%s" as %s', (text, fact) => {
    expect(storeFactsAsked(text)).toContain(fact);
  });

  it.each(['how much for a toilet', 'tienen silla plastica?', 'restroom faucet price'])('should find no restroom nor accessibility in "%s"', (text) => {
    const asked = storeFactsAsked(text);
    expect(asked).not.toContain('restroom');
    expect(asked).not.toContain('accessibility');
  });
});

describe('fresh11 › bulk goods told unopened after the returns policy', () => {
  it('should read unopened cement as not returnable, and an unopened drill as returnable', async () => {
    const { returnCondition } = await import('../../../src/machines/return-followups.js');
    expect(returnCondition('y unos sacos de cemento q me sobraron sin abrir?')).toBe('excluded');
    expect(returnCondition('the sand is unopened, I have the receipt')).toBe('excluded');
    expect(returnCondition('no lo he usado, tengo la factura')).toBe('eligible');
  });
});

describe('fresh11 › a job about to be done is no farewell; the phone asked alone', () => {
  it('should read a plan of work as a product question, and a farewell as a farewell', async () => {
    const { notAFarewell } = await import('../../../src/actors/brain/rule/plan-told.js');
    const bye = { name: 'goodbye' as const, confidence: 0.6 };
    expect(notAFarewell(bye, 'voy a hacer una acera q le pongo de refuerzo').name).toBe('product_inquiry');
    expect(notAFarewell(bye, "we're gonna build a wall, what do we need").name).toBe('product_inquiry');
    expect(notAFarewell(bye, 'bueno me voy, gracias').name).toBe('goodbye');
    expect(notAFarewell(bye, 'voy a pensarlo, bye').name).toBe('goodbye');
  });

  it('should answer a sidewalk job with the wire mesh, not a goodbye', async () => {
    const [reply] = await chatOnFreshHost(tenant, brain, 'f11-acera', 'voy a hacer una acera q le pongo de refuerzo');
    expect(reply).toContain('Malla');
    expect(reply).not.toMatch(/excelente día/);
  });

  it.each(['phone number?', 'y el telefono?', 'whatsapp?'])('should read "%s" as the store\'s contact', async (text) => {
    const { asksStorePhone } = await import('../../../src/actors/brain/rule/signals.js');
    expect(asksStorePhone(text)).toBe(true);
  });

  it.each(['mi numero?', 'numero de cuenta'])('should not read "%s" as the store\'s contact', async (text) => {
    const { asksStorePhone } = await import('../../../src/actors/brain/rule/signals.js');
    expect(asksStorePhone(text)).toBe(false);
  });
});
