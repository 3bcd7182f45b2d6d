import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { parseProductText } from '../../../src/actors/catalog/attributes.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const ask = async (text: string): Promise<string> => (await chatOnFreshHost(tenant, brain, `fp-${text}`, text))[0] as string;

/** A first message picks by its own words: a superlative, a use, the pack's size. */
describe('picks said in the first message', () => {
  it.each([
    ['cual es el taladro mas barato?', /Truper/, /DeWalt/],
    ['el cemento mas barato', /Colonial/, /Cemex/],
    ['which is your biggest pvc pipe?', /Tubo PVC 4"/, /biggest/],
  ])('should answer "%s" with that one of the family', async (text, shown, not) => {
    const reply = await ask(text);
    expect(reply).toMatch(shown);
    expect(reply).not.toMatch(not);
  });

  it.each([
    ['pintura pa madera', /Esmalte de Aceite/],
    ['pintura para rejas', /Esmalte de Aceite/],
    ['pintura para techo', /Impermeabilizante/],
    ['tubo de 4 pa drenaje', /Tubo PVC 4" SDR-41 Drenaje/],
  ])('should answer "%s" with the product whose use it is', async (text, shown) => {
    expect(await ask(text)).toMatch(shown);
  });

  it('should say bits for concrete are not had when the bits are for metal, offering those', async () => {
    const reply = await ask('tienen brocas pa concreto?');
    expect(reply).toMatch(/no tenemos \*brocas para concreto\*/);
    expect(reply).toMatch(/Brocas para Metal/);
  });

  it('should read gallons said as what the pack holds as its size, and counted gallons as a count', () => {
    expect(parseProductText('5 gallon white paint').quantity).toBeUndefined();
    expect(parseProductText('pintura blanca de 5 galones').quantity).toBeUndefined();
    expect(parseProductText('5 galones de pintura').quantity).toBe(5);
    expect(parseProductText('5 gallons of paint').quantity).toBe(5);
  });
});
