import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { asksWhichColours } from '../../../src/machines/focus-questions.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('colours asked with the product named, and a colour alone after a family', () => {
  it('should tell a question of which colours from a colour named', () => {
    for (const text of ['¿qué colores de pintura tienen?', 'en qué colores viene el esmalte?', 'what colors of paint do you have?', 'qué colores hay de pintura satinada?', 'in which colours does it come?']) {
      expect(asksWhichColours(text), text).toBe(true);
    }
    for (const text of ['pintura color verde', 'tienen pintura blanca?', 'colorante para cemento', 'the green one']) expect(asksWhichColours(text), text).toBe(false);
  });

  it('should list the colours of the family asked first, and price a colour picked from them', async () => {
    const [list, green] = await chatOnFreshHost(tenant, brain, 'colours', '¿qué colores de pintura tienen?', '2 galones del verde');
    expect(list).toMatch(/Blanco Hueso/);
    expect(list).toMatch(/Verde/);
    expect(green).toMatch(/2 × RD\$1,650\.00 = \*RD\$3,300\.00\*/);
    const [enamel] = await chatOnFreshHost(tenant, brain, 'enamel', 'en qué colores viene el esmalte?');
    expect(enamel).toMatch(/Negro y Verde/);
  });

  it('should read "dame 2 galones del blanco" after the paints as that paint, not the white wood glue', async () => {
    const [, white] = await chatOnFreshHost(tenant, brain, 'white', 'tienen pintura?', 'dame 2 galones del blanco');
    expect(white).toMatch(/Pintura Acrílica Tropical Blanco/);
    expect(white).toMatch(/RD\$2,500\.00/);
    expect(white).not.toMatch(/Pegamento/);
  });
});

describe('how many are in stock of what is on the counter', () => {
  it("should give each option's count when two are shown, and the one product's otherwise", async () => {
    const [, , both] = await chatOnFreshHost(tenant, brain, 'stock', 'tiene varilla?', 'de media', '¿cuántas tienen?');
    expect(both).toMatch(/720 unidades/);
    expect(both).toMatch(/410 unidades/);
    const [, one] = await chatOnFreshHost(tenant, brain, 'stock-1', 'tienen cemento?', '¿cuántos hay?');
    expect(one).toMatch(/230 sacos/);
  });
});
