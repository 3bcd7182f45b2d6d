import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { askedAs, isWhatIsAsked, namesNotSoldGood } from '../../../src/actors/tools/product-not-sold.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

async function ask(text: string): Promise<string> {
  const { host } = createMemoryHost({ tenant, brain });
  try {
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'not-sold', text });
    return turn.replies.map((r) => r.text).join('\n---\n');
  } finally {
    await host.close();
  }
}

/** Goods the store does not sell at all (store.json `tradeGoods` with `sold: false`): said so, never a look-alike. */
describe('goods the store does not sell', () => {
  it.each([
    ['¿tienen puertas?', '*puertas*', /Bisagra/],
    ['puerta de madera', '*puerta de madera*', /Cerradura/],
    ['do you sell doors?', '*doors*', /Bisagra/],
    ['ventanas de aluminio', '*ventanas de aluminio*', /Somos una ferretería/],
    ['tanque de gas', '*tanque de gas*', /Somos una ferretería/],
    ['cilindro de gas', '*cilindro de gas*', /Somos una ferretería/],
    ['manguera de gas', '*manguera de gas*', /Somos una ferretería/],
  ])('should answer "%s" with "No vendemos %s"', async (text, named, rest) => {
    const reply = await ask(text);
    expect(reply).toMatch(/No vendemos|We don't sell/);
    expect(reply).toContain(named);
    expect(reply).toMatch(rest);
    // Never the look-alike that only shares a word: the door bolt, the water tank, the aluminium level, the lock's cylinder.
    expect(reply).not.toMatch(/Pasador de Puerta|Tinaco|Nivel de Aluminio|Manguera de Jardín|Ahora mismo/);
  });

  it.each([
    ['cerradura para puerta', /Cerradura de Pomo/],
    ['bisagras de puerta', /Bisagra de Acero/],
    ['door hinges', /Bisagra de Acero/],
    ['tanque de agua', /Tinaco/],
    // The good named with what it is ("puerta de baño" is a name of the door): the lock or hinge asked, never "No vendemos *puerta de baño*".
    ['tienen cerradura pa puerta de baño', /Cerradura de Pomo/],
    ['tienen bisagras pa puerta de madera?', /Bisagra de Acero/],
    ['candado pa la puerta de hierro', /Candado de Latón/],
  ])('should answer "%s", a product for the good, with that product', async (text, product) => {
    const reply = await ask(text);
    expect(reply).toMatch(product);
    expect(reply).not.toMatch(/No vendemos|We don't sell/);
  });

  it('should read only what the message asks for as the good', () => {
    const known = (w: string): boolean => ['cerradura', 'pintar', 'lock'].includes(w);
    expect(isWhatIsAsked(['hola', 'tienen', 'puertas'], 2, 1, known)).toBe(true);
    expect(isWhatIsAsked(['necesito', '2', 'puertas'], 2, 1, known)).toBe(true);
    expect(isWhatIsAsked(['cerradura', 'de', 'puerta'], 2, 1, known)).toBe(false);
    expect(isWhatIsAsked(['quiero', 'pintar', 'la', 'puerta'], 3, 1, known)).toBe(false);
    expect(isWhatIsAsked(['door', 'lock'], 0, 1, known)).toBe(false);
    expect(askedAs(['tienen', 'algo', 'para', 'la', 'puerta'], 4, 1, known)).toBe('for');
  });

  it.each(['tienen algo para la puerta?', 'what do you have for a door?'])('should answer "%s" with what the store has for a door, not "we don\'t sell doors"', async (text) => {
    const reply = await ask(text);
    expect(reply).toMatch(/Bisagra de Acero/);
    expect(reply).toMatch(/Cerradura de Pomo/);
    expect(reply).not.toMatch(/No vendemos|We don't sell/);
  });
});

/** In a list, a good not sold is named as not carried; the rest is priced. */
describe('goods not sold in a list', () => {
  it('should tell an item that is such a good by its head', () => {
    expect(namesNotSoldGood(tenant.store.tradeGoods, 'puerta')).toBe(true);
    expect(namesNotSoldGood(tenant.store.tradeGoods, 'tanque gas')).toBe(true);
    expect(namesNotSoldGood(tenant.store.tradeGoods, 'cerradura puerta')).toBe(false);
    expect(namesNotSoldGood(tenant.store.tradeGoods, 'pasador de puerta')).toBe(false);
  });

  it.each([
    ['quiero 10 blocks y una puerta', /Block de Hormigón/, /No tenemos: \*puerta\*/],
    ['dame 2 codos de 4 y 3 yee de 4', /Codo PVC 4"/, /No tenemos: \*yee de 4\*/],
  ])('should price the rest of "%s" and name the good not carried', async (text, priced, named) => {
    const reply = await ask(text);
    expect(reply).toMatch(priced);
    expect(reply).toMatch(named);
    expect(reply).not.toMatch(/Pasador de Puerta/);
  });
});
