import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { readFocusQuestion } from '../../../src/machines/focus-questions.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** "¿trae brocas?", "¿tiene asiento?", "does it come with a seat?" about the product on the counter. */
describe('what a product comes with', () => {
  it('should read the thing asked, and leave the store questions and the stock questions alone', () => {
    expect(readFocusQuestion('tiene asiento?')).toEqual({ kind: 'includes', thing: 'asiento', said: 'asiento' });
    expect(readFocusQuestion('¿viene con su asiento?')).toEqual({ kind: 'includes', thing: 'asiento', said: 'asiento' });
    expect(readFocusQuestion('y trae brocas?')).toEqual({ kind: 'includes', thing: 'brocas', said: 'brocas' });
    expect(readFocusQuestion('el tanque viene incluido?')).toEqual({ kind: 'includes', thing: 'tanque', said: 'el tanque' });
    expect(readFocusQuestion('does it come with a seat?')).toEqual({ kind: 'includes', thing: 'seat', said: 'a seat' });
    expect(readFocusQuestion('is the seat included?')).toEqual({ kind: 'includes', thing: 'seat', said: 'the seat' });
    for (const text of ['tienen brocas?', 'tiene garantía?', 'tiene descuento?', '¿incluye instalación?', 'viene en galón?', 'does it have a warranty?', 'tiene más?', 'viene con todo?', 'tiene buena calidad?']) {
      expect(readFocusQuestion(text)?.kind, text).not.toBe('includes');
    }
  });

  it('should say yes with the offer that gives it (the DeWalt drill and its bits)', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'inc-dewalt', '¿cuánto el taladro dewalt?', '¿trae brocas?');
    expect(replies[1]).toContain('¡Sí, con la oferta de ahora!');
    expect(replies[1]).toContain('DeWalt');
  });

  it('should say honestly that the data is silent, and show the thing sold apart', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'inc-truper', 'taladro truper', 'trae brocas?');
    expect(replies[1]).toContain('no dice que traiga brocas');
    expect(replies[1]).toContain('Juego de Brocas para Metal 13 Piezas');
  });

  it('should never answer "No vendemos asiento" about the toilet on the counter', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'inc-toilet', 'necesito un inodoro', 'tiene asiento?');
    // The seat is sold apart (catalog17): the sheet does not promise one, and the seat is offered.
    expect(es[1]).toContain('no dice que traiga asiento');
    expect(es[1]).toContain('Asiento para Inodoro Blanco');
    expect(es[1]).not.toContain('No vendemos');
    const en = await chatOnFreshHost(tenant, brain, 'inc-toilet-en', 'the toilet', 'does it come with a seat?');
    expect(en[1]).toContain("doesn't say it comes with a seat");
    expect(en[1]).toContain('Asiento para Inodoro Blanco');
  });
});

describe('words that take the order', () => {
  it('should read "book it", "put it on hold", "mándalo", "guárdamelo" as taking what was just priced', async () => {
    const { takesTheOrder } = await import('../../../src/machines/order-words.js');
    for (const text of ['ok book it', 'put it on hold for me', 'keep them for me', 'go ahead and order it', 'sí, mándalo', 'guárdamelo', 'tráelos']) expect(takesTheOrder(text), text).toBe(true);
    for (const text of ['the order never came', 'el pedido no llegó', 'cuánto cobran por llevarlo?']) expect(takesTheOrder(text), text).toBe(false);
  });

  it('should take the reservation with delivery for "ok book it" after the delivery offer, never say goodbye', async () => {
    const replies = await chatOnFreshHost(tenant, brain, 'book-it', 'hi do you have cement?', 'how much for 20 bags?', 'can you deliver to bayahibe?', 'ok book it');
    expect(replies[3]).toContain('20 x Cemento Gris');
    expect(replies[3]).toContain('T-0');
    expect(replies[3]).not.toContain('Have a great day');
  });
});

