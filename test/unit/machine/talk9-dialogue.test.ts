import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('a plain "no" to an offer', () => {
  it('should turn the offer down and ask what else, never close the chat', async () => {
    const cases: [string, string][] = [['cuánto cuesta el taladro truper', 'no'], ['cuanto vale el cemento', 'no gracias'], ['tienen pintura azul?', 'no']];
    for (const [first, no] of cases) {
      const [, reply] = await chatOnFreshHost(tenant, brain, `decline-${first}`, first, no);
      expect(reply, first).toMatch(/algo más/);
      expect(reply, first).not.toMatch(/excelente día/);
    }
  });

  it('should still close on a real goodbye', async () => {
    const [, reply] = await chatOnFreshHost(tenant, brain, 'decline-bye', 'cuánto cuesta el cemento', 'no, adiós');
    expect(reply).toMatch(/excelente día/);
  });
});

describe('a name said after a price', () => {
  it('should meet the customer by name, note the contact and ask the offer again, not welcome them', async () => {
    const [, reply] = await chatOnFreshHost(tenant, brain, 'intro-later', 'cuánto cuesta el taladro truper', 'soy Luisa Martínez, luisam@hotmail.com');
    expect(reply).toMatch(/Mucho gusto, Luisa/);
    expect(reply).toMatch(/luisam@hotmail\.com/);
    expect(reply).toMatch(/aparto/);
    expect(reply).not.toMatch(/Bienvenido/);
  });
});

describe('what the store sells, and "¿sigues ahí?"', () => {
  it('should name the store lines to "¿qué venden?" and nothing else', async () => {
    const { asksWhatIsSold } = await import('../../../src/actors/tools/store-lines.js');
    for (const text of ['hola, qué venden?', 'q tienen?', 'qué es lo que venden ustedes', 'what do you sell?', 'what products do you carry']) expect(asksWhatIsSold(text), text).toBe(true);
    for (const text of ['qué tienen de pintura?', 'tienen cemento?', 'venden varilla?', 'what do you have in paint?']) expect(asksWhatIsSold(text), text).toBe(false);
    const [lines] = await chatOnFreshHost(tenant, brain, 'lines', 'hola, qué venden?');
    expect(lines).toMatch(/Tubería PVC/);
  });

  it('should say "¡Aquí estoy!" to "¿sigues ahí?" later in the chat, not "¡Hola de nuevo!"', async () => {
    const [, here] = await chatOnFreshHost(tenant, brain, 'here', 'cuanto cuesta el cemento', 'sigues ahí?');
    expect(here).toMatch(/Aquí estoy/);
    expect(here).not.toMatch(/Hola de nuevo/);
  });
});

describe('"no entiendo" after a list of options', () => {
  it('should say how to choose one, not the general menu', async () => {
    const [, again] = await chatOnFreshHost(tenant, brain, 'options-again', 'cuánto cuesta el taladro', 'no entiendo');
    expect(again).toMatch(/la primera/);
    expect(again).not.toMatch(/estado de tu cuenta/);
  });
});