describe('a name given after the reservation', () => {
  it('should note "a nombre de …" and "mi nombre es …, phone" with the open request, never a new welcome', async () => {
    const a = await chatOnFreshHost(tenant, brain, 'name-after', 'quiero 10 sacos de cemento', 'si reservamelo', 'a nombre de Pedro Santana');
    expect(a[2]).toContain('*Pedro Santana*');
    expect(a[2]).toMatch(/T-\d+/);
    const b = await chatOnFreshHost(tenant, brain, 'name-phone-after', 'quiero 10 sacos de cemento', 'si', 'mi nombre es Pedro Santana, 8095557788');
    expect(b[2]).toContain('Pedro Santana, xxx-xx88');
    expect(b[2]).not.toContain('bienvenido');
    // With nothing open, an introduction is still a greeting by name.
    const c = await chatOnFreshHost(tenant, brain, 'intro-later', 'hola', 'soy Ana Perez');
    expect(c[1]).toContain('¡Hola, Ana!');
  });
});

describe('what a product comes with: the thing itself, and the product set aside on a yes', () => {
  it('should never offer a dearer thing or a part for the thing as the thing sold apart', async () => {
    const en = await chatOnFreshHost(tenant, brain, 'tank-en', 'hi, do you sell toilets?', 'does it include the tank?');
    expect(en[1]).not.toContain('Tinaco');
    const es = await chatOnFreshHost(tenant, brain, 'tank-es', 'necesito un inodoro', 'trae tanque?');
    expect(es[1]).not.toContain('Flotante');
    // The drill's bits are still shown apart (cheaper, and a set of bits is bits).
    const bits = await chatOnFreshHost(tenant, brain, 'bits', 'tienen taladro truper?', 'trae brocas?');
    expect(bits[1]).toContain('Juego de Brocas para Metal 13 Piezas');
  });

  it('should set the product aside on a yes after any answer about what it comes with', async () => {
    const offer = await chatOnFreshHost(tenant, brain, 'incl-yes', 'tienen el taladro dewalt?', 'trae brocas?', 'si');
    expect(offer[2]).toContain('1 x Taladro Percutor 1/2" 750W DeWalt');
    const unknown = await chatOnFreshHost(tenant, brain, 'incl-unknown', 'hi, do you sell toilets?', 'does it include the tank?', "ok I'll take it");
    expect(unknown[2]).toContain('1 x Inodoro Completo Blanco Dos Piezas');
    expect(unknown[2]).not.toContain('Have a great day');
  });
});

/** "¿viene completo?", "does it come with everything?": what the listing says, and what goes apart to install it. */
describe('whether a product comes complete', () => {
  it('should read the question of everything, the thing after "o" included, and leave the single things to includes', () => {
    for (const text of ['viene completo?', '¿trae todo? o hay que comprar aparte la llave?', 'viene con todo?', 'hay que comprarle algo aparte?', 'does it come with everything?', 'is it complete?', 'do I need to buy anything else?']) {
      expect(readFocusQuestion(text), text).toEqual({ kind: 'complete' });
    }
    for (const text of ['trae asiento?', 'tienen inodoro completo?', 'esta completo el pedido?', 'todo bien?']) {
      expect(readFocusQuestion(text)?.kind, text).not.toBe('complete');
    }
  });

  it('should say what the toilet comes with, and the hose and the wax ring bought apart, never a faucet list', async () => {
    const es = await chatOnFreshHost(tenant, brain, 'complete-es', 'cuanto cuesta un inodoro?', 'trae todo? o hay que comprar aparte la llave?');
    expect(es[1]).toContain('la taza y el tanque');
    expect(es[1]).toContain('Manguera Flexible');
    expect(es[1]).toContain('Anillo de Cera');
    expect(es[1]).not.toContain('Llave de Lavamanos');
    const en = await chatOnFreshHost(tenant, brain, 'complete-en', 'how much is a toilet?', 'does it come with everything?', "ok I'll take it");
    expect(en[1]).toContain('the bowl and the tank');
    expect(en[2]).toContain('1 x Inodoro Completo Blanco Dos Piezas');
  });

  it('should say honestly that the sheet does not detail it when the product has no list', async () => {
    const faucet = await chatOnFreshHost(tenant, brain, 'complete-faucet', 'cuanto cuesta la llave de lavamanos?', 'viene completa?');
    expect(faucet[1]).toContain('no detalla');
    expect(faucet[1]).toContain('Manguera Flexible');
  });
});
